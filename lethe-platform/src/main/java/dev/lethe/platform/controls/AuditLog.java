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
   * Entries after {@code afterSeq}, oldest first, at most {@code limit}, optionally only those of one
   * user or one subject (conversation, memory, request, export).
   */
  public List<AuditEntry> list(long afterSeq, int limit, String userId, String subjectId) {
    if (limit < 1 || limit > 1000) {
      throw ControlsException.invalid("limit", "must be between 1 and 1000");
    }
    StringBuilder sql = new StringBuilder("SELECT seq, idx, at, actor, action, user_id, subject_id, detail FROM audit_log WHERE seq > ?");
    List<Object> params = new ArrayList<>(List.of(afterSeq));
    if (userId != null) {
      sql.append(" AND user_id = ?");
      params.add(userId);
    }
    if (subjectId != null) {
      sql.append(" AND subject_id = ?");
      params.add(subjectId);
    }
    sql.append(" ORDER BY seq, idx LIMIT ").append(limit);
    return ctx.db().read(s -> s.list(sql.toString(), AuditLog::map, params.toArray()));
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
