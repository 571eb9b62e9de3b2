package dev.lethe.platform.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.platform.store.StoreException;
import dev.lethe.platform.testing.TestStore;
import dev.lethe.platform.training.Change;
import dev.lethe.platform.training.SuppressionEntry;
import dev.lethe.platform.training.TrainingConversation;
import dev.lethe.platform.training.TrainingView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The promises to users, one by one, through the service layer. */
class RulesTest {
  TestStore store;
  DataControls dc;
  String ana;

  @BeforeEach
  void setUp() {
    store = TestStore.open();
    dc = store.controls;
    ana = dc.accounts().register("ana.ruiz@example.org", "Ana Ruiz", true, true).user().id();
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private Conversation chat(String user, boolean temporary, String text) {
    Conversation c = dc.conversations().start(Actors.INGEST, user, null, temporary);
    dc.conversations().addMessage(Actors.INGEST, c.id(), "user", text);
    return c;
  }

  private Set<String> eligible() {
    try (TrainingView v = dc.training().open(); Stream<TrainingConversation> s = v.conversations()) {
      return s.map(TrainingConversation::conversationId).collect(Collectors.toSet());
    }
  }

  private List<Change> feed() {
    try (TrainingView v = dc.training().open(); Stream<Change> s = v.changesSince(0)) {
      return s.toList();
    }
  }

  private String code(String email) {
    return store.outbox.lastCodeFor(email).orElseThrow();
  }

  private static ControlsException.Reason reason(Throwable t) {
    return ((ControlsException) t).reason();
  }

  @Test
  void togglingTheSettingNeverChangesEarlierConversations() {
    Conversation before = chat(ana, false, "started while on");
    dc.accounts().updateSettings(Actors.user(ana), ana, false, null);
    Conversation during = chat(ana, false, "started while off");
    dc.accounts().updateSettings(Actors.user(ana), ana, true, null);
    Conversation after = chat(ana, false, "started while on again");
    assertThat(eligible()).containsExactlyInAnyOrder(before.id(), after.id()).doesNotContain(during.id());
    assertThat(dc.accounts().settingsHistory(ana)).filteredOn(h -> h.setting() == Setting.IMPROVE_MODEL)
        .extracting(SettingChange::enabled).containsExactly(true, false, true);
  }

  @Test
  void temporaryChatsAreUnlistedNeverTrainedMemorylessAndPurgedAfter30Days() {
    Conversation temp = chat(ana, true, "temporary question about my rash");
    assertThat(temp.trainingEligible()).isFalse();
    assertThat(dc.conversations().history(ana, false)).isEmpty();
    assertThat(eligible()).isEmpty();
    assertThatThrownBy(() -> dc.memories().save(Actors.INGEST, ana, temp.id(), "has a rash"))
        .satisfies(e -> assertThat(reason(e)).isEqualTo(ControlsException.Reason.CONFLICT)).hasMessageContaining("temporary");
    dc.memories().save(Actors.INGEST, ana, null, "likes cycling");
    assertThatThrownBy(() -> dc.memories().forChat(ana, temp.id())).hasMessageContaining("temporary");
    assertThat(dc.conversations().get(ana, temp.id()).messages()).hasSize(1);

    store.mutableClock().advance(Duration.ofDays(30).minusMinutes(1));
    assertThat(dc.retention().run().conversationsPurged()).isZero();
    store.mutableClock().advance(Duration.ofMinutes(1));
    assertThat(dc.retention().run().conversationsPurged()).isEqualTo(1);
    assertThatThrownBy(() -> dc.conversations().get(ana, temp.id())).satisfies(e -> assertThat(reason(e)).isEqualTo(ControlsException.Reason.NOT_FOUND));
  }

  @Test
  void deletingHidesAtOnceAndPurgesWithin30DaysWhileArchiveIsNotDelete() {
    Conversation deleted = chat(ana, false, "delete me");
    Conversation archived = chat(ana, false, "archive me");
    Memory fromDeleted = dc.memories().save(Actors.INGEST, ana, deleted.id(), "Ana's cat is called Miso");
    ConversationDeletion d = dc.conversations().delete(Actors.user(ana), ana, deleted.id());
    assertThat(d.memoriesKept()).isEqualTo(1);
    assertThat(d.purgeDueAt()).isEqualTo(d.deletedAt().plus(Duration.ofDays(30)));
    dc.conversations().archive(Actors.user(ana), ana, archived.id(), true);

    assertThatThrownBy(() -> dc.conversations().get(ana, deleted.id())).isInstanceOf(ControlsException.class);
    assertThatThrownBy(() -> dc.conversations().addMessage(Actors.INGEST, deleted.id(), "user", "late")).isInstanceOf(ControlsException.class);
    assertThat(dc.conversations().history(ana, false)).isEmpty();
    assertThat(dc.conversations().history(ana, true)).extracting(Conversation::id).containsExactly(archived.id());
    assertThat(eligible()).containsExactly(archived.id());
    assertThat(dc.memories().list(ana)).extracting(Memory::id).containsExactly(fromDeleted.id());

    store.mutableClock().advance(Duration.ofDays(30));
    dc.retention().run();
    long stored = store.db.read(sql -> sql.count("SELECT COUNT(*) FROM conversations WHERE id = ?", deleted.id()));
    assertThat(stored).isZero();
    assertThat(dc.memories().list(ana)).hasSize(1);
  }

  @Test
  void memoriesAreOptionalListableEditableAndDeletable() {
    Memory m1 = dc.memories().save(Actors.INGEST, ana, null, "prefers Spanish");
    Memory m2 = dc.memories().save(Actors.INGEST, ana, null, "works at a bakery");
    assertThat(dc.memories().update(Actors.user(ana), ana, m1.id(), "prefers Catalan").text()).isEqualTo("prefers Catalan");
    dc.memories().delete(Actors.user(ana), ana, m2.id());
    assertThat(dc.memories().list(ana)).extracting(Memory::text).containsExactly("prefers Catalan");

    dc.accounts().updateSettings(Actors.user(ana), ana, null, false);
    assertThatThrownBy(() -> dc.memories().save(Actors.INGEST, ana, null, "x")).hasMessageContaining("memories are off");
    assertThat(dc.memories().forChat(ana, null)).isEmpty();
    assertThat(dc.memories().list(ana)).hasSize(1);  // still the user's to see and delete
    assertThat(dc.memories().deleteAll(Actors.user(ana), ana)).isEqualTo(1);
    assertThat(dc.memories().list(ana)).isEmpty();
  }

  @Test
  void deletedAccountsStayDeletedWhenTheSameEmailRegistersAgain() {
    String token = dc.accounts().issueToken(ana);
    Conversation c = chat(ana, false, "Ana's old conversation");
    dc.memories().save(Actors.INGEST, ana, null, "old memory");
    AccountDeletion d = dc.accounts().delete(Actors.user(ana), ana);
    assertThat(d.conversationsHidden()).isEqualTo(1);
    assertThat(dc.accounts().authenticate(token)).isEmpty();
    assertThat(eligible()).isEmpty();
    Registration again = dc.accounts().register("Ana.Ruiz@example.org", "Ana", null, null);
    assertThat(again.user().id()).isNotEqualTo(ana);
    String fresh = again.user().id();
    assertThat(dc.conversations().history(fresh, false)).isEmpty();
    assertThat(dc.memories().list(fresh)).isEmpty();
    assertThat(dc.accounts().settingsHistory(fresh)).hasSize(2);
    assertThatThrownBy(() -> dc.conversations().get(fresh, c.id())).isInstanceOf(ControlsException.class);
    assertThatThrownBy(() -> dc.accounts().register("ana.ruiz@example.org", null, null, null))
        .satisfies(e -> assertThat(reason(e)).isEqualTo(ControlsException.Reason.CONFLICT));
    assertThat(feed()).extracting(Change::kind, Change::userId).contains(org.assertj.core.groups.Tuple.tuple(Change.Kind.ACCOUNT_DELETED, ana));
  }

  @Test
  void privacyRequestsWaitForTheIdentityCheckAndAreDueInOneMonth() {
    PrivacyRequest r = dc.requests().create(ana, RequestKind.DO_NOT_TRAIN, List.of());
    assertThat(r.status()).isEqualTo("awaiting_verification");
    assertThat(r.dueAt()).isEqualTo(Instant.parse("2025-04-01T09:00:00Z"));
    Conversation c = chat(ana, false, "eligible before the request");
    assertThat(eligible()).containsExactly(c.id());  // nothing happens before verification

    String right = code("ana.ruiz@example.org");
    String wrong = right.equals("00000000") ? "11111111" : "00000000";
    assertThatThrownBy(() -> dc.requests().verify(ana, r.id(), wrong))
        .satisfies(e -> assertThat(((ControlsException) e).field()).isEqualTo("code"));
    PrivacyRequest done = dc.requests().verify(ana, r.id(), right);
    assertThat(done.status()).isEqualTo("completed");
    assertThat(eligible()).isEmpty();  // do-not-train reaches back, unlike the setting
    assertThat(dc.accounts().get(ana).settings().improveModel()).isFalse();
    assertThat(feed()).extracting(Change::kind).contains(Change.Kind.DO_NOT_TRAIN, Change.Kind.TRAINING_SETTING_CHANGED);
    assertThat(dc.requests().get(ana, r.id()).trail()).extracting(AuditEntry::action).containsExactly(
        AuditActions.REQUEST_CREATED, AuditActions.REQUEST_CODE_SENT, AuditActions.REQUEST_VERIFICATION_FAILED,
        AuditActions.REQUEST_VERIFIED, AuditActions.REQUEST_COMPLETED);
  }

  @Test
  void identityCheckFailuresCloseTheRequest() {
    PrivacyRequest tooMany = dc.requests().create(ana, RequestKind.DELETE, List.of());
    String wrong = code("ana.ruiz@example.org").equals("00000000") ? "11111111" : "00000000";
    for (int i = 1; i < PrivacyRequests.CODE_ATTEMPTS; i++) {
      assertThatThrownBy(() -> dc.requests().verify(ana, tooMany.id(), wrong)).isInstanceOf(ControlsException.class);
    }
    assertThatThrownBy(() -> dc.requests().verify(ana, tooMany.id(), wrong)).hasMessageContaining("too many");
    assertThat(dc.requests().get(ana, tooMany.id()).request().status()).isEqualTo("rejected");
    assertThat(dc.accounts().get(ana)).isNotNull();  // not deleted

    PrivacyRequest late = dc.requests().create(ana, RequestKind.DELETE, List.of());
    store.mutableClock().advance(Duration.ofHours(25));
    assertThatThrownBy(() -> dc.requests().verify(ana, late.id(), code("ana.ruiz@example.org"))).hasMessageContaining("expired");
    assertThat(dc.requests().get(ana, late.id()).request().status()).isEqualTo("rejected");
  }

  @Test
  void duplicatesOfAnOpenRequestAreDetected() {
    PrivacyRequest first = dc.requests().create(ana, RequestKind.REMOVE_FROM_OUTPUTS, List.of("Ana Ruiz", "+34 612 345 678"));
    assertThatThrownBy(() -> dc.requests().create(ana, RequestKind.REMOVE_FROM_OUTPUTS, List.of("+34 612 345 678", "Ana Ruiz")))
        .satisfies(e -> assertThat(((ControlsException) e).details()).containsEntry("existing_request_id", first.id()));
    // Different strings, or a different kind, are different requests.
    dc.requests().create(ana, RequestKind.REMOVE_FROM_OUTPUTS, List.of("Calle Mayor 5"));
    dc.requests().create(ana, RequestKind.ACCESS, List.of());
    dc.requests().reject(first.id(), "test");
    dc.requests().create(ana, RequestKind.REMOVE_FROM_OUTPUTS, List.of("Ana Ruiz", "+34 612 345 678"));
    assertThat(dc.requests().queue(null)).hasSize(3);
  }

  @Test
  void removeFromOutputsFeedsTheSuppressionList() {
    PrivacyRequest r = dc.requests().create(ana, RequestKind.REMOVE_FROM_OUTPUTS, List.of("Ana Ruiz", " ana.ruiz@example.org "));
    try (TrainingView v = dc.training().open(); Stream<SuppressionEntry> s = v.suppressionList()) {
      assertThat(s).isEmpty();  // not before the identity check
    }
    dc.requests().verify(ana, r.id(), code("ana.ruiz@example.org"));
    try (TrainingView v = dc.training().open(); Stream<SuppressionEntry> s = v.suppressionList()) {
      assertThat(s.toList()).extracting(SuppressionEntry::text, SuppressionEntry::userId, SuppressionEntry::requestId)
          .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Ana Ruiz", ana, r.id()),
              org.assertj.core.groups.Tuple.tuple("ana.ruiz@example.org", ana, r.id()));
    }
    assertThat(feed()).filteredOn(ch -> ch.kind() == Change.Kind.SUPPRESSION_ADDED).extracting(Change::text)
        .containsExactlyInAnyOrder("Ana Ruiz", "ana.ruiz@example.org");
    assertThat(dc.audit().list(0, Page.Request.first(), null, null, null).items()).extracting(AuditEntry::detail).noneMatch(d -> d != null && d.contains("Ana Ruiz"));
  }

