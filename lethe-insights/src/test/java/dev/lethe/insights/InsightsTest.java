package dev.lethe.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.insights.dp.DiscreteNoise;
import dev.lethe.insights.dp.PrivacyLedger;
import dev.lethe.platform.demo.DemoWorkspace;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases: the K minimum, what one user can move, the ledger in front of every release, and a real store. */
class InsightsTest {
  @TempDir Path tmp;

  static DiscreteNoise noise(long seed) throws Exception {
    SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
    r.setSeed(seed);
    return new DiscreteNoise(r);
  }

  PrivacyLedger ledger() {
    return PrivacyLedger.open(tmp.resolve("ledger.json"), Insights.CONVERSATIONS, new BigDecimal("1000"), new BigDecimal("0.5"),
        Clock.systemUTC());
  }

  /** {@code users} distinct users with one conversation each on {@code topic}. */
  static List<ConversationFacts> users(String topic, int users, String prefix) {
    List<ConversationFacts> out = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      out.add(Facts.of(prefix + u, topic, "en", "2026-11-02"));
    }
    return out;
  }

  @Test
  void noCellBelowKIsEverReleasedEvenWithLittleNoise() throws Exception {
    List<ConversationFacts> facts = new ArrayList<>();
    facts.addAll(users("coding", 49, "a"));
    facts.addAll(users("writing", 50, "b"));
    facts.addAll(users("health", 1, "c"));
    facts.addAll(users("travel", 500, "d"));
    InsightQuery q = new InsightQuery(List.of(Dimension.TOPIC), new BigDecimal("100"), new BigDecimal("1e-8"), 50, 1, 1);
    PrivacyLedger l = ledger();
    Insights insights = Insights.over(() -> null, l, Clock.systemUTC());
    for (int seed = 0; seed < 30; seed++) {
      InsightsResult r = insights.release(facts, q, l.status(), noise(seed), Insights.newSalt());
      List<String> topics = r.cells().stream().map(c -> c.key().get("topic")).toList();
      assertThat(topics).doesNotContain("coding", "health").contains("travel");
      assertThat(r.cells()).allSatisfy(c -> assertThat(c.users()).isGreaterThanOrEqualTo(r.mechanism().threshold()));
    }
    // With the default rho the noise is wide and the threshold K + 40: 50 users never show, 500 always do.
    InsightsResult wide = insights.release(facts, new InsightQuery(List.of(Dimension.TOPIC), InsightQuery.DEFAULT_RHO,
        InsightQuery.DEFAULT_DELTA, 50, 1, 1), l.status(), noise(1), Insights.newSalt());
    assertThat(wide.cells()).extracting(c -> c.key().get("topic")).containsExactly("travel");
  }

  @Test
  void oneUserAddingAllTheirDataMovesEachReleasedValueWithinTheBound() throws Exception {
    List<ConversationFacts> base = new ArrayList<>();
    for (String t : new String[] {"coding", "food", "legal", "travel", "work"}) {
      base.addAll(users(t, 200, t));
    }
    List<ConversationFacts> plusOne = new ArrayList<>(base);
    for (String t : new String[] {"coding", "food", "legal", "travel", "work"}) {
      for (int i = 0; i < 50; i++) {
        plusOne.add(Facts.of("newcomer", t, "en", "2026-11-02"));  // 250 conversations in every cell
      }
    }
    InsightQuery q = new InsightQuery(List.of(Dimension.TOPIC), new BigDecimal("0.5"), InsightQuery.DEFAULT_DELTA, 50, 2, 3);
    PrivacyLedger l = ledger();
    Insights insights = Insights.over(() -> null, l, Clock.systemUTC());
    byte[] salt = Insights.newSalt();
    // The same noise draws on both sides (same seed, same cells): the difference is the exact change, which
    // contribution bounding keeps within 1 user and 3 conversations per cell, in at most 2 cells.
    Map<String, InsightsResult.Cell> a = byTopic(insights.release(base, q, l.status(), noise(3), salt));
    Map<String, InsightsResult.Cell> b = byTopic(insights.release(plusOne, q, l.status(), noise(3), salt));
    assertThat(a.keySet()).isEqualTo(b.keySet()).hasSize(5);
    int changed = 0;
    for (String t : a.keySet()) {
      long du = b.get(t).users() - a.get(t).users();
      long dc = b.get(t).conversations() - a.get(t).conversations();
      assertThat(du).isBetween(0L, 1L);
      assertThat(dc).isBetween(0L, 3L);
      changed += du != 0 ? 1 : 0;
    }
    assertThat(changed).isEqualTo(2);
  }

  @Test
  void theLedgerIsChargedBeforeTheStoreIsReadAndRefusesPastTheBudget() {
    AtomicInteger opened = new AtomicInteger();
    TrainingSource counting = () -> {
      opened.incrementAndGet();
      throw new IllegalStateException("store read");
    };
    PrivacyLedger small = PrivacyLedger.open(tmp.resolve("small.json"), Insights.CONVERSATIONS, new BigDecimal("0.25"),
        new BigDecimal("1e-6"), Clock.systemUTC());
    Insights insights = Insights.over(counting, small, Clock.systemUTC());
    InsightQuery q = InsightQuery.of(List.of(Dimension.LANGUAGE));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> insights.release(q)).hasMessage("store read");
    }
    assertThatThrownBy(() -> insights.release(q)).isInstanceOf(PrivacyLedger.BudgetExceededException.class);
    assertThat(opened.get()).isEqualTo(2);
    assertThat(small.status().spentRho()).isEqualByComparingTo("0.2");
  }

  @Test
  void overTheDemoStoreReleasesOnlyAggregatesOfMaskedText() throws Exception {
    Path ws = tmp.resolve("ws");
    DemoWorkspace.seed(ws);
    try (Database db = Database.sqlite(ws.resolve("lethe.db"), Clock.systemUTC())) {
      Insights insights = Insights.over(TrainingSource.of(db), ledger(), Clock.systemUTC());
      // The demo has a handful of users: with the default K nothing may be released.
      assertThat(insights.release(InsightQuery.of(List.of(Dimension.LANGUAGE))).cells()).isEmpty();

      List<ConversationFacts> facts = insights.facts();
      assertThat(facts).isNotEmpty();
      assertThat(facts).extracting(f -> f.values().get(Dimension.LANGUAGE).get(0)).contains("en");
      InsightQuery loose = new InsightQuery(List.of(Dimension.LANGUAGE), new BigDecimal("100"), new BigDecimal("0.4"), 1, 4, 5);
      InsightsResult r = insights.release(loose);
      assertThat(r.cells()).isNotEmpty();
      InsightsReport.write(r, tmp.resolve("out"));
      String json = Files.readString(tmp.resolve("out/insights.json"));
      String html = Files.readString(tmp.resolve("out/insights.html"));
      JsonNode root = InsightsReport.MAPPER.readTree(json);
      assertThat(root.at("/privacy/ledger/releases").asInt()).isEqualTo(2);
      assertThat(root.at("/cells/0/users/ci95").asLong()).isEqualTo(r.mechanism().ci95Users());
      assertThat(html).contains("<svg").contains("± " + r.mechanism().ci95Users());
      for (String raw : List.of("Maria", "Keller", "DE89", "maria.keller")) {
        assertThat(json).doesNotContain(raw);
        assertThat(html).doesNotContain(raw);
      }
      assertThat(json).doesNotContainPattern("usr_|\"user_id\"");
    }
  }

  private static Map<String, InsightsResult.Cell> byTopic(InsightsResult r) {
    return r.cells().stream().collect(Collectors.toMap(c -> c.key().get("topic"), c -> c));
  }
}
