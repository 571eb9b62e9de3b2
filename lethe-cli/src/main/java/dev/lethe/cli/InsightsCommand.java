package dev.lethe.cli;

import dev.lethe.insights.Dimension;
import dev.lethe.insights.InsightQuery;
import dev.lethe.insights.Insights;
import dev.lethe.insights.InsightsReport;
import dev.lethe.insights.InsightsResult;
import dev.lethe.insights.dp.PrivacyLedger;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "insights", mixinStandardHelpOptions = true,
    description = {"Release usage insights over eligible conversations, in aggregate only.", "",
        "Each user is bounded to a few cells, cells with fewer than K distinct users are never shown (with DP"
            + " partition selection), counts get discrete Gaussian noise, and every release is charged to the"
            + " workspace's privacy ledger (zCDP), which refuses releases past the budget. Writes insights.json and"
            + " insights.html (docs/insights.md)."},
    footer = {"", "Examples:", "  lethe insights --workspace ws --by topic --out insights/topics",
        "  lethe insights --workspace ws --by topic,language --rho 0.05 --out insights/topic-lang",
        "  lethe insights --workspace ws --budget"})
final class InsightsCommand implements Callable<Integer> {
  @Option(names = "--workspace", defaultValue = "workspace", paramLabel = "DIR",
      description = "Workspace: its SQLite store (DIR/lethe.db) and its ledger (DIR/" + Insights.LEDGER_FILE + "); default ./${DEFAULT-VALUE}.")
  Path workspace;

  @Option(names = "--db-url", paramLabel = "URL", description = "PostgreSQL JDBC URL instead of the workspace's SQLite store (the ledger stays in the workspace).")
  String dbUrl;

  @Option(names = "--by", split = ",", paramLabel = "DIM",
      description = "One to three of: topic, language, length, feature, day, week (several: a breakdown).")
  List<String> by;

  @Option(names = "--rho", defaultValue = "0.1", description = "zCDP cost of this release (default ${DEFAULT-VALUE}).")
  BigDecimal rho;

  @Option(names = "--delta", defaultValue = "1e-8", description = "Partition-selection delta of this release (default ${DEFAULT-VALUE}).")
  BigDecimal delta;

  @Option(names = "--k", defaultValue = "50", description = "Minimum distinct users per released cell (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--max-partitions", defaultValue = "4", description = "Cells one user counts in at most (default ${DEFAULT-VALUE}).")
  int maxPartitions;

  @Option(names = "--max-conversations-per-cell", defaultValue = "5",
      description = "Conversations one user adds to one cell at most (default ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(names = "--budget-rho", description = "Total rho of a new ledger (default 1); an existing ledger keeps its own and refuses another.")
  BigDecimal budgetRho;

  @Option(names = "--budget-delta", description = "Total delta of a new ledger (default 1e-6).")
  BigDecimal budgetDelta;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for insights.json and insights.html (default: JSON on stdout).")
  Path out;

  @Option(names = "--budget", description = "Only show the ledger: budget, spent, releases.")
  boolean showBudget;

  @Override
  public Integer call() throws Exception {
    BuildCommand.quietLibraries();
    Files.createDirectories(workspace);
    PrivacyLedger ledger = PrivacyLedger.open(workspace.resolve(Insights.LEDGER_FILE), Insights.CONVERSATIONS, budgetRho,
        budgetDelta, Clock.systemUTC());
    if (showBudget) {
      PrivacyLedger.Status s = ledger.status();
      System.out.println("ledger " + workspace.resolve(Insights.LEDGER_FILE) + ": rho " + s.spentRho().toPlainString() + " of "
          + s.budgetRho().toPlainString() + " spent, delta " + s.spentDelta().toPlainString() + " of "
          + s.budgetDelta().toPlainString() + ", " + s.releases() + " releases");
      return 0;
    }
    if (by == null || by.isEmpty()) {
      throw new IllegalArgumentException("--by: name one to three dimensions (" + String.join(", ",
          Arrays.stream(Dimension.values()).map(Dimension::id).toList()) + ")");
    }
    InsightQuery q = new InsightQuery(by.stream().map(Dimension::parse).toList(), rho, delta, k, maxPartitions, maxRows);
    if (dbUrl == null && !Files.isRegularFile(workspace.resolve("lethe.db"))) {
      throw new IllegalArgumentException("no store at " + workspace.resolve("lethe.db"));
    }
    InsightsResult r;
    try (Database db = Database.open(workspace, dbUrl, Clock.systemUTC())) {
      r = Insights.over(TrainingSource.of(db), ledger, Clock.systemUTC()).release(q);
    }
    if (out == null) {
      System.out.println(InsightsReport.json(r).toPrettyString());
    } else {
      InsightsReport.write(r, out);
      System.out.println("lethe insights: " + r.cells().size() + " cells released to " + out.resolve(InsightsReport.HTML_FILE)
          + "; users ±" + r.mechanism().ci95Users() + ", conversations ±" + r.mechanism().ci95Conversations()
          + " (95%); ledger: rho " + r.ledger().spentRho().toPlainString() + " of " + r.ledger().budgetRho().toPlainString() + " spent");
    }
    return 0;
  }
}
