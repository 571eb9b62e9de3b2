package dev.lethe.cli;

import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.Retention;
import dev.lethe.platform.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "retention", mixinStandardHelpOptions = true,
    description = {"Purge what the retention rules make due.", "",
        "Temporary chats go 30 days after they were made, deleted conversations and accounts 30 days after"
            + " deletion, and exports when they expire."},
    subcommands = {RetentionCommand.Run.class, RetentionCommand.Status.class})
final class RetentionCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static class StoreOptions {
    @Option(names = "--workspace", defaultValue = "workspace", description = "Workspace folder (default ./${DEFAULT-VALUE}).")
    Path workspace;

    @Option(names = "--db-url", description = "PostgreSQL JDBC URL instead of the workspace's SQLite file.")
    String dbUrl;

    /** Opens the store and the service, runs {@code work}, closes both. */
    int with(java.util.function.ToIntFunction<DataControls> work) {
      try (Database db = Database.open(workspace, dbUrl, Clock.systemUTC());
          DataControls dc = DataControls.builder(db, workspace).build()) {
        return work.applyAsInt(dc);
      }
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Purge everything due now.", "", "Safe to run twice, and safe to kill midway and rerun."})
  static final class Run implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Mixin StoreOptions store;

    @Override
    public Integer call() {
      return store.with(dc -> {
        Retention.Report r = dc.retention().run();
        System.out.println("purged " + r.conversationsPurged() + " conversations, " + r.accountsPurged() + " accounts; "
            + r.exportsExpired() + " exports expired" + (r.spaceReclaimed() ? "" : "; the SQLite WAL was busy, run again to truncate it"));
        return 0;
      });
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Show what is due and when the job last ran.")
  static final class Status implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Mixin StoreOptions store;

    @Override
    public Integer call() {
      return store.with(dc -> {
        Retention.Status s = dc.retention().status();
        System.out.println("due now: " + s.conversationsDue() + " conversations, " + s.accountsDue() + " accounts, "
            + s.exportsDue() + " exports; oldest due " + s.oldestDueAt() + "; next due " + s.nextDueAt() + "; last run " + s.lastRunAt());
        return 0;
      });
    }
  }
}
