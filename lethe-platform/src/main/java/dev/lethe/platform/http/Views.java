package dev.lethe.platform.http;

import dev.lethe.platform.controls.AccountDeletion;
import dev.lethe.platform.controls.AuditEntry;
import dev.lethe.platform.controls.Confirmations;
import dev.lethe.platform.controls.Page;
import dev.lethe.platform.controls.Session;
import dev.lethe.platform.controls.Conversation;
import dev.lethe.platform.controls.ConversationDeletion;
import dev.lethe.platform.controls.Export;
import dev.lethe.platform.controls.Memory;
import dev.lethe.platform.controls.Message;
import dev.lethe.platform.controls.PrivacyRequest;
import dev.lethe.platform.controls.PrivacyRequests;
import dev.lethe.platform.controls.Retention;
import dev.lethe.platform.controls.SettingChange;
import dev.lethe.platform.controls.Settings;
import dev.lethe.platform.controls.User;
import dev.lethe.platform.training.SuppressionEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the API: snake_case keys, ISO-8601 UTC times, explicit nulls. */
final class Views {
  static final String MEMORIES_KEPT_NOTE =
      "Memories saved from this conversation are not deleted with it; review or delete them at /api/v1/me/memories.";
  static final String FRESH_ACCOUNT_NOTE =
      "A new account never inherits data from a deleted account with the same email.";
  static final String ACCOUNT_DELETED_NOTE =
      "Signing up again with the same email creates a new, empty account; none of this data comes back.";


  // The JSON Schemas of the views below (Schema explains the rules), kept beside them so they change together.
  static final Map<String, Object> SETTINGS = Schema.object("improve_model", Schema.BOOLEAN, "memories_enabled", Schema.BOOLEAN);
  static final Map<String, Object> USER = Schema.object("id", Schema.STRING, "email", Schema.STRING,
      "display_name", Schema.nullable(Schema.STRING), "created_at", Schema.TIME, "settings", SETTINGS);
  static final Map<String, Object> SETTING_CHANGE = Schema.object("setting", Schema.oneOf("improve_model", "memories_enabled"),
      "enabled", Schema.BOOLEAN, "changed_at", Schema.TIME);
  static final Map<String, Object> CONVERSATION = Schema.object("id", Schema.STRING, "user_id", Schema.STRING,
      "title", Schema.nullable(Schema.STRING), "started_at", Schema.TIME, "temporary", Schema.BOOLEAN,
      "training_eligible", Schema.BOOLEAN, "archived", Schema.BOOLEAN, "archived_at", Schema.nullable(Schema.TIME),
      "purge_due_at", Schema.nullable(Schema.TIME));
  static final Map<String, Object> MESSAGE = Schema.object("ordinal", Schema.INTEGER,
      "role", Schema.oneOf("user", "assistant", "system", "tool"), "text", Schema.STRING, "created_at", Schema.TIME);
  static final Map<String, Object> CONVERSATION_WITH_MESSAGES = Schema.extend(CONVERSATION, "messages", Schema.array(MESSAGE));
  static final Map<String, Object> DELETION = Schema.object("conversation_id", Schema.STRING, "deleted_at", Schema.TIME,
      "purge_due_at", Schema.TIME, "memories_kept", Schema.INTEGER, "note", Schema.STRING);
  static final Map<String, Object> ACCOUNT_DELETION = Schema.object("user_id", Schema.STRING, "deleted_at", Schema.TIME,
      "purge_due_at", Schema.TIME, "conversations_hidden", Schema.INTEGER, "note", Schema.STRING);
  static final Map<String, Object> MEMORY = Schema.object("id", Schema.STRING, "text", Schema.STRING,
      "source_conversation_id", Schema.nullable(Schema.STRING), "saved_at", Schema.TIME, "updated_at", Schema.TIME,
      "training_eligible", Schema.BOOLEAN);
  static final Map<String, Object> EXPORT = Schema.object("id", Schema.STRING,
      "status", Schema.oneOf("pending", "ready", "expired", "failed"), "requested_at", Schema.TIME,
      "ready_at", Schema.nullable(Schema.TIME), "expires_at", Schema.nullable(Schema.TIME), "size_bytes", Schema.nullable(Schema.INTEGER),
      "request_id", Schema.nullable(Schema.STRING), "download", Schema.nullable(Schema.STRING));
  static final Map<String, Object> CONFIRMATION = Schema.object("action", Schema.oneOf("delete_account", "export"),
      "sent_to", Schema.STRING, "expires_at", Schema.TIME);
  static final Map<String, Object> SESSION = Schema.object("id", Schema.STRING, "created_at", Schema.TIME, "expires_at", Schema.TIME,
      "current", Schema.BOOLEAN);
  static final Map<String, Object> NOTICE = Schema.object("id", Schema.STRING,
      "kind", Schema.oneOf("export_ready", "request_completed", "request_approved", "request_rejected"),
      "subject_id", Schema.nullable(Schema.STRING), "message", Schema.STRING, "created_at", Schema.TIME, "read", Schema.BOOLEAN);
  static final Map<String, Object> REQUEST = Schema.object("id", Schema.STRING, "user_id", Schema.STRING,
      "kind", Schema.oneOf("access", "delete", "do_not_train", "remove_from_outputs", "correction"),
      "status", Schema.oneOf("awaiting_verification", "in_progress", "completed", "rejected", "cancelled"),
      "created_at", Schema.TIME, "due_at", Schema.TIME, "verified_at", Schema.nullable(Schema.TIME),
      "completed_at", Schema.nullable(Schema.TIME), "outcome", Schema.nullable(Schema.STRING), "strings", Schema.INTEGER,
      "details", Schema.nullable(Schema.STRING), "approved_at", Schema.nullable(Schema.TIME));
  static final Map<String, Object> AUDIT = Schema.object("seq", Schema.INTEGER, "idx", Schema.INTEGER, "at", Schema.TIME,
      "actor", Schema.STRING, "action", Schema.STRING, "user_id", Schema.nullable(Schema.STRING),
      "subject_id", Schema.nullable(Schema.STRING), "detail", Schema.nullable(Schema.STRING));
  static final Map<String, Object> REQUEST_WITH_TRAIL = Schema.extend(REQUEST, "trail", Schema.array(AUDIT));
  static final Map<String, Object> USER_SUMMARY = Schema.object("id", Schema.STRING, "email", Schema.nullable(Schema.STRING),
      "created_at", Schema.TIME, "deleted_at", Schema.nullable(Schema.TIME), "purged_at", Schema.nullable(Schema.TIME),
      "settings", SETTINGS, "conversations", Schema.INTEGER, "memories", Schema.INTEGER, "open_requests", Schema.INTEGER,
      "sessions", Schema.INTEGER);
  static final Map<String, Object> DASHBOARD = Schema.object("at", Schema.TIME, "open", Schema.INTEGER, "overdue", Schema.INTEGER,
      "due_within_week", Schema.INTEGER, "requests", Schema.array(Schema.extend(REQUEST, "overdue", Schema.BOOLEAN,
          "days_left", Schema.INTEGER)));
  static final Map<String, Object> RETENTION = Schema.object("conversations_due", Schema.INTEGER, "accounts_due", Schema.INTEGER,
      "exports_due", Schema.INTEGER, "oldest_due_at", Schema.nullable(Schema.TIME), "next_due_at", Schema.nullable(Schema.TIME),
      "last_run_at", Schema.nullable(Schema.TIME));
  static final Map<String, Object> RETENTION_REPORT = Schema.object("conversations_purged", Schema.INTEGER,
      "accounts_purged", Schema.INTEGER, "exports_expired", Schema.INTEGER, "space_reclaimed", Schema.BOOLEAN);
  static final Map<String, Object> SUPPRESSION = Schema.object("id", Schema.STRING, "user_id", Schema.STRING,
      "request_id", Schema.STRING, "text", Schema.STRING, "added_at", Schema.TIME);

