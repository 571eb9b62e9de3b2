package dev.lethe.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.pipeline.Fixtures;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.pipeline.sink.Snapshot;
import dev.lethe.platform.demo.DemoWorkspace;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same inputs and configuration give byte-identical shards, whatever the number of threads, run after run. */
class DeterminismTest {
  @TempDir static Path tmp;
  static Path web;
  static Path partner;
  static Path workspace;

  @BeforeAll
  static void inputs() throws Exception {
    web = tmp.resolve("web");
    partner = tmp.resolve("partner");
    Fixtures.mixedInputs(web, partner, 800, 42);
    workspace = tmp.resolve("ws");
    DemoWorkspace.seed(workspace);
  }

  @Test
  void oneThreadFourThreadsAndARerunWriteTheSameBytes() throws Exception {
    PipelineConfig cfg = PipelineConfig.defaults().withShards(5).withMaxPiiSpans(5);
    Manifest a = build(cfg, "one", 1);
    Manifest b = build(cfg, "four", 4);
    Manifest c = build(cfg, "again", 4);
    assertThat(a.counts().documentsOut()).isGreaterThan(300);
    assertThat(a.counts().byReason()).containsKeys("duplicate_text", "robots_disallowed", "blocked_domain", "licence_not_allowed",
        "unreadable");
    assertThat(b.shards()).isEqualTo(a.shards());
    assertThat(c.shards()).isEqualTo(a.shards());
    assertThat(b.files()).isEqualTo(a.files());
    assertThat(b.snapshotId()).isEqualTo(a.snapshotId());
    for (Manifest.Shard s : a.shards()) {
      assertThat(Files.readAllBytes(tmp.resolve("four").resolve(s.file()))).isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(s.file())));
    }
    assertThat(Files.readAllBytes(tmp.resolve("four").resolve(Snapshot.EXCLUSIONS)))
        .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(Snapshot.EXCLUSIONS)));
  }

  private static Manifest build(PipelineConfig cfg, String name, int threads) throws Exception {
    try (Database db = Database.sqlite(workspace.resolve("lethe.db"), Clock.systemUTC())) {
      return Fixtures.build(cfg, TrainingSource.of(db), web, partner, tmp.resolve(name), threads).manifest();
    }
  }
}
