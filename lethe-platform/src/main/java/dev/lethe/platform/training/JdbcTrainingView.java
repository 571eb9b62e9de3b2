package dev.lethe.platform.training;

import dev.lethe.platform.controls.AuditActions;
import dev.lethe.platform.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** {@link TrainingView} over one read-transaction connection. */
final class JdbcTrainingView implements TrainingView {
  private static final int FETCH_SIZE = 500;

  private static final String CONVERSATIONS =
      "SELECT c.id, c.user_id, c.started_at, m.ordinal, m.role, m.text, m.created_at"
          + " FROM conversations c JOIN users u ON u.id = c.user_id"
          + " JOIN messages m ON m.conversation_id = c.id"
          + " WHERE c.training_eligible = 1 AND c.temporary = 0 AND c.deleted_at IS NULL AND u.deleted_at IS NULL"
          + " ORDER BY c.seq, c.id, m.ordinal";

  private static final String MEMORIES =
      "SELECT m.id, m.user_id, m.text, m.updated_at FROM memories m JOIN users u ON u.id = m.user_id"
          + " WHERE m.training_eligible = 1 AND u.deleted_at IS NULL ORDER BY m.updated_at, m.id";

  private static final String SUPPRESSIONS =
      "SELECT id, user_id, request_id, text, added_seq, added_at FROM suppression_entries"
          + " WHERE added_seq IS NOT NULL ORDER BY added_seq, id";

  private static final String CHANGES =
      "SELECT a.seq, a.at, a.action, a.user_id, a.subject_id, a.detail, s.text"
          + " FROM audit_log a LEFT JOIN suppression_entries s ON a.action = '" + AuditActions.SUPPRESSION_ADDED + "'"
          + " AND s.id = a.subject_id"
          + " WHERE a.seq > ? AND a.seq <= ? AND a.action IN ('"
          + String.join("', '",
              AuditActions.CONVERSATION_DELETED, AuditActions.ACCOUNT_DELETED, AuditActions.SETTING_IMPROVE_MODEL,
              AuditActions.REQUEST_COMPLETED, AuditActions.MEMORY_DELETED, AuditActions.MEMORY_UPDATED,
              AuditActions.SUPPRESSION_ADDED)
          + "') ORDER BY a.seq, a.idx";

  private final Connection connection;
  private final long watermark;
  private final Instant asOf;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private boolean closed;

  JdbcTrainingView(Connection connection) {
    this.connection = connection;
    try (PreparedStatement st = connection.prepareStatement("SELECT seq, at_ms FROM clock WHERE id = 1");
        ResultSet rs = st.executeQuery()) {
      rs.next();
      this.watermark = rs.getLong(1);
      this.asOf = Instant.ofEpochMilli(rs.getLong(2));
    } catch (SQLException e) {
      closeQuietly();
      throw new StoreException("cannot open a training view: " + e.getMessage(), e);
    }
  }

  @Override
  public long watermark() {
    return watermark;
  }

  @Override
  public Instant asOf() {
    return asOf;
  }

