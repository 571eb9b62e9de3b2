package dev.lethe.platform.controls;

import dev.lethe.platform.store.RowMapper;
import dev.lethe.platform.store.Sql;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One page of a list and the cursor of the next (null on the last page). Lists are read by keyset
 * (a time or sequence column, then the id), so a page never skips or repeats a row when rows are
 * added or removed between calls, and deep pages cost the same as the first.
 *
 * @param <T> the listed items
 */
public record Page<T>(List<T> items, String nextCursor) {
  public static final int MAX_LIMIT = 1000;

  public Page {
    items = List.copyOf(items);
  }

  /** Sort direction of the key column (ties broken by id, ascending). */
  public enum Order { ASC, DESC }

  /**
   * What the caller asks for: at most {@code limit} items (1 to {@value #MAX_LIMIT}) after {@code
   * cursor} (null: from the start), optionally only those matching {@code search} (case-insensitive
   * substring; null: all).
   */
  public record Request(int limit, String cursor, String search) {
    public Request {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw ControlsException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
      }
      if (search != null && (search.isBlank() || search.length() > 200)) {
        throw ControlsException.invalid("q", "must have 1 to 200 characters");
      }
    }

    /** The first page of at most {@value #MAX_LIMIT} items, unfiltered (for the Java API and tests). */
    public static Request first() {
      return new Request(MAX_LIMIT, null, null);
    }

    /** A LIKE pattern for the search (escape character backslash), or null without a search. */
    String like() {
      if (search == null) {
        return null;
      }
      String escaped = search.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      return "%" + escaped + "%";
    }

    /**
     * Runs {@code select} (a SELECT ... WHERE ... without ORDER BY) a page at a time, ordered by the
     * integer column {@code keyColumn} in {@code order} then by the text column {@code idColumn}.
     * With a search, a row must meet one of {@code searchConditions}, each a condition with one
     * {@code ?} for the LIKE pattern (see {@link #likeOn}).
     */
    <T> Page<T> query(Sql sql, String select, List<Object> params, List<String> searchConditions, Order order,
        String keyColumn, String idColumn, RowMapper<T> mapper) {
      StringBuilder q = new StringBuilder(select);
      List<Object> p = new ArrayList<>(params);
      String like = like();
      if (like != null && !searchConditions.isEmpty()) {
        q.append(" AND (");
        for (int i = 0; i < searchConditions.size(); i++) {
          q.append(i == 0 ? "" : " OR ").append(searchConditions.get(i));
          p.add(like);
        }
        q.append(")");
      }
      if (cursor != null) {
        String[] key = decode(cursor);
        long k;
        try {
          k = Long.parseLong(key[0]);
        } catch (NumberFormatException e) {
          throw ControlsException.invalid("cursor", "is not a cursor this list gave out");
        }
        q.append(" AND (").append(keyColumn).append(order == Order.DESC ? " < ?" : " > ?")
            .append(" OR (").append(keyColumn).append(" = ? AND ").append(idColumn).append(" > ?))");
        p.add(k);
        p.add(k);
        p.add(key[1]);
      }
      q.append(" ORDER BY ").append(keyColumn).append(order == Order.DESC ? " DESC, " : ", ").append(idColumn)
          .append(" LIMIT ").append(limit + 1);
      String keyLabel = label(keyColumn);
      String idLabel = label(idColumn);
      List<Object[]> rows = sql.list(q.toString(), rs -> new Object[] {mapper.map(rs), rs.getLong(keyLabel), rs.getString(idLabel)},
          p.toArray());
      List<T> items = new ArrayList<>();
      for (int i = 0; i < Math.min(limit, rows.size()); i++) {
        @SuppressWarnings("unchecked")
        T item = (T) rows.get(i)[0];
        items.add(item);
      }
      String next = rows.size() > limit ? encode(rows.get(limit - 1)[1] + ":" + rows.get(limit - 1)[2]) : null;
      return new Page<>(items, next);
    }

    /** The search condition "this column contains the search text", case-insensitively. */
    static String likeOn(String column) {
      return "LOWER(" + column + ") LIKE ? ESCAPE '\\'";
    }

    private static String label(String column) {
      return column.substring(column.indexOf('.') + 1);
    }
  }

  /** An opaque cursor for a key such as {@code 1740819600000:conv_0007}. */
  static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  /** The two parts of a cursor's key; INVALID (field {@code cursor}) for anything this class did not make. */
  static String[] decode(String cursor) {
    try {
      String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = key.indexOf(':');
      if (colon <= 0 || colon == key.length() - 1) {
        throw new IllegalArgumentException();
      }
      return new String[] {key.substring(0, colon), key.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      throw ControlsException.invalid("cursor", "is not a cursor this list gave out");
    }
  }
}
