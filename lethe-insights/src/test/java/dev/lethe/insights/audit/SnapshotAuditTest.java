package dev.lethe.insights.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.run.BuildRequest;
import dev.lethe.pipeline.run.DemoInputs;
import dev.lethe.pipeline.run.SnapshotBuilder;
import dev.lethe.platform.demo.DemoWorkspace;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit of a snapshot the pipeline really built from the demo store, web pages and partner files. */
class SnapshotAuditTest {
  @TempDir Path tmp;
  static final Pseudonyms KEY = Pseudonyms.of("insights-test-pseudonym-key-32-bytes!".getBytes(StandardCharsets.US_ASCII));

  @Test
  void auditsABuiltSnapshotWithItsLineageAndCanaries() throws Exception {
    Path ws = tmp.resolve("ws");
    DemoWorkspace.seed(ws);
    DemoInputs.extract(tmp.resolve("in"));
    Path snap = tmp.resolve("s1");
    SnapshotBuilder.Result built;
    try (Database db = Database.sqlite(ws.resolve("lethe.db"), Clock.systemUTC())) {
      built = SnapshotBuilder.build(new BuildRequest(PipelineConfig.defaults(), KEY, TrainingSource.of(db), "lethe.db",
          List.of(tmp.resolve("in/web")), List.of(tmp.resolve("in/partner")), snap, 2, 2, null));
    }
    Path scores = tmp.resolve("scores.jsonl");
    Files.writeString(scores, "{\"canary\": \"" + built.canaries().get(0).value() + "\", \"score\": -1.0, \"references\": [-5, -6, -7]}\n");
    AuditReport r = SnapshotAudit.audit(snap, scores, Auditor.Options.DEFAULT);
    assertThat(r.snapshotId()).isEqualTo(built.manifest().snapshotId());
    assertThat(r.documents()).isEqualTo(built.manifest().counts().documentsOut());
    assertThat(r.subjects()).isLessThan(r.documents());  // several conversations share a user's pseudonym
    assertThat(r.canariesPlanted()).isEqualTo(built.canaries().size()).isPositive();
    assertThat(r.canariesPresent()).isZero();            // ineligible ones left with their record, eligible ones masked
    assertThat(r.exposure()).singleElement().satisfies(e -> assertThat(e.exposure()).isEqualTo(2.0));

    Path out = tmp.resolve("audit");
    r.write(out);
    JsonNode json = AuditReport.MAPPER.readTree(out.resolve(AuditReport.JSON_FILE).toFile());
    assertThat(json.get("documents").asLong()).isEqualTo(r.documents());
    assertThat(AuditReport.MAPPER.readTree(out.resolve(AuditReport.EXCLUSIONS_FILE).toFile()).get("format").asText())
        .isEqualTo(AuditReport.EXCLUSIONS_FORMAT);
    assertThat(Files.readString(out.resolve(AuditReport.HTML_FILE))).contains("Riskiest documents");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void refusesAnUnfinishedSnapshotAndNamesABadScoresLine() throws Exception {
    Files.createDirectories(tmp.resolve("half"));
    assertThatThrownBy(() -> SnapshotAudit.audit(tmp.resolve("half"), null, Auditor.Options.DEFAULT))
        .hasMessageContaining("not a finished snapshot");
    Path scores = tmp.resolve("s.jsonl");
    Files.writeString(scores, "{\"canary\": \"a\", \"score\": 1, \"references\": [0]}\n{\"canary\": \"b\", \"score\": \"high\"}\n");
    assertThatThrownBy(() -> SnapshotAudit.scores(scores)).hasMessageContaining("s.jsonl:2");
  }
}
