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
