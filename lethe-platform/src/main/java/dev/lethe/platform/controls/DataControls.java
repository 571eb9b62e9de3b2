package dev.lethe.platform.controls;

import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The data controls service: every rule users are promised, over one {@link Database}. HTTP, the CLI
 * and the demo all go through it. Thread-safe.
 */
public final class DataControls implements AutoCloseable {
  private final Database db;
  private final ExecutorService ownedExecutor;
  private final Accounts accounts;
  private final Conversations conversations;
  private final Memories memories;
  private final AuditLog audit;
  private final Exports exports;
  private final PrivacyRequests requests;
  private final Retention retention;
  private final Idempotency idempotency;
  private final Confirmations confirmations;
  private final Notices notices;

  private DataControls(Builder b) {
    this.db = b.database;
    java.util.concurrent.Executor executor = b.exportExecutor;
    if (executor == null) {
      ownedExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lethe-exports");
        t.setDaemon(true);
        return t;
      });
      executor = ownedExecutor;
    } else {
      ownedExecutor = null;
    }
    Context ctx = new Context(db, b.ids, b.policy, b.notifier, b.workspace.resolve("exports"), executor);
    this.confirmations = new Confirmations(ctx);
    this.accounts = new Accounts(ctx, confirmations);
    this.conversations = new Conversations(ctx);
    this.memories = new Memories(ctx);
    this.audit = new AuditLog(ctx);
    this.notices = new Notices(ctx);
    this.exports = new Exports(ctx, confirmations);
    this.requests = new PrivacyRequests(ctx, accounts, exports);
    this.exports.completeRequestsWith(requests);
    this.retention = new Retention(ctx);
    this.idempotency = new Idempotency(ctx);
  }

  /** Starts configuring a service over {@code database}, storing export files under {@code workspace}. */
  public static Builder builder(Database database, Path workspace) {
    return new Builder(database, workspace);
  }

  public Database database() {
    return db;
  }

  public Accounts accounts() {
    return accounts;
  }

  public Conversations conversations() {
    return conversations;
  }

  public Memories memories() {
    return memories;
  }

  public AuditLog audit() {
    return audit;
  }

  public Exports exports() {
    return exports;
  }

  public PrivacyRequests requests() {
    return requests;
  }

  public Retention retention() {
    return retention;
  }

  public Idempotency idempotency() {
    return idempotency;
  }

  public Confirmations confirmations() {
    return confirmations;
  }

  public Notices notices() {
    return notices;
  }

  /** The read API of the snapshot builder over this service's store. */
  public TrainingSource training() {
    return TrainingSource.of(db);
  }

  /** Stops the export worker (waiting briefly for a running export); does not close the database. */
  @Override
  public void close() {
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
      try {
        ownedExecutor.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Options of {@link DataControls}; the defaults are what production uses. */
  public static final class Builder {
    private final Database database;
    private final Path workspace;
    private Ids ids = Ids.random();
    private RetentionPolicy policy = RetentionPolicy.PROMISED;
    private Notifier notifier;
    private java.util.concurrent.Executor exportExecutor;

    private Builder(Database database, Path workspace) {
      this.database = database;
      this.workspace = workspace;
      this.notifier = new Outbox(workspace.resolve("outbox"));
    }

    /** Identifier source (default random; {@link Ids#sequential} for deterministic tests). */
    public Builder ids(Ids ids) {
      this.ids = ids;
      return this;
    }

    public Builder retention(RetentionPolicy policy) {
      this.policy = policy;
      return this;
    }

    /** Where identity-check codes are sent (default: an {@link Outbox} in workspace/outbox). */
    public Builder notifier(Notifier notifier) {
      this.notifier = notifier;
      return this;
    }

    /** Runs export builds (default: one background thread). {@code Runnable::run} builds inline. */
    public Builder exportExecutor(java.util.concurrent.Executor executor) {
      this.exportExecutor = executor;
      return this;
    }

    public DataControls build() {
      return new DataControls(this);
    }
  }
}
