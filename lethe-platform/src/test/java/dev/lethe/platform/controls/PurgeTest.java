package dev.lethe.platform.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.lethe.platform.testing.TestStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Purging removes content for good: from every table, and (SQLite) from the database files themselves. */
class PurgeTest {
  static final String SECRET = "Kx7-marker-purge-9931 my password is zebra-staple";

  private static boolean filesContain(TestStore store, String marker) throws IOException {
    byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
    for (String name : List.of("lethe.db", "lethe.db-wal", "lethe.db-shm")) {
      Path p = store.workspace.resolve(name);
      if (Files.exists(p) && indexOf(Files.readAllBytes(p), needle) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static long rowsContaining(TestStore store, String marker) {
    return store.db.read(sql -> sql.count(
        "SELECT (SELECT COUNT(*) FROM messages WHERE text LIKE ?) + (SELECT COUNT(*) FROM conversations WHERE title LIKE ?)"
            + " + (SELECT COUNT(*) FROM memories WHERE text LIKE ?) + (SELECT COUNT(*) FROM audit_log WHERE detail LIKE ?)",
        "%" + marker + "%", "%" + marker + "%", "%" + marker + "%", "%" + marker + "%"));
  }

  @Test
  void purgedConversationTextIsGoneFromTheDatabaseFile() throws IOException {
    assumeThat(TestStore.isPostgres()).as("byte-level check of the SQLite file").isFalse();
    try (TestStore store = TestStore.open()) {
      DataControls dc = store.controls;
      String user = dc.accounts().register("p@example.org", null, true, true).user().id();
      Conversation c = dc.conversations().start(Actors.INGEST, user, "title " + SECRET, false);
      dc.conversations().addMessage(Actors.INGEST, c.id(), "user", SECRET);
      Conversation other = dc.conversations().start(Actors.INGEST, user, null, false);
      dc.conversations().addMessage(Actors.INGEST, other.id(), "user", "keep-me-marker-5521");
      store.db.reclaimSpace();
      assertThat(filesContain(store, "Kx7-marker-purge-9931")).as("the check can see text in the file").isTrue();

      dc.conversations().delete(Actors.user(user), user, c.id());
      assertThat(dc.retention().run().conversationsPurged()).isZero();  // hidden, not yet due
      store.mutableClock().advance(Duration.ofDays(30));
      assertThat(dc.retention().run().conversationsPurged()).isEqualTo(1);

      assertThat(rowsContaining(store, "Kx7-marker-purge-9931")).isZero();
      assertThat(filesContain(store, "Kx7-marker-purge-9931")).as("purged text left in lethe.db / -wal").isFalse();
      assertThat(filesContain(store, "keep-me-marker-5521")).isTrue();
    }
  }

  @Test
  void accountPurgeLeavesOnlyTheNonContentTrail() {
    try (TestStore store = TestStore.open()) {
      DataControls dc = store.controls;
      String user = dc.accounts().register("gone@example.org", "Gone Person", true, true).user().id();
      Conversation c = dc.conversations().start(Actors.INGEST, user, "about " + SECRET, false);
      dc.conversations().addMessage(Actors.INGEST, c.id(), "user", SECRET);
      dc.memories().save(Actors.INGEST, user, c.id(), SECRET);
      dc.exports().request(Actors.user(user), user);
      PrivacyRequest r = dc.requests().create(user, RequestKind.REMOVE_FROM_OUTPUTS, List.of("Gone Person"));
      dc.requests().verify(user, r.id(), store.outbox.lastCodeFor("gone@example.org").orElseThrow());
      dc.accounts().delete(Actors.user(user), user);
      store.mutableClock().advance(Duration.ofDays(30));
      assertThat(dc.retention().run().accountsPurged()).isEqualTo(1);

      long leftovers = store.db.read(sql -> sql.count(
          "SELECT (SELECT COUNT(*) FROM conversations WHERE user_id = ?) + (SELECT COUNT(*) FROM messages)"
              + " + (SELECT COUNT(*) FROM memories WHERE user_id = ?) + (SELECT COUNT(*) FROM tokens WHERE user_id = ?)"
              + " + (SELECT COUNT(*) FROM exports WHERE user_id = ?) + (SELECT COUNT(*) FROM setting_changes WHERE user_id = ?)"
              + " + (SELECT COUNT(*) FROM idempotency_keys WHERE user_id = ?)"
              + " + (SELECT COUNT(*) FROM users WHERE id = ? AND (email IS NOT NULL OR display_name IS NOT NULL))",
          user, user, user, user, user, user, user));
      assertThat(leftovers).isZero();
      assertThat(rowsContaining(store, "Kx7-marker")).isZero();
      assertThat(Files.exists(store.workspace.resolve("exports"))
          && store.workspace.resolve("exports").toFile().list().length > 0).isFalse();
      // Kept: the audit trail (no content) and the suppression entry that keeps the name out of outputs.
      assertThat(dc.audit().list(0, Page.Request.first(), user, null, null).items()).extracting(AuditEntry::action)
          .contains(AuditActions.ACCOUNT_CREATED, AuditActions.ACCOUNT_DELETED, AuditActions.ACCOUNT_PURGED);
      long suppressed = store.db.read(sql -> sql.count("SELECT COUNT(*) FROM suppression_entries WHERE user_id = ?", user));
      assertThat(suppressed).isEqualTo(1);
    }
  }
}
