package dev.lethe.platform.controls;

import dev.lethe.platform.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Memories: facts the assistant keeps about a user across conversations. Optional per user (off
 * means none are saved or read); temporary chats can neither create nor read them; deleting a
 * conversation does not delete memories saved from it.
 */
public final class Memories {
  private static final String COLUMNS = "id, source_conversation_id, text, saved_at, updated_at, training_eligible";

  private final Context ctx;

  Memories(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * Saves a memory (the chat product's ingest). Refused (CONFLICT) when the user has memories off or
   * the source conversation is a temporary chat. Its training eligibility is the improve-model
   * setting now.
   */
  public Memory save(String actor, String userId, String sourceConversationId, String text) {
    String checked = Validation.text("text", text, 1, 2_000);
    return ctx.db().write(tx -> {
      User user = ctx.liveUser(tx, userId);
      if (sourceConversationId != null) {
        Conversation source = Conversations.owned(tx, userId, sourceConversationId);
        if (source.temporary()) {
          throw ControlsException.conflict("temporary chats cannot create memories");
        }
      }
      if (!user.settings().memoriesEnabled()) {
        throw ControlsException.conflict("memories are off for this user; nothing was saved");
      }
      String id = ctx.ids().next("mem");
      boolean eligible = user.settings().improveModel();
      tx.update(
          "INSERT INTO memories (id, user_id, source_conversation_id, text, saved_at, updated_at, training_eligible)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)",
          id, userId, sourceConversationId, checked, tx.now(), tx.now(), eligible);
      tx.audit(actor, AuditActions.MEMORY_SAVED, userId, id, "training_eligible=" + eligible);
      return new Memory(id, sourceConversationId, checked, tx.now(), tx.now(), eligible);
    });
  }

  /**
   * The memories the assistant may use in a conversation: none when memories are off; refused
   * (CONFLICT) for a temporary chat.
   */
  public List<Memory> forChat(String userId, String conversationId) {
    return ctx.db().read(sql -> {
      User user = ctx.liveUser(sql, userId);
      if (conversationId != null && Conversations.owned(sql, userId, conversationId).temporary()) {
        throw ControlsException.conflict("temporary chats cannot read memories");
      }
      return user.settings().memoriesEnabled() ? all(sql, userId) : List.of();
    });
  }

  /** All the user's memories, for them to review and manage (whatever the memories setting). */
  public List<Memory> list(String userId) {
    return ctx.db().read(sql -> {
      ctx.liveUser(sql, userId);
      return all(sql, userId);
    });
  }

  /** A page of the user's memories, newest first; the search matches the text. */
  public Page<Memory> list(String userId, Page.Request page) {
    return ctx.db().read(sql -> {
      ctx.liveUser(sql, userId);
      return page.query(sql, "SELECT " + COLUMNS + " FROM memories WHERE user_id = ?", List.of(userId),
          List.of(Page.Request.likeOn("text")), Page.Order.DESC, "saved_at", "id", Memories::map);
    });
  }

  static List<Memory> all(Sql sql, String userId) {
    return sql.list("SELECT " + COLUMNS + " FROM memories WHERE user_id = ? ORDER BY saved_at, id", Memories::map, userId);
  }

  /** Edits a memory's text. An edit saves it again: eligibility becomes the improve-model setting now. */
  public Memory update(String actor, String userId, String memoryId, String text) {
    String checked = Validation.text("text", text, 1, 2_000);
    return ctx.db().write(tx -> {
      User user = ctx.liveUser(tx, userId);
      owned(tx, userId, memoryId);
      boolean eligible = user.settings().improveModel();
      tx.update("UPDATE memories SET text = ?, updated_at = ?, training_eligible = ? WHERE id = ?",
          checked, tx.now(), eligible, memoryId);
      tx.audit(actor, AuditActions.MEMORY_UPDATED, userId, memoryId, "training_eligible=" + eligible);
      tx.afterCommit(ctx.db()::scrubWal);  // the old text leaves the WAL now
      return owned(tx, userId, memoryId);
    });
  }

  /** Deletes one memory for good, at once. */
  public void delete(String actor, String userId, String memoryId) {
    ctx.db().write(tx -> {
      ctx.liveUser(tx, userId);
      owned(tx, userId, memoryId);
      tx.update("DELETE FROM memories WHERE id = ?", memoryId);
      tx.audit(actor, AuditActions.MEMORY_DELETED, userId, memoryId, null);
      tx.afterCommit(ctx.db()::scrubWal);  // "for good, now": the text leaves the WAL too
      return null;
    });
  }

  /** Deletes all the user's memories for good, at once; returns how many there were. */
  public int deleteAll(String actor, String userId) {
    return ctx.db().write(tx -> {
      ctx.liveUser(tx, userId);
      List<String> ids = tx.list("SELECT id FROM memories WHERE user_id = ? ORDER BY id", rs -> rs.getString(1), userId);
      tx.update("DELETE FROM memories WHERE user_id = ?", userId);
      for (String id : ids) {
        tx.audit(actor, AuditActions.MEMORY_DELETED, userId, id, null);
      }
      tx.afterCommit(ctx.db()::scrubWal);
      return ids.size();
    });
  }

  private static Memory owned(Sql sql, String userId, String memoryId) {
    return sql.one("SELECT " + COLUMNS + " FROM memories WHERE id = ? AND user_id = ?", Memories::map, memoryId, userId)
        .orElseThrow(() -> ControlsException.notFound("memory"));
  }

  private static Memory map(ResultSet rs) throws SQLException {
    return new Memory(
        rs.getString("id"),
        rs.getString("source_conversation_id"),
        rs.getString("text"),
        Sql.instant(rs, "saved_at"),
        Sql.instant(rs, "updated_at"),
        Sql.flag(rs, "training_eligible"));
  }
}
