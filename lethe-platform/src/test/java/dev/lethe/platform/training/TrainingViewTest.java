package dev.lethe.platform.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lethe.platform.controls.Actors;
import dev.lethe.platform.controls.Conversation;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.Memory;
import dev.lethe.platform.testing.TestStore;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainingViewTest {
  TestStore store;
  DataControls dc;
  String alice;
  String bob;

  @BeforeEach
  void setUp() {
    store = TestStore.open();
    dc = store.controls;
    alice = dc.accounts().register("alice@example.org", "Alice Moreau", true, true).user().id();
    bob = dc.accounts().register("bob@example.org", "Bob Lee", false, true).user().id();
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private Conversation chat(String user, boolean temporary, String... texts) {
    Conversation c = dc.conversations().start(Actors.INGEST, user, "t", temporary);
    for (int i = 0; i < texts.length; i++) {
      dc.conversations().addMessage(Actors.INGEST, c.id(), i % 2 == 0 ? "user" : "assistant", texts[i]);
    }
    return c;
  }

  private static List<String> ids(TrainingView view) {
    try (Stream<TrainingConversation> s = view.conversations()) {
      return s.map(TrainingConversation::conversationId).toList();
    }
  }

  @Test
  void streamsOnlyEligibleConversationsWithTheirMessagesInOrder() {
    Conversation eligible = chat(alice, false, "My IBAN is DE89 3704 0044 0532 0130 00", "Noted.", "Thanks");
    chat(alice, true, "temporary: never trained on");
    chat(bob, false, "Bob has improve-model off");
    Conversation deleted = chat(alice, false, "delete me");
    dc.conversations().delete(Actors.user(alice), alice, deleted.id());
    chat(alice, false);  // no messages: nothing to train on

    try (TrainingView view = dc.training().open(); Stream<TrainingConversation> s = view.conversations()) {
      List<TrainingConversation> all = s.toList();
      assertThat(all).extracting(TrainingConversation::conversationId, TrainingConversation::userId)
          .containsExactly(tuple(eligible.id(), alice));
      assertThat(all.get(0).messages()).extracting(TrainingMessage::ordinal, TrainingMessage::role, TrainingMessage::text)
          .containsExactly(
              tuple(1, "user", "My IBAN is DE89 3704 0044 0532 0130 00"), tuple(2, "assistant", "Noted."), tuple(3, "user", "Thanks"));
      assertThat(all.get(0).startedAt()).isEqualTo(eligible.startedAt());
    }
  }

  @Test
  void aViewIsOnePointInTimeWhateverIsWrittenWhileItIsOpen() {
    Conversation first = chat(alice, false, "first");
    try (TrainingView view = dc.training().open()) {
      long watermark = view.watermark();
      Conversation second = chat(alice, false, "second");
      dc.conversations().delete(Actors.user(alice), alice, first.id());
      dc.conversations().addMessage(Actors.INGEST, second.id(), "assistant", "more");

      assertThat(ids(view)).containsExactly(first.id());
      assertThat(view.changesSince(0).map(Change::kind)).doesNotContain(Change.Kind.CONVERSATION_DELETED);

      try (TrainingView later = dc.training().open()) {
        assertThat(later.watermark()).isGreaterThan(watermark);
        assertThat(ids(later)).containsExactly(second.id());
        assertThat(later.changesSince(watermark).toList())
            .extracting(Change::kind, Change::userId, Change::subjectId)
            .containsExactly(tuple(Change.Kind.CONVERSATION_DELETED, alice, first.id()));
      }
    }
  }

  @Test
  void memoriesFollowTheSettingInForceWhenSaved() {
    Memory before = dc.memories().save(Actors.INGEST, alice, null, "Alice's daughter is called Lina");
    dc.accounts().updateSettings(Actors.user(alice), alice, false, null);
    dc.memories().save(Actors.INGEST, alice, null, "Alice lives at 12 Rue des Lilas");
    dc.memories().save(Actors.INGEST, bob, null, "Bob prefers short answers");

    try (TrainingView view = dc.training().open(); Stream<TrainingMemory> s = view.memories()) {
      assertThat(s.toList()).extracting(TrainingMemory::memoryId, TrainingMemory::text)
          .containsExactly(tuple(before.id(), "Alice's daughter is called Lina"));
    }
  }

  @Test
  void changeFeedReportsWhatLeftSinceAWatermark() {
    Conversation c = chat(alice, false, "hello");
    Memory m = dc.memories().save(Actors.INGEST, alice, c.id(), "likes tea");
    long start;
    try (TrainingView view = dc.training().open()) {
      start = view.watermark();
    }
    store.mutableClock().advance(Duration.ofMinutes(1));
    dc.accounts().updateSettings(Actors.user(alice), alice, false, null);
    dc.memories().update(Actors.user(alice), alice, m.id(), "likes green tea");
    dc.memories().delete(Actors.user(alice), alice, m.id());
    dc.conversations().delete(Actors.user(alice), alice, c.id());
    dc.accounts().delete(Actors.user(bob), bob);

    try (TrainingView view = dc.training().open(); Stream<Change> feed = view.changesSince(start)) {
      List<Change> changes = feed.toList();
      assertThat(changes).extracting(Change::kind, Change::userId, Change::subjectId, Change::enabled)
          .containsExactly(
              tuple(Change.Kind.TRAINING_SETTING_CHANGED, alice, null, false),
              tuple(Change.Kind.MEMORY_UPDATED, alice, m.id(), null),
              tuple(Change.Kind.MEMORY_DELETED, alice, m.id(), null),
              tuple(Change.Kind.CONVERSATION_DELETED, alice, c.id(), null),
              tuple(Change.Kind.ACCOUNT_DELETED, bob, null, null));
      assertThat(changes).allSatisfy(ch -> assertThat(ch.seq()).isGreaterThan(start).isLessThanOrEqualTo(view.watermark()));
      assertThat(changes.get(0).at()).isEqualTo(TestStore.START.plus(Duration.ofMinutes(1)));
    }
  }

  @Test
  void streamsCanBeReadTogetherAndTheViewClosesThem() {
    chat(alice, false, "a1");
    chat(alice, false, "a2");
    dc.memories().save(Actors.INGEST, alice, null, "m");
    TrainingView view = dc.training().open();
    Stream<TrainingConversation> conversations = view.conversations();
    Stream<TrainingMemory> memories = view.memories();
    var it = conversations.iterator();
    assertThat(it.next().messages().get(0).text()).isEqualTo("a1");
    assertThat(memories.count()).isEqualTo(1);
    assertThat(it.next().messages().get(0).text()).isEqualTo("a2");
    view.close();
    // the pooled connection went back: views can be opened again and again
    for (int i = 0; i < 20; i++) {
      try (TrainingView v = dc.training().open()) {
        assertThat(ids(v)).hasSize(2);
      }
    }
  }
}
