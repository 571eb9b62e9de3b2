package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.pipeline.run.DemoInputs;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.platform.controls.Actors;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.Outbox;
import dev.lethe.platform.demo.DemoWorkspace;
import dev.lethe.platform.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lethe build|verify|forget --runner spark --master local[2]} (the runner found as a service, as in the job
 * jar): the same snapshots as the local runner, forget rewriting only the shard that held the deleted conversation.
 */
class SparkRunnerCommandsTest {
  @TempDir Path tmp;

  @Test
  void buildVerifyAndForgetOnSparkMatchTheLocalRunner() throws Exception {
    Path ws = tmp.resolve("ws");
    DemoWorkspace.Summary seeded = DemoWorkspace.seed(ws);
    DemoInputs.extract(tmp.resolve("in"));
    String[] inputs = {"--workspace", ws.toString(), "--web", tmp.resolve("in/web").toString(), "--partner",
        tmp.resolve("in/partner").toString(), "--shards", "6"};
    assertThat(lethe(concat(new String[] {"build", "--out", tmp.resolve("local1").toString(), "--threads", "2"}, inputs))).isZero();
    assertThat(lethe(concat(new String[] {"build", "--out", tmp.resolve("spark1").toString(), "--runner", "spark", "--master",
        "local[2]"}, inputs))).isZero();
    Manifest local1 = Manifest.read(tmp.resolve("local1"));
    Manifest spark1 = Manifest.read(tmp.resolve("spark1"));
    assertThat(spark1.shards()).isEqualTo(local1.shards());
    assertThat(spark1.files()).isEqualTo(local1.files());
    assertThat(lethe("verify", tmp.resolve("spark1").toString(), "--workspace", ws.toString(), "--runner", "spark", "--master",
        "local[2]")).isZero();

    try (Database db = Database.sqlite(ws.resolve("lethe.db"), Clock.systemUTC());
        DataControls dc = DataControls.builder(db, ws).notifier(new Outbox(ws.resolve("outbox"))).build()) {
      String maria = seeded.users().get("maria.keller@example.de");
      String conversation = dc.conversations().history(maria, false).stream()
          .filter(c -> "Letter to my landlord".equals(c.title())).findFirst().orElseThrow().id();
      dc.conversations().delete(Actors.user(maria), maria, conversation);
    }
    assertThat(lethe("forget", "--workspace", ws.toString(), "--parent", tmp.resolve("local1").toString(), "--out",
        tmp.resolve("local2").toString())).isZero();
    assertThat(lethe("forget", "--workspace", ws.toString(), "--parent", tmp.resolve("spark1").toString(), "--out",
        tmp.resolve("spark2").toString(), "--runner", "spark", "--master", "local[2]")).isZero();
    Manifest local2 = Manifest.read(tmp.resolve("local2"));
    Manifest spark2 = Manifest.read(tmp.resolve("spark2"));
    assertThat(spark2.forget().shardsRewritten()).isEqualTo(1);
    assertThat(spark2.forget()).isEqualTo(local2.forget());
    assertThat(spark2.shards()).isEqualTo(local2.shards());
    // the reports name the child's id, which digests the parent's manifest (and so its creation time): not compared
    java.util.function.Function<Manifest, java.util.Map<String, String>> noReport = m -> new java.util.TreeMap<>(
        java.util.Map.of("exclusions", m.files().get("exclusions.jsonl.zst"), "documents", m.files().get("lineage/documents.jsonl.zst"),
            "subjects", m.files().get("lineage/subjects.jsonl.zst")));
    assertThat(noReport.apply(spark2)).isEqualTo(noReport.apply(local2));
    assertThat(spark2.counts().documentsOut()).isEqualTo(spark1.counts().documentsOut() - 1);
    assertThat(lethe("verify", tmp.resolve("spark2").toString(), "--workspace", ws.toString(), "--runner", "spark", "--master",
        "local[2]")).isZero();
    assertThat(lethe("verify", tmp.resolve("spark1").toString(), "--workspace", ws.toString(), "--runner", "spark", "--master",
        "local[2]")).as("the parent still holds the deleted conversation: pending, not a violation").isZero();
  }

  private static int lethe(String... args) {
    return Main.commandLine().execute(args);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
