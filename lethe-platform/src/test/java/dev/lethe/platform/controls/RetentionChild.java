package dev.lethe.platform.controls;

import dev.lethe.platform.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Runs the retention job in its own JVM for {@link RetentionCrashTest}, slowly and reporting each
 * purged item on stdout, so the test can kill it (SIGKILL) part-way.
 * Arguments: workspace, epoch millis of "now", and a PostgreSQL URL or "-" for the SQLite file.
 */
public final class RetentionChild {
  public static void main(String[] args) throws Exception {
    Path workspace = Path.of(args[0]);
    Clock clock = Clock.fixed(Instant.ofEpochMilli(Long.parseLong(args[1])), ZoneOffset.UTC);
    Database db = args[2].equals("-") ? Database.sqlite(workspace.resolve("lethe.db"), clock) : Database.postgres(args[2], null, null, clock);
    DataControls dc = DataControls.builder(db, workspace).build();
    System.out.println("started");
    dc.retention().run(item -> {
      System.out.println("purged " + item);
      System.out.flush();
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    System.out.println("done");
  }
}
