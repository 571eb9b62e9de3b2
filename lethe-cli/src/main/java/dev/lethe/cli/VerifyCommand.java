package dev.lethe.cli;

import dev.lethe.pipeline.audit.Verifier;
import dev.lethe.pipeline.run.Runner;
import dev.lethe.pipeline.run.Summaries;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check a snapshot's integrity and that nothing ineligible is in it.", "",
        "Manifest and shards agree (digests, counts, lineage, conservation); no excluded record and no planted"
            + " canary; with the store, no deleted or opted-out record and no suppressed string. Reports residual"
            + " PII found by the filter at the recall operating point. Exit code 1 on a violation."},
    footer = {"", "Example:", "  lethe verify snap/s1 --workspace ws"})
final class VerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SNAPSHOT", description = "The snapshot folder.")
  Path snapshot;

  @Mixin BuildCommand.StoreOptions store;

  @Mixin RunnerOptions runners;

  @Option(names = "--threads", paramLabel = "N", description = "Shards scanned in parallel (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--residual-every", paramLabel = "N", defaultValue = "1",
      description = "Run the recall filter on every Nth document only (default: every one); the other checks read all.")
  int residualEvery;

  @Override
  public Integer call() throws Exception {
    BuildCommand.quietLibraries();
    if (runners.relaunch()) {
      return runners.relaunchNow();
    }
    Verifier.Report r;
    try (Runner runner = runners.open(threads)) {
      if (store.given()) {
        try (Database db = store.open()) {
          r = Verifier.verify(snapshot, TrainingSource.of(db), BuildCommand.pseudonyms(System.err), runner.shards(), residualEvery);
        }
      } else {
        r = Verifier.verify(snapshot, null, null, runner.shards(), residualEvery);
      }
    }
    System.out.print(Summaries.verify(r));
    return r.ok() ? 0 : 1;
  }
}
