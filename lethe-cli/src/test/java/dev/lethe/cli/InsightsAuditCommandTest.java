package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.run.BuildRequest;
import dev.lethe.pipeline.run.DemoInputs;
import dev.lethe.pipeline.run.SnapshotBuilder;
import dev.lethe.platform.demo.DemoWorkspace;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lethe insights} and {@code lethe audit} as a user runs them. */
class InsightsAuditCommandTest {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run lethe(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      var cl = Main.commandLine();
      cl.setErr(new java.io.PrintWriter(System.err, true));
      int exit = cl.execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void insightsWritesReportsAndStopsAtTheBudget() {
    Path ws = tmp.resolve("ws");
    DemoWorkspace.seed(ws);
    Run first = lethe("insights", "--workspace", ws.toString(), "--by", "language,feature", "--budget-rho", "0.5",
        "--out", tmp.resolve("out").toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("cells released").contains("rho 0.1 of 0.5 spent");
    assertThat(tmp.resolve("out/insights.json")).exists();
    assertThat(tmp.resolve("out/insights.html")).exists();
    Run big = lethe("insights", "--workspace", ws.toString(), "--by", "topic", "--rho", "0.45");
    assertThat(big.exit()).isEqualTo(1);
    assertThat(big.err()).contains("privacy budget of 'eligible-conversations' exhausted");
    assertThat(lethe("insights", "--workspace", ws.toString(), "--budget").out()).contains("rho 0.1 of 0.5 spent")
        .contains("1 releases");
    Run raise = lethe("insights", "--workspace", ws.toString(), "--by", "topic", "--budget-rho", "5");
    assertThat(raise.exit()).isEqualTo(1);
    assertThat(raise.err()).contains("fixed at rho 0.5");
    Run bad = lethe("insights", "--workspace", ws.toString(), "--by", "mood");
    assertThat(bad.err()).contains("unknown dimension 'mood'");
  }

  @Test
  void auditWritesTheReportsAndTheExclusionList() throws Exception {
    Path ws = tmp.resolve("ws");
    DemoWorkspace.seed(ws);
    DemoInputs.extract(tmp.resolve("in"));
    Path snap = tmp.resolve("s1");
    try (Database db = Database.sqlite(ws.resolve("lethe.db"), Clock.systemUTC())) {
      SnapshotBuilder.build(new BuildRequest(PipelineConfig.defaults(),
          Pseudonyms.of("cli-test-pseudonym-key-32-bytes-long!".getBytes(StandardCharsets.US_ASCII)), TrainingSource.of(db),
          "lethe.db", List.of(tmp.resolve("in/web")), List.of(tmp.resolve("in/partner")), snap, 1, 1, null));
    }
    Run r = lethe("audit", snap.toString(), "--action", "mask", "--no-residual");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("lethe audit:").contains("canaries: ").contains("exclusion list:");
    Path out = tmp.resolve("s1-audit");
    assertThat(Files.readString(out.resolve("audit-exclusions.json"))).contains("lethe-audit-exclusions/1");
    assertThat(out.resolve("audit.html")).exists();
    assertThat(lethe("audit", tmp.resolve("nothing").toString()).err()).contains("not a finished snapshot");
  }
}
