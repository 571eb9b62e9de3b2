package dev.lethe.platform.testing;

import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.Ids;
import dev.lethe.platform.controls.Outbox;
import dev.lethe.platform.controls.RetentionPolicy;
import dev.lethe.platform.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh store for one test, on the engine the surefire execution selects with the system property
 * {@code lethe.test.store} ({@code sqlite}, the default, or {@code postgres}): the same tests run on
 * both. Deterministic ids; a {@link MutableClock} unless a real clock is asked for.
 */
public final class TestStore implements AutoCloseable {
  public static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

  public final Path workspace;
  public final Clock clock;
  public final Database db;
  public final Outbox outbox = new Outbox(null);
  public final DataControls controls;
  /** The PostgreSQL URL of this store, or null on SQLite. */
  public final String postgresUrl;

  private TestStore(Clock clock, java.util.concurrent.Executor exports) {
    try {
      this.workspace = Files.createTempDirectory("lethe-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.clock = clock;
    if (isPostgres()) {
      postgresUrl = PostgresServer.shared().newDatabaseUrl();
      db = Database.postgres(postgresUrl, null, null, clock);
    } else {
      postgresUrl = null;
      db = Database.sqlite(workspace.resolve("lethe.db"), clock);
    }
    DataControls.Builder b = DataControls.builder(db, workspace)
        .ids(Ids.sequential(1))
        .notifier(outbox)
        .retention(RetentionPolicy.PROMISED);
    if (exports != null) {
      b.exportExecutor(exports);
    }
    controls = b.build();
  }

  /** A store with a hand-moved clock starting at {@link #START}; exports build inline. */
  public static TestStore open() {
    return new TestStore(new MutableClock(START), Runnable::run);
  }

  /** A store with the given clock and the default background export worker. */
  public static TestStore open(Clock clock) {
    return new TestStore(clock, null);
  }

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty("lethe.test.store"));
  }

  /** The hand-moved clock (fails if this store has a real one). */
  public MutableClock mutableClock() {
    return (MutableClock) clock;
  }

  /** Opens a second handle on the same store, as another process would. */
  public Database reopen() {
    return postgresUrl != null ? Database.postgres(postgresUrl, null, null, clock) : Database.sqlite(workspace.resolve("lethe.db"), clock);
  }

  @Override
  public void close() {
    controls.close();
    db.close();
    try (Stream<Path> files = Files.walk(workspace)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
