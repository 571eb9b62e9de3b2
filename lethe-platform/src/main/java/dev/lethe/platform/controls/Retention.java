package dev.lethe.platform.controls;

import dev.lethe.platform.store.Sql;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The retention job: purges for good what is due (temporary chats 30 days after they started,
 * deleted conversations and accounts 30 days after deletion) and removes expired export files.
 *
 * <p>Crash-safe and idempotent: each item is purged in its own transaction, chosen afresh from the
 * database on every run, so a run killed midway leaves whole items purged or untouched and the next
 * run finishes the rest; a second run finds nothing to do. Export files are deleted before their row
 * is marked, and a missing file is not an error.
 *
 * <p>What a purge keeps: the audit log (ids, actions, times, no content), an account tombstone (id,
 * created/deleted/purged times, no email or name) so audit entries still resolve, privacy-request
 * records (kind, status, dates, outcome; no codes) as proof the request was honoured, and the
 * suppression list, which exists to keep the purged person's data out of model outputs.
 */
public final class Retention {
  /** What one run did. */
  public record Report(int conversationsPurged, int accountsPurged, int exportsExpired, boolean spaceReclaimed) {}

  /** What is due or coming. */
  public record Status(
      int conversationsDue, int accountsDue, int exportsDue, Instant nextDueAt, Instant oldestDueAt, Instant lastRunAt) {}

  private final Context ctx;

  Retention(Context ctx) {
    this.ctx = ctx;
  }

  /** Runs once over everything due now. */
  public Report run() {
    return run(item -> {});
  }

  /**
   * Runs once; {@code afterEach} hears the id of each item just purged (committed), e.g. to report
   * progress.
   */
  public Report run(Consumer<String> afterEach) {
    Instant now = ctx.db().clock().instant();
    int exports = 0;
    for (String[] e : due("SELECT id, user_id FROM exports WHERE status = 'ready' AND expires_at <= ? ORDER BY expires_at, id", now)) {
      ctx.deleteExportFile(e[0]);
      boolean marked = ctx.db().write(tx -> {
        if (tx.update("UPDATE exports SET status = 'expired' WHERE id = ? AND status = 'ready'", e[0]) == 0) {
          return false;
        }
        tx.audit(Actors.RETENTION, AuditActions.EXPORT_EXPIRED, e[1], e[0], null);
        return true;
      });
      if (marked) {
        exports++;
        afterEach.accept(e[0]);
      }
    }
    int conversations = 0;
    for (String[] c : due("SELECT id, user_id FROM conversations WHERE purge_due_at <= ? ORDER BY purge_due_at, id", now)) {
      boolean purged = ctx.db().write(tx -> {
        tx.update("DELETE FROM messages WHERE conversation_id = ?", c[0]);
        if (tx.update("DELETE FROM conversations WHERE id = ?", c[0]) == 0) {
          return false;
        }
        tx.audit(Actors.RETENTION, AuditActions.CONVERSATION_PURGED, c[1], c[0], null);
        return true;
      });
      if (purged) {
        conversations++;
        afterEach.accept(c[0]);
      }
    }
    int accounts = 0;
    for (String[] u : due("SELECT id, id FROM users WHERE purge_due_at <= ? AND purged_at IS NULL ORDER BY purge_due_at, id", now)) {
      String userId = u[0];
      List<String> files = ctx.db().read(sql -> sql.list("SELECT id FROM exports WHERE user_id = ?", rs -> rs.getString(1), userId));
      files.forEach(ctx::deleteExportFile);
      boolean purged = ctx.db().write(tx -> {
        if (tx.update("UPDATE users SET email = NULL, display_name = NULL, purged_at = ? WHERE id = ? AND purged_at IS NULL",
            tx.now(), userId) == 0) {
          return false;
        }
        tx.update("DELETE FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE user_id = ?)", userId);
        int gone = tx.update("DELETE FROM conversations WHERE user_id = ?", userId);
        tx.update("DELETE FROM memories WHERE user_id = ?", userId);
        tx.update("DELETE FROM tokens WHERE user_id = ?", userId);
        tx.update("DELETE FROM exports WHERE user_id = ?", userId);
        tx.update("DELETE FROM setting_changes WHERE user_id = ?", userId);
        tx.update("DELETE FROM idempotency_keys WHERE user_id = ?", userId);
        tx.update("UPDATE privacy_requests SET code_hash = NULL WHERE user_id = ?", userId);
        tx.audit(Actors.RETENTION, AuditActions.ACCOUNT_PURGED, userId, userId, "conversations=" + gone);
        return true;
      });
      if (purged) {
        accounts++;
        afterEach.accept(userId);
      }
    }
    boolean reclaimed = ctx.db().reclaimSpace();
    Report report = new Report(conversations, accounts, exports, reclaimed);
    ctx.db().write(tx -> {
      tx.audit(Actors.RETENTION, AuditActions.RETENTION_RUN, null, null, "conversations=" + report.conversationsPurged()
          + " accounts=" + report.accountsPurged() + " exports=" + report.exportsExpired() + " space_reclaimed=" + reclaimed);
      return null;
    });
    return report;
  }

  private List<String[]> due(String sql, Instant now) {
    return ctx.db().read(s -> s.list(sql, rs -> new String[] {rs.getString(1), rs.getString(2)}, now));
  }

  /** Counts of what is due now, the next and oldest due times, and when the job last ran. */
  public Status status() {
    Instant now = ctx.db().clock().instant();
    return ctx.db().read(sql -> new Status(
        (int) sql.count("SELECT COUNT(*) FROM conversations WHERE purge_due_at <= ?", now),
        (int) sql.count("SELECT COUNT(*) FROM users WHERE purge_due_at <= ? AND purged_at IS NULL", now),
        (int) sql.count("SELECT COUNT(*) FROM exports WHERE status = 'ready' AND expires_at <= ?", now),
        first(sql, "SELECT MIN(t) FROM (SELECT MIN(purge_due_at) AS t FROM conversations WHERE purge_due_at > ?"
            + " UNION ALL SELECT MIN(purge_due_at) FROM users WHERE purge_due_at > ? AND purged_at IS NULL"
            + " UNION ALL SELECT MIN(expires_at) FROM exports WHERE status = 'ready' AND expires_at > ?) x", now, now, now),
        first(sql, "SELECT MIN(t) FROM (SELECT MIN(purge_due_at) AS t FROM conversations WHERE purge_due_at <= ?"
            + " UNION ALL SELECT MIN(purge_due_at) FROM users WHERE purge_due_at <= ? AND purged_at IS NULL) x", now, now),
        first(sql, "SELECT MAX(at) FROM audit_log WHERE action = '" + AuditActions.RETENTION_RUN + "'")));
  }

  private static Instant first(Sql sql, String query, Object... params) {
    return sql.one(query, rs -> Sql.instant(rs, 1), params).orElse(null);
  }
}
