package dev.lethe.platform.controls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.platform.testing.TestStore;
import dev.lethe.platform.training.TrainingConversation;
import dev.lethe.platform.training.TrainingView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Random interleavings of setting toggles, conversation starts (normal and temporary), deletions of
 * conversations and accounts, re-registration, do-not-train requests, clock advances and retention
 * runs. After every step the training-eligible set read through {@link TrainingView}, the users'
 * histories and what is left in the store equal what the rules say, computed here independently from
 * the steps alone.
 */
class EligibilityPropertyTest {

  sealed interface Step permits Toggle, Start, DeleteConversation, DeleteAccount, Register, DoNotTrain, Advance, RunRetention {}

  record Toggle(int user, boolean on) implements Step {}

  record Start(int user, boolean temporary) implements Step {}

  record DeleteConversation(int pick) implements Step {}

  record DeleteAccount(int user) implements Step {}

  record Register(boolean on) implements Step {}

  record DoNotTrain(int user) implements Step {}

  record Advance(int hours) implements Step {}

  record RunRetention() implements Step {}

  /** The model: what the rules say, from the steps alone. */
  static final class ModelUser {
    final String id;
    final String email;
    boolean improve;
    boolean deleted;

    ModelUser(String id, String email, boolean improve) {
      this.id = id;
      this.email = email;
      this.improve = improve;
    }
  }

  static final class ModelConversation {
    final String id;
    final ModelUser user;
    final boolean eligibleAtStart;
    final boolean temporary;
    final Instant startedAt;
    Instant deletedAt;
    boolean excluded;

    ModelConversation(String id, ModelUser user, boolean eligibleAtStart, boolean temporary, Instant startedAt) {
      this.id = id;
      this.user = user;
      this.eligibleAtStart = eligibleAtStart;
      this.temporary = temporary;
      this.startedAt = startedAt;
    }

    boolean eligible() {
      return eligibleAtStart && !temporary && deletedAt == null && !user.deleted && !excluded;
    }

