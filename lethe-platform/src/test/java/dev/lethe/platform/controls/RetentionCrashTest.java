package dev.lethe.platform.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.platform.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The retention job killed midway and run again: nothing due is left, nothing not yet due is gone,
 * and a second run has nothing to do.
 */
class RetentionCrashTest {

  /** Ids of what will be due and of what will not, after the clock moves 31 days. */
  record Setup(Set<String> due, Set<String> kept) {}

  private static Setup seed(TestStore store) {
    DataControls dc = store.controls;
    Set<String> due = new java.util.HashSet<>();
    Set<String> kept = new java.util.HashSet<>();
    String a = dc.accounts().register("a@example.org", null, true, true).user().id();
    String b = dc.accounts().register("b@example.org", null, true, true).user().id();
    for (int i = 0; i < 6; i++) {
      Conversation c = dc.conversations().start(Actors.INGEST, a, null, i % 2 == 0);
      dc.conversations().addMessage(Actors.INGEST, c.id(), "user", "message " + i);
      if (i % 3 == 1) {
        dc.conversations().delete(Actors.user(a), a, c.id());
      }
      (c.temporary() || i % 3 == 1 ? due : kept).add(c.id());
    }
    Conversation ofB = dc.conversations().start(Actors.INGEST, b, null, false);
    dc.conversations().addMessage(Actors.INGEST, ofB.id(), "user", "b's message");
    dc.accounts().delete(Actors.user(b), b);
    due.add(ofB.id());
    store.mutableClock().advance(Duration.ofDays(31));
    // Made now: not due for another 30 days.
    Conversation fresh = dc.conversations().start(Actors.INGEST, a, null, true);
    dc.conversations().addMessage(Actors.INGEST, fresh.id(), "user", "fresh temporary chat");
    Conversation freshDeleted = dc.conversations().start(Actors.INGEST, a, null, false);
    dc.conversations().delete(Actors.user(a), a, freshDeleted.id());
    kept.add(fresh.id());
    kept.add(freshDeleted.id());
    return new Setup(due, kept);
  }

  private static void assertFinished(TestStore store, Setup setup) {
    Set<String> stored = Set.copyOf(store.db.read(sql -> sql.list("SELECT id FROM conversations", rs -> rs.getString(1))));
    assertThat(stored).doesNotContainAnyElementsOf(setup.due()).containsAll(setup.kept());
    long orphanMessages = store.db.read(sql -> sql.count(
        "SELECT COUNT(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = m.conversation_id)"));
    assertThat(orphanMessages).isZero();
    long bEmails = store.db.read(sql -> sql.count("SELECT COUNT(*) FROM users WHERE email = 'b@example.org'"));
    assertThat(bEmails).isZero();
    Retention.Report again = store.controls.retention().run();
    assertThat(again.conversationsPurged() + again.accountsPurged() + again.exportsExpired()).isZero();
    assertThat(store.controls.retention().status().conversationsDue()).isZero();
  }

  @Test
  void aRunThatDiesMidwayIsFinishedByTheNext() {
    try (TestStore store = TestStore.open()) {
      Setup setup = seed(store);
      List<String> purged = new ArrayList<>();
      assertThatThrownBy(() -> store.controls.retention().run(item -> {
        purged.add(item);
        if (purged.size() == 2) {
          throw new IllegalStateException("simulated crash");
        }
      })).hasMessage("simulated crash");
      Set<String> stored = Set.copyOf(store.db.read(sql -> sql.list("SELECT id FROM conversations", rs -> rs.getString(1))));
      assertThat(stored).doesNotContainAnyElementsOf(purged).containsAll(setup.kept());
      assertThat(setup.due()).anyMatch(stored::contains);  // it really stopped midway

      store.controls.retention().run();
      assertFinished(store, setup);
    }
  }

  @Test
  void aKilledRetentionProcessIsFinishedByTheNextRun() throws Exception {
    try (TestStore store = TestStore.open()) {
      Setup setup = seed(store);
      List<String> command = List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
          RetentionChild.class.getName(), store.workspace.toString(), String.valueOf(store.clock.millis()),
          store.postgresUrl == null ? "-" : store.postgresUrl);
      Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      int purgedByChild = 0;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("purged ") && ++purgedByChild == 2) {
            child.destroyForcibly();  // SIGKILL, mid-run
            break;
          }
          assertThat(line).isNotEqualTo("done");
        }
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(purgedByChild).isEqualTo(2);
      Set<String> stored = Set.copyOf(store.db.read(sql -> sql.list("SELECT id FROM conversations", rs -> rs.getString(1))));
      assertThat(setup.due()).anyMatch(stored::contains);

      store.controls.retention().run();
      assertFinished(store, setup);
    }
  }
}
