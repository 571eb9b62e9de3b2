package dev.lethe.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements on one connection inside one transaction. Parameters may be {@code String}, {@code
 * Long}, {@code Integer}, {@code Boolean} (stored as 0/1), {@code Instant} (stored as epoch
 * milliseconds) or {@code null}; the same SQL runs on SQLite and PostgreSQL.
 */
public class Sql {
  final Connection connection;

  Sql(Connection connection) {
    this.connection = connection;
  }

  /** Runs a query and maps every row. */
  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
    try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
      return out;
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /** Runs a query expected to return at most one row; a row mapped to null counts as none. */
  public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = list(sql, mapper, params);
    if (rows.size() > 1) {
      throw new IllegalStateException("expected at most one row from: " + sql);
    }
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /** The single long value of a query such as {@code SELECT COUNT(*) ...}. */
  public long count(String sql, Object... params) {
    return one(sql, rs -> rs.getLong(1), params).orElse(0L);
  }

  PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement st = connection.prepareStatement(sql);
    bind(st, params);
    return st;
  }

  static void bind(PreparedStatement st, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      int at = i + 1;
      if (p == null) {
        st.setNull(at, java.sql.Types.NULL);  // untyped: PostgreSQL infers it from the column
      } else if (p instanceof String s) {
        st.setString(at, s);
      } else if (p instanceof Long l) {
        st.setLong(at, l);
      } else if (p instanceof Integer n) {
        st.setInt(at, n);
      } else if (p instanceof Boolean b) {
        st.setInt(at, b ? 1 : 0);
      } else if (p instanceof Instant t) {
        st.setLong(at, t.toEpochMilli());
      } else {
        throw new IllegalArgumentException("unsupported SQL parameter type " + p.getClass().getName());
      }
    }
  }

  static StoreException failure(String sql, SQLException e) {
    String statement = sql.strip().replaceAll("\\s+", " ");
    if (statement.length() > 60) {
      statement = statement.substring(0, 60) + " ...";
    }
    return new StoreException("database error in '" + statement + "': " + e.getMessage(), e);
  }

  /** Reads a nullable epoch-millisecond column. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  /** Reads a nullable epoch-millisecond column by position. */
  public static Instant instant(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  /** Reads a 0/1 column. */
  public static boolean flag(ResultSet rs, String column) throws SQLException {
    return rs.getInt(column) != 0;
  }
}
