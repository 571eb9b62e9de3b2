package dev.lethe.cli;

import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.run.Runner;
import dev.lethe.pipeline.audit.Forget;
import dev.lethe.pipeline.run.Summaries;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "forget", mixinStandardHelpOptions = true,
    description = {"Propagate deletions and opt-outs since a snapshot into a new snapshot.", "",
        "Conversations and accounts deleted, do-not-train and delete requests completed, and memories deleted or"
            + " edited since the parent leave; newly suppressed strings are masked. Only the shards that held them"
            + " are rewritten; the others are copied unchanged."},
    footer = {"", "Example:", "  lethe forget --workspace ws --parent snap/s1 --out snap/s2"})
final class ForgetCommand implements Callable<Integer> {
  @Mixin BuildCommand.StoreOptions store;

  @Mixin RunnerOptions runners;

  @Option(names = "--parent", required = true, paramLabel = "DIR", description = "The snapshot to start from.")
  Path parent;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new snapshot folder.")
  Path out;

  @Override
  public Integer call() throws Exception {
    BuildCommand.quietLibraries();
    if (runners.relaunch()) {
      return runners.relaunchNow();
    }
    return forget(store, parent, out, BuildCommand.pseudonyms(System.err), System.out, runners);
  }

  static int forget(BuildCommand.StoreOptions store, Path parent, Path out, Pseudonyms pseudonyms, PrintStream stdout,
      RunnerOptions runners) throws Exception {
    if (!store.given()) {
      throw new IllegalArgumentException("forget reads the store's changes: give --workspace or --db-url");
    }
    try (Database db = store.open(); Runner runner = runners.open(Runtime.getRuntime().availableProcessors())) {
      Forget.Result r = Forget.run(parent, out, TrainingSource.of(db), pseudonyms, runner.shards());
      if (r.alreadyComplete()) {
        stdout.println(out + " is already a complete snapshot (" + r.manifest().snapshotId() + "); nothing to do");
      } else {
        stdout.print(Summaries.forget(r.manifest()));
      }
      return 0;
    }
  }
}
