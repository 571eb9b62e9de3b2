package dev.lethe.platform.controls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.platform.testing.TestStore;
import dev.lethe.platform.training.TrainingConversation;
import dev.lethe.platform.training.TrainingView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Toggling "improve the model" while conversations start on other threads: no conversation may end
 * up with an eligibility that disagrees with the setting in force when it started.
 */
class ConcurrencyTest {
  static final int STARTERS = 4;
  static final int STARTS_EACH = 60;
  static final int TOGGLES = 120;

  record Started(String id, long seq, Instant at, boolean eligible) {}

  @Test
  void eligibilityAlwaysAgreesWithTheSettingAtStart() throws Exception {
    try (TestStore store = TestStore.open(Clock.systemUTC())) {
      DataControls dc = store.controls;
      String user = dc.accounts().register("race@example.org", null, true, true).user().id();
      ExecutorService pool = Executors.newFixedThreadPool(STARTERS + 1);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      futures.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < TOGGLES; i++) {
          dc.accounts().updateSettings(Actors.user(user), user, i % 2 == 1, null);
        }
        return null;
      }));
      for (int t = 0; t < STARTERS; t++) {
        futures.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < STARTS_EACH; i++) {
            Conversation c = dc.conversations().start(Actors.INGEST, user, null, false);
            dc.conversations().addMessage(Actors.INGEST, c.id(), "user", "hi");
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
      pool.shutdown();

      List<SettingChange> history = dc.accounts().settingsHistory(user).stream()
          .filter(h -> h.setting() == Setting.IMPROVE_MODEL).toList();
      List<Started> started = store.db.read(sql -> sql.list(
          "SELECT id, seq, started_at, training_eligible FROM conversations WHERE user_id = ?",
          rs -> new Started(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4) == 1), user));
      assertThat(history).hasSize(TOGGLES + 1);
      assertThat(started).hasSize(STARTERS * STARTS_EACH);
      // The race was real: both outcomes happened.
      assertThat(started).anyMatch(Started::eligible).anyMatch(s -> !s.eligible());

      for (Started s : started) {
        // By order of commits...
        SettingChange bySeq = history.stream().filter(h -> h.seq() < s.seq()).reduce((a, b) -> b).orElseThrow();
        assertThat(s.eligible()).as(s + " vs " + bySeq).isEqualTo(bySeq.enabled());
        // ...and by time: the last change at or before the start (ties broken by order) is the same one.
        SettingChange byTime = history.stream()
            .filter(h -> h.changedAt().isBefore(s.at()) || (h.changedAt().equals(s.at()) && h.seq() < s.seq()))
            .reduce((a, b) -> b).orElseThrow();
        assertThat(byTime).isEqualTo(bySeq);
      }
      Set<String> expected = started.stream().filter(Started::eligible).map(Started::id).collect(Collectors.toSet());
      try (TrainingView view = dc.training().open(); Stream<TrainingConversation> s = view.conversations()) {
        assertThat(s.map(TrainingConversation::conversationId).collect(Collectors.toSet())).isEqualTo(expected);
      }
    }
  }
}