    Instant purgeDue() {
      Instant due = null;
      if (temporary) {
        due = startedAt.plus(Duration.ofDays(30));
      }
      Instant hidden = deletedAt;
      if (hidden != null) {
        Instant byDeletion = hidden.plus(Duration.ofDays(30));
        due = due == null || byDeletion.isBefore(due) ? byDeletion : due;
      }
      return due;
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> user = Arbitraries.integers().between(0, 3);
    Arbitrary<Step> step = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Combinators.combine(user, Arbitraries.of(true, false)).as(Toggle::new)),
        net.jqwik.api.Tuple.of(6, Combinators.combine(user, Arbitraries.of(true, false, false)).as(Start::new)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 1000).map(DeleteConversation::new)),
        net.jqwik.api.Tuple.of(1, user.map(DeleteAccount::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(true, false).map(Register::new)),
        net.jqwik.api.Tuple.of(1, user.map(DoNotTrain::new)),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(1, 24, 24 * 10, 24 * 31).map(Advance::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new RunRetention())));
    return step.list().ofMinSize(1).ofMaxSize(35);
  }

  @Property(tries = 80, shrinking = ShrinkingMode.BOUNDED)
  void eligibleSetAlwaysMatchesTheRules(@ForAll("steps") List<Step> steps) {
    try (TestStore store = TestStore.open()) {
      DataControls dc = store.controls;
      List<ModelUser> users = new ArrayList<>();
      List<ModelConversation> conversations = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        register(dc, users, i % 2 == 0);
      }
      for (Step step : steps) {
        apply(step, store, users, conversations);
        check(store, users, conversations, step);
      }
    }
  }

  private static void register(DataControls dc, List<ModelUser> users, boolean on) {
    String email = "user" + (users.size() % 3) + "@example.org";
    if (users.stream().anyMatch(u -> !u.deleted && u.email.equals(email))) {
      return;  // that email has a live account
    }
    Registration r = dc.accounts().register(email, null, on, true);
    users.add(new ModelUser(r.user().id(), email, on));
  }

  private static ModelUser live(List<ModelUser> users, int index) {
    List<ModelUser> alive = users.stream().filter(u -> !u.deleted).toList();
    return alive.isEmpty() ? null : alive.get(index % alive.size());
  }

  private static void apply(Step step, TestStore store, List<ModelUser> users, List<ModelConversation> conversations) {
    DataControls dc = store.controls;
    Instant now = store.clock.instant();
    if (step instanceof Toggle t) {
      ModelUser u = live(users, t.user());
      if (u != null) {
        dc.accounts().updateSettings(Actors.user(u.id), u.id, t.on(), null);
        u.improve = t.on();
      }
    } else if (step instanceof Start s) {
      ModelUser u = live(users, s.user());
      if (u != null) {
        Conversation c = dc.conversations().start(Actors.INGEST, u.id, null, s.temporary());
        dc.conversations().addMessage(Actors.INGEST, c.id(), "user", "hello from " + u.email);
        conversations.add(new ModelConversation(c.id(), u, u.improve, s.temporary(), now));
      }
    } else if (step instanceof DeleteConversation d) {
      List<ModelConversation> visible = conversations.stream()
          .filter(c -> c.deletedAt == null && !c.user.deleted && (c.purgeDue() == null || now.isBefore(c.purgeDue())))
          .toList();
      if (!visible.isEmpty()) {
        ModelConversation c = visible.get(d.pick() % visible.size());
        dc.conversations().delete(Actors.user(c.user.id), c.user.id, c.id);
        c.deletedAt = now;
      }
    } else if (step instanceof DeleteAccount a) {
      ModelUser u = live(users, a.user());
      if (u != null) {
        dc.accounts().delete(Actors.user(u.id), u.id);
        u.deleted = true;
        conversations.stream().filter(c -> c.user == u && c.deletedAt == null).forEach(c -> c.deletedAt = now);
      }
    } else if (step instanceof Register r) {
      register(dc, users, r.on());
    } else if (step instanceof DoNotTrain n) {
      ModelUser u = live(users, n.user());
      if (u != null) {
        PrivacyRequest req = dc.requests().create(u.id, RequestKind.DO_NOT_TRAIN, List.of());
        dc.requests().verify(u.id, req.id(), store.outbox.lastCodeFor(u.email).orElseThrow());
        u.improve = false;
        conversations.stream().filter(c -> c.user == u).forEach(c -> c.excluded = true);
      }
    } else if (step instanceof Advance a) {
      store.mutableClock().advance(Duration.ofHours(a.hours()));
    } else if (step instanceof RunRetention) {
      dc.retention().run();
    }
  }

  private static void check(TestStore store, List<ModelUser> users, List<ModelConversation> conversations, Step after) {
    Set<String> expected = conversations.stream().filter(ModelConversation::eligible).map(c -> c.id).collect(Collectors.toSet());
    try (TrainingView view = store.controls.training().open(); Stream<TrainingConversation> s = view.conversations()) {
      assertThat(s.map(TrainingConversation::conversationId).collect(Collectors.toSet())).as("eligible after " + after).isEqualTo(expected);
    }
    for (ModelUser u : users) {
      if (!u.deleted) {
        Set<String> history = conversations.stream()
            .filter(c -> c.user == u && !c.temporary && c.deletedAt == null).map(c -> c.id).collect(Collectors.toSet());
        Set<String> listed = store.controls.conversations().history(u.id, false).stream().map(Conversation::id).collect(Collectors.toSet());
        assertThat(listed).as("history of " + u.id + " after " + after).isEqualTo(history);
      }
    }
    // Whatever the retention job purged was due, and nothing due survives a run (checked after runs).
    Set<String> stored = Set.copyOf(store.db.read(sql -> sql.list("SELECT id FROM conversations", rs -> rs.getString(1))));
    Instant now = store.clock.instant();
    for (ModelConversation c : conversations) {
      Instant due = c.purgeDue();
      boolean isDue = due != null && !now.isBefore(due);
      if (!isDue) {
        assertThat(stored).as(c.id + " is not due, so it must still be stored").contains(c.id);
      } else if (after instanceof RunRetention) {
        assertThat(stored).as(c.id + " was due, so the run must have purged it").doesNotContain(c.id);
      }
    }
  }
}
