package dev.lethe.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.Outbox;
import dev.lethe.platform.testing.TestStore;
import dev.lethe.platform.training.Change;
import dev.lethe.platform.training.TrainingConversation;
import dev.lethe.platform.training.TrainingView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DemoWorkspaceTest {

  @Test
  void seedsUsersWithDifferentControlsAndOnlyTheEligibleConversationsReachTraining() {
    try (TestStore store = TestStore.open()) {
      Outbox outbox = new Outbox(null);
      DataControls dc = DataControls.builder(store.db, store.workspace).notifier(outbox).exportExecutor(Runnable::run).build();
      DemoWorkspace.Summary s = DemoWorkspace.seed(dc, outbox);
      assertThat(s.users()).hasSize(5);
      assertThat(s.conversations()).isEqualTo(11);
      // Maria 2 (before the toggle), Sofia 1 (the other deleted), Priya 2 (archived included); David off, Tom deleted.
      assertThat(s.eligibleConversations()).isEqualTo(5);
      assertThat(s.suppressionEntries()).isEqualTo(3);
      try (TrainingView v = dc.training().open(); Stream<TrainingConversation> cs = v.conversations(); Stream<Change> feed = v.changesSince(0)) {
        String text = cs.flatMap(c -> c.messages().stream()).map(m -> m.text()).reduce("", String::concat);
        assertThat(text).contains("DE89 3704 0044 0532 0130 00", "jonas.weber@example-mail.de", "sk_live_")
            .doesNotContain("Tr0ub4dor&3", "YA1234567", "Julia Becker", "ferritin", "221 Maple Avenue");
        List<Change.Kind> kinds = feed.map(Change::kind).toList();
        assertThat(kinds).contains(Change.Kind.CONVERSATION_DELETED, Change.Kind.ACCOUNT_DELETED,
            Change.Kind.TRAINING_SETTING_CHANGED, Change.Kind.SUPPRESSION_ADDED);
      }
      assertThat(dc.requests().queue(null)).hasSize(1);
      assertThatThrownBy(() -> DemoWorkspace.seed(dc, outbox)).isInstanceOf(IllegalStateException.class);
    }
  }
}