  @Override
  public Stream<TrainingConversation> conversations() {
    ResultSet rs = query(CONVERSATIONS);
    Spliterator<TrainingConversation> grouped = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
      private boolean pending;  // rs is positioned on a row not yet consumed
      private boolean exhausted;

      @Override
      public boolean tryAdvance(Consumer<? super TrainingConversation> action) {
        try {
          if (exhausted || (!pending && !rs.next())) {
            exhausted = true;
            return false;
          }
          String id = rs.getString(1);
          String userId = rs.getString(2);
          Instant startedAt = Instant.ofEpochMilli(rs.getLong(3));
          List<TrainingMessage> messages = new ArrayList<>();
          do {
            messages.add(new TrainingMessage(rs.getInt(4), rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
            pending = rs.next();
          } while (pending && rs.getString(1).equals(id));
          exhausted = !pending;
          action.accept(new TrainingConversation(id, userId, startedAt, messages));
          return true;
        } catch (SQLException e) {
          throw new StoreException("reading eligible conversations failed: " + e.getMessage(), e);
        }
      }
    };
    return stream(grouped, rs);
  }

  @Override
  public Stream<TrainingMemory> memories() {
    return rows(query(MEMORIES), rs -> new TrainingMemory(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
  }

  @Override
  public Stream<SuppressionEntry> suppressionList() {
    return rows(query(SUPPRESSIONS), rs -> new SuppressionEntry(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), Instant.ofEpochMilli(rs.getLong(6))));
  }

  @Override
  public Stream<Change> changesSince(long since) {
    return rows(query(CHANGES, since, watermark), JdbcTrainingView::change).filter(c -> c != null);
  }

  private static Change change(ResultSet rs) throws SQLException {
    long seq = rs.getLong(1);
    Instant at = Instant.ofEpochMilli(rs.getLong(2));
    String action = rs.getString(3);
    String userId = rs.getString(4);
    String subject = rs.getString(5);
    String detail = rs.getString(6);
    return switch (action) {
      case AuditActions.CONVERSATION_DELETED -> new Change(seq, at, Change.Kind.CONVERSATION_DELETED, userId, subject, null, null);
      case AuditActions.ACCOUNT_DELETED -> new Change(seq, at, Change.Kind.ACCOUNT_DELETED, userId, null, null, null);
      case AuditActions.SETTING_IMPROVE_MODEL ->
          new Change(seq, at, Change.Kind.TRAINING_SETTING_CHANGED, userId, null, "on".equals(detail), null);
      case AuditActions.MEMORY_DELETED -> new Change(seq, at, Change.Kind.MEMORY_DELETED, userId, subject, null, null);
      case AuditActions.MEMORY_UPDATED -> new Change(seq, at, Change.Kind.MEMORY_UPDATED, userId, subject, null, null);
      case AuditActions.SUPPRESSION_ADDED -> new Change(seq, at, Change.Kind.SUPPRESSION_ADDED, userId, subject, null, rs.getString(7));
      case AuditActions.REQUEST_COMPLETED -> {
        if (detail != null && detail.startsWith("kind=do_not_train")) {
          yield new Change(seq, at, Change.Kind.DO_NOT_TRAIN, userId, null, null, null);
        }
        if (detail != null && detail.startsWith("kind=delete")) {
          yield new Change(seq, at, Change.Kind.DELETE_REQUEST_COMPLETED, userId, null, null, null);
        }
        yield null;
      }
      default -> null;
    };
  }

  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> Stream<T> rows(ResultSet rs, Row<T> mapper) {
    Spliterator<T> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
      @Override
      public boolean tryAdvance(Consumer<? super T> action) {
        try {
          if (!rs.next()) {
            return false;
          }
          action.accept(mapper.map(rs));
          return true;
        } catch (SQLException e) {
          throw new StoreException("reading the training view failed: " + e.getMessage(), e);
        }
      }
    };
    return stream(rows, rs);
  }

  private <T> Stream<T> stream(Spliterator<T> spliterator, ResultSet rs) {
    return StreamSupport.stream(spliterator, false).onClose(() -> {
      try {
        rs.getStatement().close();
      } catch (SQLException e) {
        throw new StoreException("closing a training stream failed: " + e.getMessage(), e);
      }
    });
  }

  private ResultSet query(String sql, Object... params) {
    if (closed) {
      throw new IllegalStateException("the training view is closed");
    }
    try {
      PreparedStatement st = connection.prepareStatement(sql);
      resources.add(st);
      st.setFetchSize(FETCH_SIZE);
      for (int i = 0; i < params.length; i++) {
        st.setLong(i + 1, (Long) params[i]);
      }
      return st.executeQuery();
    } catch (SQLException e) {
      throw new StoreException("training view query failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeQuietly();
    }
  }

  private void closeQuietly() {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception ignored) {
        // closing the connection below releases it anyway
      }
    }
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is returned to the pool and reset there
    }
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("closing the training view failed: " + e.getMessage(), e);
    }
  }
}
