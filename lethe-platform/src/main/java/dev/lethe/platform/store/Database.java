package dev.lethe.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The JDBC store: connection pools, migrations and transactions, on SQLite or PostgreSQL.
 *
 * <p>Writes go through {@link #write}, which first increments the single {@code clock} row. That
 * row serialises writers on both engines (SQLite has one writer connection; PostgreSQL holds the
 * row lock until commit), so a write sees every earlier write, commit order equals {@link Tx#seq()}
 * order, and a reader that sees seq N sees exactly the writes numbered up to N. Reads go through
 * {@link #read}; {@link #openSnapshot()} gives one consistent point-in-time read transaction.
 */
public final class Database implements AutoCloseable {
  private final Engine engine;
  private final Clock clock;
  private final HikariDataSource writes;
  private final HikariDataSource reads;
  /** The write transaction this thread is in, if any (see {@link #write}). */
  private final ThreadLocal<Tx> current = new ThreadLocal<>();

  private Database(Engine engine, Clock clock, HikariDataSource writes, HikariDataSource reads) {
    this.engine = engine;
    this.clock = clock;
    this.writes = writes;
    this.reads = reads;
  }

  /**
   * Opens the store the CLI options name: PostgreSQL when {@code dbUrl} is given (user and password
   * from the URL or from the environment variables LETHE_DB_USER and LETHE_DB_PASSWORD), otherwise
   * SQLite in {@code workspace}/lethe.db.
   */
  public static Database open(Path workspace, String dbUrl, Clock clock) {
    if (dbUrl == null || dbUrl.isBlank()) {
      return sqlite(workspace.resolve("lethe.db"), clock);
    }
    return postgres(dbUrl, System.getenv("LETHE_DB_USER"), System.getenv("LETHE_DB_PASSWORD"), clock);
  }

  /** Opens (creating and migrating when needed) the SQLite database at {@code file}. */
  public static Database sqlite(Path file, Clock clock) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // Mode 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database file's mode.
      if (!Files.exists(file)) {
        PrivateFiles.createNew(file);
      }
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        PrivateFiles.restrict(file.resolveSibling(file.getFileName() + suffix));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    // One writer connection: SQLite allows one writer at a time anyway; BEGIN IMMEDIATE takes the
    // write lock up front so a transaction never fails half-way on a lock upgrade.
    HikariDataSource writes = pool("lethe-sqlite-write", sqliteSource(url, true), 1);
    HikariDataSource reads = pool("lethe-sqlite-read", sqliteSource(url, false), 4);
    return migrated(new Database(Engine.SQLITE, clock, writes, reads));
  }

  /**
   * Opens (migrating when needed) the PostgreSQL database at {@code jdbcUrl}. Credentials may be in
   * the URL or given here; neither is logged.
   */
  public static Database postgres(String jdbcUrl, String user, String password, Clock clock) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("db url must start with jdbc:postgresql:, got a different scheme");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("lethe-postgres");
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(10);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    HikariDataSource pool = new HikariDataSource(config);
    return migrated(new Database(Engine.POSTGRESQL, clock, pool, pool));
  }

  private static SQLiteDataSource sqliteSource(String url, boolean writer) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(30_000);
    // Deleted content is overwritten with zeros, so purged text does not linger in free pages.
    config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    config.setTransactionMode(writer ? SQLiteConfig.TransactionMode.IMMEDIATE : SQLiteConfig.TransactionMode.DEFERRED);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl(url);
    return source;
  }

  private static HikariDataSource pool(String name, DataSource source, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setDataSource(source);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  private static Database migrated(Database db) {
    try {
      Flyway.configure()
          .dataSource(db.writes)
          .locations("classpath:db/migration/common", db.engine.migrationLocation())
          .load()
          .migrate();
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public Engine engine() {
    return engine;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Runs {@code work} in one write transaction and commits it, or rolls it back when it throws. The
   * transaction's sequence number and time are taken before {@code work} runs.
   *
   * <p>A write (or {@link #read}) started on a thread that is already inside a write joins that
   * transaction: the outermost one commits, and hooks given to {@link Tx#afterCommit} run once it has.
   * So a caller can make several services' writes one atomic unit (the HTTP layer keeps an
   * Idempotency-Key's record in the same transaction as the action it guards). Work that must
   * keep its changes and still fail (a wrong one-time code counts an attempt) throws {@link
   * Tx#failAfterCommit}: the transaction commits, then the wrapped exception is thrown.
   */
  public <T> T write(Function<Tx, T> work) {
    Tx joined = current.get();
    if (joined != null) {
      return work.apply(joined);
    }
    Tx tx = null;
    T result = null;
    RuntimeException keptFailure = null;
    try (Connection c = writes.getConnection()) {
      c.setAutoCommit(false);
      try {
        tx = begin(c);
        current.set(tx);
        try {
          result = work.apply(tx);
        } catch (Tx.KeptFailure kept) {
          keptFailure = kept.failure();
        }
        c.commit();
      } catch (RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } catch (SQLException e) {
        rollbackQuietly(c, e);
        throw new StoreException("write failed: " + e.getMessage(), e);
      } finally {
        current.remove();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot get a database connection: " + e.getMessage(), e);
    }
    tx.runAfterCommit();
    if (keptFailure != null) {
      throw keptFailure;
    }
    return result;
  }

  private Tx begin(Connection c) throws SQLException {
    long wall = clock.millis();
    try (PreparedStatement st = c.prepareStatement(
        "UPDATE clock SET seq = seq + 1, at_ms = CASE WHEN at_ms > ? THEN at_ms ELSE ? END"
            + " WHERE id = 1 RETURNING seq, at_ms")) {
      st.setLong(1, wall);
      st.setLong(2, wall);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return new Tx(c, rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)));
      }
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Runs {@code work} in one read-only transaction: every statement sees the same state. */
  public <T> T read(Function<Sql, T> work) {
    Tx joined = current.get();
    if (joined != null) {
      return work.apply(joined);  // inside a write: see its own changes
    }
    try (Connection c = readTransaction(false)) {
      try {
        return work.apply(new Sql(c));
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException("read failed: " + e.getMessage(), e);
    }
  }

  /**
   * A connection inside a read transaction fixed at this moment (a WAL snapshot on SQLite, REPEATABLE
   * READ on PostgreSQL): every query on it sees the same committed state, however long it stays
   * open. The caller closes it; while it is open it holds a pooled connection.
   */
  public Connection openSnapshot() {
    return readTransaction(true);
  }

  private Connection readTransaction(boolean fixNow) {
    Connection c = null;
    try {
      c = reads.getConnection();
      c.setAutoCommit(false);
      if (engine == Engine.POSTGRESQL) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
      }
      if (fixNow) {
        // The first read fixes the snapshot (both engines start it lazily, at the first statement).
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq FROM clock")) {
          rs.next();
        }
      }
      return c;
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new StoreException("cannot open a read transaction: " + e.getMessage(), e);
    }
  }

  /**
   * Makes deleted rows physically unrecoverable from the database files where the engine needs a
   * step for it. SQLite (with secure_delete on) zeroes freed space as it deletes; this folds the WAL
   * into the main file and truncates it, so older page images holding purged text are gone.
   * PostgreSQL: plain VACUUM of the content tables removes dead row versions.
   *
   * @return false when SQLite could not truncate the WAL because a reader was active (retry later)
   */
  public boolean reclaimSpace() {
    if (engine == Engine.SQLITE) {
      return scrubWal();
    }
    try (Connection c = writes.getConnection(); Statement st = c.createStatement()) {
      st.execute("VACUUM conversations, messages, memories, users, tokens, exports, setting_changes,"
          + " idempotency_keys, suppression_entries, privacy_requests");
      return true;
    } catch (SQLException e) {
      throw new StoreException("reclaiming space failed: " + e.getMessage(), e);
    }
  }

  /**
   * After deleting or overwriting content outside the retention job (a memory deleted or edited, an
   * account deleted): on SQLite, folds the WAL into the main file and truncates it, so the earlier
   * page images holding the old text leave {@code -wal} now instead of at the next checkpoint (the
   * main file's copy was zeroed by secure_delete). Waits for active readers up to the busy timeout.
   * PostgreSQL keeps dead row versions until VACUUM; the retention run vacuums (see {@link #reclaimSpace}).
   *
   * @return false when SQLite could not truncate the WAL
   */
  public boolean scrubWal() {
    if (engine != Engine.SQLITE) {
      return true;
    }
    try (Connection c = writes.getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      return rs.next() && rs.getInt(1) == 0;
    } catch (SQLException e) {
      throw new StoreException("checkpointing the WAL failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    writes.close();
    if (reads != writes) {
      reads.close();
    }
  }
}
