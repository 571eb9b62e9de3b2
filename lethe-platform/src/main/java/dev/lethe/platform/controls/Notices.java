package dev.lethe.platform.controls;

import dev.lethe.platform.store.Sql;
import dev.lethe.platform.store.Tx;
import java.util.List;

/**
 * What the service tells a user about their own data: an export is ready, a privacy request was
 * completed or rejected. A notice names ids and outcomes, never content; it goes with the account.
 */
public final class Notices {
  /** One notice; {@code read} once the user marked it. */
  public record Notice(String id, String kind, String subjectId, String message, java.time.Instant createdAt, boolean read) {}

  private final Context ctx;

  Notices(Context ctx) {
    this.ctx = ctx;
  }

  static void add(Context ctx, Tx tx, String userId, String kind, String subjectId, String message) {
    tx.update("INSERT INTO notices (id, user_id, seq, created_at, kind, subject_id, message) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ctx.ids().next("ntc"), userId, tx.seq(), tx.now(), kind, subjectId, message);
  }

  /** The user's notices, newest first, a page at a time. */
  public Page<Notice> list(String userId, Page.Request page) {
    return ctx.db().read(sql -> {
      ctx.liveUser(sql, userId);
      return page.query(sql, "SELECT id, kind, subject_id, message, created_at, read_at, seq FROM notices WHERE user_id = ?",
          List.of(userId), List.of(Page.Request.likeOn("message")), Page.Order.DESC, "seq", "id",
          rs -> new Notice(rs.getString("id"), rs.getString("kind"), rs.getString("subject_id"), rs.getString("message"),
              Sql.instant(rs, "created_at"), Sql.instant(rs, "read_at") != null));
    });
  }

  /** Marks all the user's notices read; returns how many were unread. */
  public int markRead(String userId) {
    return ctx.db().write(tx -> {
      ctx.liveUser(tx, userId);
      return tx.update("UPDATE notices SET read_at = ? WHERE user_id = ? AND read_at IS NULL", tx.now(), userId);
    });
  }
}
