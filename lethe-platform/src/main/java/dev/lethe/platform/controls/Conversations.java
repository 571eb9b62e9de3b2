package dev.lethe.platform.controls;

import dev.lethe.platform.store.Sql;
import dev.lethe.platform.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Conversations and temporary chats: starting, recording messages, history, archive and delete. */
public final class Conversations {
  private static final Set<String> ROLES = Set.of("user", "assistant", "system", "tool");
  static final String COLUMNS =
      "id, user_id, title, started_at, temporary, training_eligible, archived_at, purge_due_at";

  private final Context ctx;

  Conversations(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * Starts a conversation. Its training eligibility is fixed here, in the same transaction that
   * reads the setting: eligible exactly when "improve the model" is on now and it is not temporary.
   * A temporary chat is purged {@link RetentionPolicy#temporaryChat()} after it starts.
   */
  public Conversation start(String actor, String userId, String title, boolean temporary) {
    String checkedTitle = Validation.optionalText("title", title, 200);
    return ctx.db().write(tx -> {
      User user = ctx.liveUser(tx, userId);
      boolean eligible = !temporary && user.settings().improveModel();
      Instant purgeDue = temporary ? tx.now().plus(ctx.policy().temporaryChat()) : null;
      String id = ctx.ids().next("conv");
      tx.update(
          "INSERT INTO conversations (id, user_id, seq, started_at, title, temporary, training_eligible, purge_due_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          id, userId, tx.seq(), tx.now(), checkedTitle, temporary, eligible, purgeDue);
      tx.audit(actor, AuditActions.CONVERSATION_STARTED, userId, id,
          "temporary=" + temporary + " training_eligible=" + eligible);
      return new Conversation(id, userId, checkedTitle, tx.now(), temporary, eligible, null, purgeDue);
    });
  }

  /** Appends a message to a conversation that is not deleted (the chat product's ingest). */
  public Message addMessage(String actor, String conversationId, String role, String text) {
    Validation.id("conversation_id", conversationId);
    if (role == null || !ROLES.contains(role)) {
      throw ControlsException.invalid("role", "must be one of " + String.join(", ", ROLES.stream().sorted().toList()));
    }
    String checked = Validation.text("text", text, 1, 100_000);
    return ctx.db().write(tx -> {
      String userId = tx.one(
              "SELECT c.user_id FROM conversations c JOIN users u ON u.id = c.user_id"
                  + " WHERE c.id = ? AND c.deleted_at IS NULL AND u.deleted_at IS NULL",
              rs -> rs.getString(1), conversationId)
          .orElseThrow(() -> ControlsException.notFound("conversation"));
      int ordinal = (int) tx.count("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM messages WHERE conversation_id = ?", conversationId);
      tx.update(
          "INSERT INTO messages (conversation_id, ordinal, role, text, created_at) VALUES (?, ?, ?, ?, ?)",
          conversationId, ordinal, role, checked, tx.now());
      tx.audit(actor, AuditActions.MESSAGE_ADDED, userId, conversationId, "ordinal=" + ordinal + " role=" + role);
      return new Message(ordinal, role, checked, tx.now());
    });
  }

  /** The user's whole history: not temporary, not deleted; archived ones only when {@code archived}. Newest first. */
  public List<Conversation> history(String userId, boolean archived) {
    List<Conversation> all = new java.util.ArrayList<>();
    Page.Request page = Page.Request.first();
    for (Page<Conversation> p = history(userId, archived, page); ; p = history(userId, archived, page)) {
      all.addAll(p.items());
      if (p.nextCursor() == null) {
        return all;
      }
      page = new Page.Request(page.limit(), p.nextCursor(), null);
    }
  }

  /**
   * A page of the user's history, newest first; the search matches the title or any message's text.
   */
  public Page<Conversation> history(String userId, boolean archived, Page.Request page) {
    return ctx.db().read(sql -> {
      ctx.liveUser(sql, userId);
      return page.query(sql, "SELECT " + COLUMNS + " FROM conversations c WHERE user_id = ? AND temporary = 0 AND deleted_at IS NULL"
              + " AND archived_at IS " + (archived ? "NOT NULL" : "NULL"), List.of(userId),
          List.of(Page.Request.likeOn("title"),
              "EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND " + Page.Request.likeOn("m.text") + ")"),
          Page.Order.DESC, "started_at", "id", Conversations::map);
    });
  }

  /** Renames one of the user's conversations (null or blank: untitled). */
  public Conversation rename(String actor, String userId, String conversationId, String title) {
    String checked = title == null || title.isBlank() ? null : Validation.text("title", title.strip(), 1, 200);
    return ctx.db().write(tx -> {
      owned(tx, userId, conversationId);
      tx.update("UPDATE conversations SET title = ? WHERE id = ?", checked, conversationId);
      tx.audit(actor, AuditActions.CONVERSATION_RENAMED, userId, conversationId, null);
      return owned(tx, userId, conversationId);
    });
  }

  /** Archives every conversation in the user's default history; returns how many. */
  public int archiveAll(String actor, String userId) {
    return ctx.db().write(tx -> {
      ctx.liveUser(tx, userId);
      List<String> ids = tx.list("SELECT id FROM conversations WHERE user_id = ? AND temporary = 0 AND deleted_at IS NULL"
          + " AND archived_at IS NULL ORDER BY started_at, id", rs -> rs.getString(1), userId);
      tx.update("UPDATE conversations SET archived_at = ? WHERE user_id = ? AND temporary = 0 AND deleted_at IS NULL"
          + " AND archived_at IS NULL", tx.now(), userId);
      for (String id : ids) {
        tx.audit(actor, AuditActions.CONVERSATION_ARCHIVED, userId, id, null);
      }
      return ids.size();
    });
  }

  /** One of the user's conversations (temporary chats included) with its messages; deleted ones are not found. */
  public ConversationDetail get(String userId, String conversationId) {
    return ctx.db().read(sql -> {
      Conversation c = owned(sql, userId, conversationId);
      return new ConversationDetail(c, messages(sql, conversationId));
    });
  }

  static List<Message> messages(Sql sql, String conversationId) {
    return sql.list(
        "SELECT ordinal, role, text, created_at FROM messages WHERE conversation_id = ? ORDER BY ordinal",
        rs -> new Message(rs.getInt("ordinal"), rs.getString("role"), rs.getString("text"), Sql.instant(rs, "created_at")),
        conversationId);
  }

  /**
   * Deletes a conversation: hidden at once (history, reads, training), purged for good after the
   * deletion grace period. Memories saved from it are kept.
   */
  public ConversationDeletion delete(String actor, String userId, String conversationId) {
    return ctx.db().write(tx -> {
      owned(tx, userId, conversationId);
      return deleteInTx(tx, actor, userId, conversationId);
    });
  }

  /** Deletes every conversation of the user that is not already deleted; memories are kept. */
  public List<ConversationDeletion> deleteAll(String actor, String userId) {
    return ctx.db().write(tx -> {
      ctx.liveUser(tx, userId);
      List<String> ids = tx.list(
          "SELECT id FROM conversations WHERE user_id = ? AND deleted_at IS NULL ORDER BY started_at, id",
          rs -> rs.getString(1), userId);
      return ids.stream().map(id -> deleteInTx(tx, actor, userId, id)).toList();
    });
  }

  private ConversationDeletion deleteInTx(Tx tx, String actor, String userId, String conversationId) {
    Instant due = tx.now().plus(ctx.policy().deletionGrace());
    tx.update(
        "UPDATE conversations SET deleted_at = ?,"
            + " purge_due_at = CASE WHEN purge_due_at IS NOT NULL AND purge_due_at < ? THEN purge_due_at ELSE ? END"
            + " WHERE id = ?",
        tx.now(), due, due, conversationId);
    Instant effectiveDue = tx.one("SELECT purge_due_at FROM conversations WHERE id = ?", rs -> Sql.instant(rs, "purge_due_at"), conversationId).orElse(due);
    int memories = (int) tx.count(
        "SELECT COUNT(*) FROM memories WHERE user_id = ? AND source_conversation_id = ?", userId, conversationId);
    tx.audit(actor, AuditActions.CONVERSATION_DELETED, userId, conversationId, null);
    return new ConversationDeletion(conversationId, tx.now(), effectiveDue, memories);
  }

  /** Archives or unarchives: archived conversations leave the default history but stay eligible. */
  public Conversation archive(String actor, String userId, String conversationId, boolean archived) {
    return ctx.db().write(tx -> {
      Conversation c = owned(tx, userId, conversationId);
      if (c.temporary()) {
        throw ControlsException.conflict("temporary chats are not in history and cannot be archived");
      }
      tx.update("UPDATE conversations SET archived_at = ? WHERE id = ?", archived ? tx.now() : null, conversationId);
      tx.audit(actor, archived ? AuditActions.CONVERSATION_ARCHIVED : AuditActions.CONVERSATION_UNARCHIVED,
          userId, conversationId, null);
      return owned(tx, userId, conversationId);
    });
  }

  /** The user's own conversation that is not deleted, or NOT_FOUND (also for another user's). */
  static Conversation owned(Sql sql, String userId, String conversationId) {
    return sql.one(
            "SELECT " + COLUMNS + " FROM conversations c WHERE id = ? AND user_id = ? AND deleted_at IS NULL"
                + " AND EXISTS (SELECT 1 FROM users u WHERE u.id = c.user_id AND u.deleted_at IS NULL)",
            Conversations::map, conversationId, userId)
        .orElseThrow(() -> ControlsException.notFound("conversation"));
  }

  static Conversation map(ResultSet rs) throws SQLException {
    return new Conversation(
        rs.getString("id"),
        rs.getString("user_id"),
        rs.getString("title"),
        Sql.instant(rs, "started_at"),
        Sql.flag(rs, "temporary"),
        Sql.flag(rs, "training_eligible"),
        Sql.instant(rs, "archived_at"),
        Sql.instant(rs, "purge_due_at"));
  }
}
