package dev.lethe.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Contribution bounding: what one user can change, and distinct users under duplicates. */
class AggregationTest {
  static final byte[] SALT = "fixed salt for the tests, 32 byte".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final String[] TOPICS = {"coding", "writing", "work", "health", "food", "travel", "finance", "legal"};
  static final String[] LANGS = {"en", "de", "fr"};

  static List<ConversationFacts> population(long seed, int users) {
    Random r = new Random(seed);
    List<ConversationFacts> out = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int n = 1 + r.nextInt(6);
      for (int i = 0; i < n; i++) {
        out.add(Facts.of("user-" + u, TOPICS[r.nextInt(TOPICS.length)], LANGS[r.nextInt(LANGS.length)],
            "2026-11-0" + (1 + r.nextInt(7)), r.nextBoolean() ? "code" : "plain", "multi_turn"));
      }
    }
    return out;
  }

  /** A heavy user: hundreds of conversations across every topic, language and feature. */
  static List<ConversationFacts> heavy(String user) {
    List<ConversationFacts> out = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      out.add(Facts.of(user, TOPICS[i % TOPICS.length], LANGS[i % LANGS.length], "2026-11-0" + (1 + i % 7),
          "code", "tool_use", "system_prompt", "multi_turn"));
    }
    return out;
  }

  @Test
  void addingOrRemovingOneUserMovesEachCellWithinTheBounds() {
    List<ConversationFacts> base = population(7, 300);
    for (List<Dimension> dims : List.of(List.of(Dimension.TOPIC), List.of(Dimension.TOPIC, Dimension.LANGUAGE),
        List.of(Dimension.FEATURE), List.of(Dimension.DAY, Dimension.FEATURE))) {
      for (int[] bounds : new int[][] {{1, 1}, {4, 5}, {10, 2}}) {
        InsightQuery q = new InsightQuery(dims, InsightQuery.DEFAULT_RHO, InsightQuery.DEFAULT_DELTA, 50, bounds[0], bounds[1]);
        TreeMap<List<String>, Aggregation.Cell> without = Aggregation.bounded(base, q, SALT);
        // Add a new heavy user; and remove an existing user (user-3) with all their data.
        List<ConversationFacts> added = new ArrayList<>(base);
        added.addAll(heavy("heavy"));
        List<ConversationFacts> removed = base.stream().filter(f -> !f.userId().equals("user-3")).toList();
        for (TreeMap<List<String>, Aggregation.Cell> neighbour : List.of(Aggregation.bounded(added, q, SALT),
            Aggregation.bounded(removed, q, SALT))) {
          Set<List<String>> keys = new HashSet<>(without.keySet());
          keys.addAll(neighbour.keySet());
          int changed = 0;
          for (List<String> k : keys) {
            Aggregation.Cell a = without.getOrDefault(k, new Aggregation.Cell(0, 0));
            Aggregation.Cell b = neighbour.getOrDefault(k, new Aggregation.Cell(0, 0));
            long du = Math.abs(a.users() - b.users());
            long dc = Math.abs(a.conversations() - b.conversations());
            assertThat(du).as("%s users", k).isLessThanOrEqualTo(1);
            assertThat(dc).as("%s conversations", k).isLessThanOrEqualTo(bounds[1]);
            changed += du + dc > 0 ? 1 : 0;
          }
          assertThat(changed).as("%s cells changed with bounds %d/%d", dims, bounds[0], bounds[1]).isLessThanOrEqualTo(bounds[0]);
        }
        // Bounding is per user and independent of the others: every other user's cells are unchanged.
        assertThat(Aggregation.bounded(added, q, SALT).keySet()).containsAll(without.keySet());
      }
    }
  }

  @Test
  void theHeavyUserReallyHitsTheBounds() {
    InsightQuery q = new InsightQuery(List.of(Dimension.TOPIC), InsightQuery.DEFAULT_RHO, InsightQuery.DEFAULT_DELTA, 50, 3, 5);
    TreeMap<List<String>, Aggregation.Cell> cells = Aggregation.bounded(heavy("h"), q, SALT);
    assertThat(cells).hasSize(3);
    assertThat(cells.values()).allSatisfy(c -> {
      assertThat(c.users()).isEqualTo(1);
      assertThat(c.conversations()).isEqualTo(5);
    });
    // Another salt picks another subset (the choice is random per release), of the same size.
    byte[] other = SALT.clone();
    other[0] ^= 1;
    Set<List<String>> seen = new HashSet<>(cells.keySet());
    for (int i = 0; i < 20; i++) {
      other[1] = (byte) i;
      seen.addAll(Aggregation.bounded(heavy("h"), q, other).keySet());
    }
    assertThat(seen.size()).isGreaterThan(3);
  }

  @Test
  void duplicatesCountOneDistinctUser() {
    List<ConversationFacts> facts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      facts.add(Facts.of("same-user", "coding", "en", "2026-11-02"));   // the same conversation, 30 times
    }
    facts.add(Facts.of("other", "coding", "en", "2026-11-02"));
    InsightQuery q = new InsightQuery(List.of(Dimension.TOPIC), InsightQuery.DEFAULT_RHO, InsightQuery.DEFAULT_DELTA, 50, 4, 5);
    Map<List<String>, Aggregation.Cell> cells = Aggregation.bounded(facts, q, SALT);
    assertThat(cells).containsExactly(Map.entry(List.of("coding"), new Aggregation.Cell(2, 6)));
  }

  @Test
  void aConversationWithSeveralFeaturesCountsInEachFeatureCell() {
    InsightQuery q = new InsightQuery(List.of(Dimension.LANGUAGE, Dimension.FEATURE), InsightQuery.DEFAULT_RHO,
        InsightQuery.DEFAULT_DELTA, 50, 4, 5);
    Map<List<String>, Aggregation.Cell> cells = Aggregation.bounded(List.of(Facts.of("u", "coding", "de", "2026-11-02", "code",
        "tool_use")), q, SALT);
    assertThat(cells.keySet()).containsExactly(List.of("de", "code"), List.of("de", "tool_use"));
  }
}
