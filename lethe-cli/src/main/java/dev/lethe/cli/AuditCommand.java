package dev.lethe.cli;

import dev.lethe.insights.audit.AuditReport;
import dev.lethe.insights.audit.Auditor;
import dev.lethe.insights.audit.SnapshotAudit;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"Audit a snapshot for what could re-identify a person.", "",
        "Looks for residual direct identifiers (the filter at recall), quasi-identifier combinations stated in the"
            + " text (age, birth year, postcode, city, gender, employer, job title, diagnosis) and their k over"
            + " distinct users, n-grams only one user repeats, and planted canaries (presence; Carlini et al.'s"
            + " exposure with --scores). Writes audit.json, audit.html and audit-exclusions.json (documents to drop"
            + " or mask in the next snapshot; docs/insights.md)."},
    footer = {"", "Example:", "  lethe audit snap/s1 --out snap/s1-audit --k 5 --action mask"})
final class AuditCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SNAPSHOT", description = "The snapshot folder.")
  Path snapshot;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for the reports (default: SNAPSHOT-audit beside it).")
  Path out;

  @Option(names = "--k", defaultValue = "5", description = "A combination shared by fewer distinct users is a finding (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--ngram", defaultValue = "4", description = "Word n-gram length for rare phrases (default ${DEFAULT-VALUE}).")
  int ngram;

  @Option(names = "--top", defaultValue = "50", description = "Riskiest documents listed (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--action", defaultValue = "drop", description = "For documents below k in the exclusion list: drop or mask (default ${DEFAULT-VALUE}).")
  Auditor.Action action;

  @Option(names = "--scores", paramLabel = "FILE",
      description = "JSONL of model scores of the planted canaries: {\"canary\", \"score\", \"references\": [...]}, higher is more likely.")
  Path scores;

  @Option(names = "--no-residual", description = "Skip the recall filter (the slowest check).")
  boolean noResidual;

  @Override
  public Integer call() throws Exception {
    BuildCommand.quietLibraries();
    Auditor.Options o = new Auditor.Options(k, ngram, 2, top, !noResidual, action);
    AuditReport r = SnapshotAudit.audit(snapshot, scores, o);
    Path dir = out != null ? out : snapshot.toAbsolutePath().resolveSibling(snapshot.getFileName() + "-audit");
    r.write(dir);
    System.out.printf("lethe audit: %d documents of %d users or sources%n", r.documents(), r.subjects());
    System.out.printf("  residual direct identifiers (recall): %d documents %s%n", r.documentsWithResidual(), r.residualByLabel());
    System.out.printf("  quasi-identifiers: %d documents, %d below k=%d%n", r.documentsWithQuasiIdentifiers(), r.documentsBelowK(), k);
    System.out.printf("  %d-grams only one user repeats: %d, in %d documents%n", ngram, r.rareNgrams(), r.documentsWithRareNgrams());
    System.out.printf("  canaries: %d planted, %d present%n", r.canariesPlanted(), r.canariesPresent());
    r.exposure().forEach(e -> System.out.printf("  exposure: rank %d of %d, %.2f of %.2f bits%n", e.rank(), e.candidates(),
        e.exposure(), e.maxExposure()));
    System.out.printf("  exclusion list: %d documents -> %s%n", r.exclusions().size(), dir.resolve(AuditReport.EXCLUSIONS_FILE));
    System.out.printf("  report: %s%n", dir.resolve(AuditReport.HTML_FILE));
    return 0;
  }
}