  @Test
  void accessAndDeleteRequestsAreCarriedOut() {
    chat(ana, false, "hello");
    PrivacyRequest access = dc.requests().create(ana, RequestKind.ACCESS, List.of());
    dc.requests().verify(ana, access.id(), code("ana.ruiz@example.org"));
    PrivacyRequest accessDone = dc.requests().get(ana, access.id()).request();
    assertThat(accessDone.status()).isEqualTo("completed");
    assertThat(accessDone.outcome()).contains("export");
    assertThat(dc.exports().list(ana, Page.Request.first()).items()).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo("ready"));

    PrivacyRequest delete = dc.requests().create(ana, RequestKind.DELETE, List.of());
    PrivacyRequest deleted = dc.requests().verify(ana, delete.id(), code("ana.ruiz@example.org"));
    assertThat(deleted.status()).isEqualTo("completed");
    assertThatThrownBy(() -> dc.accounts().get(ana)).isInstanceOf(ControlsException.class);
    assertThat(feed()).extracting(Change::kind).contains(Change.Kind.ACCOUNT_DELETED, Change.Kind.DELETE_REQUEST_COMPLETED);
    assertThat(dc.requests().getForAdmin(delete.id()).request().status()).isEqualTo("completed");
  }

  @Test
  void theAuditLogIsAppendOnlyAndHoldsNoContent() {
    Conversation c = chat(ana, false, "My card is 4111 1111 1111 1111");
    dc.memories().save(Actors.INGEST, ana, c.id(), "card ends 1111");
    dc.conversations().delete(Actors.user(ana), ana, c.id());
    List<AuditEntry> entries = dc.audit().list(0, Page.Request.first(), ana, null, null).items();
    assertThat(entries).extracting(AuditEntry::action).contains(AuditActions.CONVERSATION_STARTED, AuditActions.MESSAGE_ADDED,
        AuditActions.MEMORY_SAVED, AuditActions.CONVERSATION_DELETED);
    assertThat(entries.toString()).doesNotContain("4111").doesNotContain("ana.ruiz@example.org").doesNotContain("Ana Ruiz");
    assertThatThrownBy(() -> store.db.write(tx -> tx.update("UPDATE audit_log SET detail = 'x'")))
        .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> store.db.write(tx -> tx.update("DELETE FROM audit_log")))
        .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
  }
}
