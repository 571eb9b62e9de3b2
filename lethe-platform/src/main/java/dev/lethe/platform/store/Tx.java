package dev.lethe.platform.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Connection;
import java.time.Instant;

/**
 * One write transaction. It owns a sequence number and a time, taken from the {@code clock} row
 * before anything else: transactions are totally ordered by {@link #seq()}, their times never go
 * backwards in that order, and every audit entry and change they make carries that number.
 */
public final class Tx extends Sql {
  private final long seq;
  private final Instant now;
  private int auditIndex;
  private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

  Tx(Connection connection, long seq, Instant now) {
    super(connection);
    this.seq = seq;
    this.now = now;
  }

  /** This transaction's position in the total order of writes; also the change-feed watermark. */
  public long seq() {
    return seq;
  }

  /** This transaction's time: the clock's, or the previous transaction's if the clock went back. */
  public Instant now() {
    return now;
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
  public int update(String sql, Object... params) {
    try (PreparedStatement st = prepare(sql, params)) {
      return st.executeUpdate();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /**
   * Appends an entry to the audit log: who did what to which subject, never the content itself.
   *
   * @param actor {@code user:<id>}, {@code admin}, {@code ingest}, {@code retention} or {@code system}
   * @param action what happened, e.g. {@code conversation.deleted}
   * @param userId whose data it concerns, or null
   * @param subjectId the conversation, memory, request or export concerned, or null
   * @param detail non-content facts (flags, counts, ids), or null
   */
  public void audit(String actor, String action, String userId, String subjectId, String detail) {
    update(
        "INSERT INTO audit_log (seq, idx, at, actor, action, user_id, subject_id, detail)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        seq, auditIndex++, now, actor, action, userId, subjectId, detail);
  }

  /**
   * Runs {@code hook} once this transaction has committed (never if it rolls back): side effects that
   * must not happen for a change that did not happen, such as sending a mail, scheduling an export
   * build or deleting a file.
   */
  public void afterCommit(Runnable hook) {
    afterCommit.add(hook);
  }

  void runAfterCommit() {
    for (Runnable hook : afterCommit) {
      hook.run();
    }
  }

  /**
   * An exception to throw from write work whose changes must be kept although it fails: {@link
   * Database#write} commits, then throws {@code failure}.
   */
  public static RuntimeException failAfterCommit(RuntimeException failure) {
    return new KeptFailure(failure);
  }

  static final class KeptFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final RuntimeException failure;

    KeptFailure(RuntimeException failure) {
      super(null, null, false, false);
      this.failure = failure;
    }

    RuntimeException failure() {
      return failure;
    }
  }
}
