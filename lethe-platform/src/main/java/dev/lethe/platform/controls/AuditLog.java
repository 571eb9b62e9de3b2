package dev.lethe.platform.controls;

import dev.lethe.platform.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the append-only audit log. */
public final class AuditLog {
  private final Context ctx;

  AuditLog(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * Entries oldest first, a page at a time: those after {@code afterSeq} (a change-feed watermark:
   * every entry of that transaction and before is skipped; 0 for all), after the page's cursor, and
   * optionally only one user's, one subject's (conversation, memory, request, export) or one action's.
   * A transaction can write several entries under one seq: the cursor holds (seq, idx), and a page
   * never ends inside a transaction, so following {@code next_cursor} or passing the last seq seen
   * as {@code after_seq} both visit every entry once. {@code page.search()} is not used: filter by action instead.
   */
  public Page<AuditEntry> list(long afterSeq, Page.Request page, String userId, String subjectId, String action) {
    if (afterSeq < 0) {
      throw ControlsException.invalid("after_seq", "must be 0 or more");
    }
    StringBuilder sql = new StringBuilder("SELECT seq, idx, at, actor, action, user_id, subject_id, detail FROM audit_log WHERE seq > ?");
    List<Object> params = new ArrayList<>(List.of(afterSeq));
    if (page.cursor() != null) {
      String[] key = Page.decode(page.cursor());
      long seq;
      int idx;
      try {
        seq = Long.parseLong(key[0]);
        idx = Integer.parseInt(key[1]);
      } catch (NumberFormatException e) {
        throw ControlsException.invalid("cursor", "is not a cursor this list gave out");
      }
      sql.append(" AND (seq > ? OR (seq = ? AND idx > ?))");
      params.addAll(List.of(seq, seq, idx));
    }
    for (String[] filter : new String[][] {{"user_id", userId}, {"subject_id", subjectId}, {"action", action}}) {
      if (filter[1] != null) {
        sql.append(" AND ").append(filter[0]).append(" = ?");
        params.add(filter[1]);
      }
    }
    String where = sql.toString();
    List<AuditEntry> rows = ctx.db().read(s -> s.list(where + " ORDER BY seq, idx LIMIT " + (page.limit() + 1), AuditLog::map,
        params.toArray()));
    if (rows.size() <= page.limit()) {
      return new Page<>(rows, null);
    }
    // A page ends at a transaction's last entry, so paging by after_seq (the last seq seen) skips
    // nothing: entries of a cut transaction wait for the next page; a transaction larger than the
    // limit comes whole.
    List<AuditEntry> items = new ArrayList<>(rows.subList(0, page.limit()));
    long cut = rows.get(page.limit()).seq();
    if (items.get(items.size() - 1).seq() == cut) {
      items.removeIf(e -> e.seq() == cut);
      if (items.isEmpty()) {
        List<Object> whole = new ArrayList<>(params);
        whole.add(cut);
        items = ctx.db().read(s -> s.list(where + " AND seq = ? ORDER BY seq, idx", AuditLog::map, whole.toArray()));
      }
    }
    AuditEntry last = items.get(items.size() - 1);
    return new Page<>(items, Page.encode(last.seq() + ":" + last.idx()));
  }

  /**
   * Records that an operator read something: {@code route} (method and path template) and the subject
   * read (a request or user id, or null). Reads of personal data by operators are accountable too.
   */
  public void adminRead(String route, String subjectId) {
    ctx.db().write(tx -> {
      tx.audit(Actors.ADMIN, AuditActions.ADMIN_READ, null, subjectId, route);
      return null;
    });
  }

  static List<AuditEntry> forSubject(Sql sql, String subjectId) {
    return sql.list(
        "SELECT seq, idx, at, actor, action, user_id, subject_id, detail FROM audit_log WHERE subject_id = ? ORDER BY seq, idx",
        AuditLog::map, subjectId);
  }

  static AuditEntry map(ResultSet rs) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), rs.getInt("idx"), Sql.instant(rs, "at"), rs.getString("actor"),
        rs.getString("action"), rs.getString("user_id"), rs.getString("subject_id"), rs.getString("detail"));
  }
}