  private Views() {}

  static Map<String, Object> obj(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      m.put((String) kv[i], v instanceof Instant t ? t.toString() : v);
    }
    return m;
  }

  static Map<String, Object> user(User u) {
    return obj("id", u.id(), "email", u.email(), "display_name", u.displayName(), "created_at", u.createdAt(),
        "settings", settings(u.settings()));
  }

  static Map<String, Object> settings(Settings s) {
    return obj("improve_model", s.improveModel(), "memories_enabled", s.memoriesEnabled());
  }

  static Map<String, Object> settingChange(SettingChange c) {
    return obj("setting", c.setting().key(), "enabled", c.enabled(), "changed_at", c.changedAt());
  }

  static Map<String, Object> conversation(Conversation c) {
    return obj("id", c.id(), "user_id", c.userId(), "title", c.title(), "started_at", c.startedAt(),
        "temporary", c.temporary(), "training_eligible", c.trainingEligible(), "archived", c.archivedAt() != null,
        "archived_at", c.archivedAt(), "purge_due_at", c.purgeDueAt());
  }

  static Map<String, Object> message(Message m) {
    return obj("ordinal", m.ordinal(), "role", m.role(), "text", m.text(), "created_at", m.createdAt());
  }

  static Map<String, Object> deletion(ConversationDeletion d) {
    return obj("conversation_id", d.conversationId(), "deleted_at", d.deletedAt(), "purge_due_at", d.purgeDueAt(),
        "memories_kept", d.memoriesKept(), "note", MEMORIES_KEPT_NOTE);
  }

  static Map<String, Object> accountDeletion(AccountDeletion d) {
    return obj("user_id", d.userId(), "deleted_at", d.deletedAt(), "purge_due_at", d.purgeDueAt(),
        "conversations_hidden", d.conversationsHidden(), "note", ACCOUNT_DELETED_NOTE);
  }

  static Map<String, Object> memory(Memory m) {
    return obj("id", m.id(), "text", m.text(), "source_conversation_id", m.sourceConversationId(), "saved_at", m.savedAt(),
        "updated_at", m.updatedAt(), "training_eligible", m.trainingEligible());
  }

  static Map<String, Object> export(Export e) {
    return obj("id", e.id(), "status", e.status(), "requested_at", e.requestedAt(), "ready_at", e.readyAt(),
        "expires_at", e.expiresAt(), "size_bytes", e.sizeBytes(), "request_id", e.requestId(),
        "download", e.downloadable() ? "/api/v1/me/exports/" + e.id() + "/download" : null);
  }

  static Map<String, Object> confirmation(Confirmations.Sent s) {
    return obj("action", s.action().key(), "sent_to", "your registered email", "expires_at", s.expiresAt());
  }

  static Map<String, Object> session(Session s, Session current) {
    return obj("id", s.tokenId(), "created_at", s.createdAt(), "expires_at", s.expiresAt(),
        "current", current != null && s.tokenId().equals(current.tokenId()));
  }

  static Map<String, Object> notice(dev.lethe.platform.controls.Notices.Notice n) {
    return obj("id", n.id(), "kind", n.kind(), "subject_id", n.subjectId(), "message", n.message(), "created_at", n.createdAt(),
        "read", n.read());
  }

  static Map<String, Object> userSummary(dev.lethe.platform.controls.Accounts.Summary u) {
    return obj("id", u.id(), "email", u.email(), "created_at", u.createdAt(), "deleted_at", u.deletedAt(), "purged_at", u.purgedAt(),
        "settings", settings(u.settings()), "conversations", u.conversations(), "memories", u.memories(),
        "open_requests", u.openRequests(), "sessions", u.sessions());
  }

  static Map<String, Object> dashboard(PrivacyRequests.Dashboard d) {
    return obj("at", d.at(), "open", d.open(), "overdue", d.overdue(), "due_within_week", d.dueWithinWeek(),
        "requests", d.earliest().stream().map(r -> {
          Map<String, Object> m = request(r);
          m.put("overdue", !d.at().isBefore(r.dueAt()));
          m.put("days_left", java.time.Duration.between(d.at(), r.dueAt()).toDays());
          return m;
        }).toList());
  }

  /** A page of a list: the items under {@code name} and {@code next_cursor} (null on the last page). */
  static <T> Map<String, Object> page(String name, Page<T> page, java.util.function.Function<T, Map<String, Object>> view) {
    return obj(name, list(page.items(), view), "next_cursor", page.nextCursor());
  }

  static Map<String, Object> request(PrivacyRequest r) {
    return obj("id", r.id(), "user_id", r.userId(), "kind", r.kind().key(), "status", r.status(), "created_at", r.createdAt(),
        "due_at", r.dueAt(), "verified_at", r.verifiedAt(), "completed_at", r.completedAt(), "outcome", r.outcome(),
        "strings", r.stringCount(), "details", r.details(), "approved_at", r.approvedAt());
  }

  static Map<String, Object> requestWithTrail(dev.lethe.platform.controls.PrivacyRequests.WithTrail w) {
    Map<String, Object> out = request(w.request());
    out.put("trail", list(w.trail(), Views::audit));
    return out;
  }

  static Map<String, Object> audit(AuditEntry a) {
    return obj("seq", a.seq(), "idx", a.idx(), "at", a.at(), "actor", a.actor(), "action", a.action(), "user_id", a.userId(),
        "subject_id", a.subjectId(), "detail", a.detail());
  }

  static Map<String, Object> retention(Retention.Status s) {
    return obj("conversations_due", s.conversationsDue(), "accounts_due", s.accountsDue(), "exports_due", s.exportsDue(),
        "oldest_due_at", s.oldestDueAt(), "next_due_at", s.nextDueAt(), "last_run_at", s.lastRunAt());
  }

  static Map<String, Object> retentionReport(Retention.Report r) {
    return obj("conversations_purged", r.conversationsPurged(), "accounts_purged", r.accountsPurged(),
        "exports_expired", r.exportsExpired(), "space_reclaimed", r.spaceReclaimed());
  }

  static Map<String, Object> suppression(SuppressionEntry e) {
    return obj("id", e.entryId(), "user_id", e.userId(), "request_id", e.requestId(), "text", e.text(), "added_at", e.addedAt());
  }

  static <T> List<Map<String, Object>> list(List<T> items, java.util.function.Function<T, Map<String, Object>> view) {
    return items.stream().map(view).toList();
  }
}
