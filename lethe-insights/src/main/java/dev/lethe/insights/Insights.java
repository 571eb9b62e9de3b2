package dev.lethe.insights;

import dev.lethe.filter.PrivacyFilter;
import dev.lethe.insights.dp.DiscreteNoise;
import dev.lethe.insights.dp.GaussianMechanism;
import dev.lethe.insights.dp.PrivacyLedger;
import dev.lethe.platform.training.SuppressionEntry;
import dev.lethe.platform.training.TrainingSource;
import dev.lethe.platform.training.TrainingView;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Usage insights over eligible conversations, released only in aggregate: contribution bounding, a K-user
 * minimum with DP partition selection, discrete Gaussian noise, and a charge to the dataset's privacy ledger
 * before any noisy value exists (docs/insights.md).
 *
 * <pre>{@code
 * Insights insights = Insights.over(TrainingSource.of(db), ledger, Clock.systemUTC());
 * InsightsResult r = insights.release(InsightQuery.of(List.of(Dimension.TOPIC, Dimension.LANGUAGE)));
 * }</pre>
 *
 * Thread-safe: each release reads its own store view; the ledger serialises charges.
 */
public final class Insights {
  /** The dataset name of the store's eligible conversations in the ledger. */
  public static final String CONVERSATIONS = "eligible-conversations";
  /** The ledger's file in a workspace, shared by {@code lethe insights} and the operator route. */
  public static final String LEDGER_FILE = "insights-ledger.json";

  private final TrainingSource source;
  private final PrivacyLedger ledger;
  private final Clock clock;
  private final Topics topics = Topics.bundled();

  private Insights(TrainingSource source, PrivacyLedger ledger, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = clock;
  }

  public static Insights over(TrainingSource source, PrivacyLedger ledger, Clock clock) {
    return new Insights(source, ledger, clock);
  }

  public PrivacyLedger ledger() {
    return ledger;
  }

  /**
   * Charges the ledger for {@code q} (throws {@link PrivacyLedger.BudgetExceededException} and reads nothing when
   * the budget is spent), then reads the eligible conversations, masks them, and releases the histogram.
   */
  public InsightsResult release(InsightQuery q) {
    PrivacyLedger.Status after = ledger.charge(q.describe(), q.rho(), q.delta());
    return release(facts(), q, after, DiscreteNoise.secure(), newSalt());
  }

  /** The facts of every eligible conversation, from one consistent view, masked with the suppression list in force. */
  List<ConversationFacts> facts() {
    try (TrainingView view = source.open()) {
      List<String> suppressed;
      try (Stream<SuppressionEntry> s = view.suppressionList()) {
        suppressed = s.map(SuppressionEntry::text).toList();
      }
      PrivacyFilter filter = PrivacyFilter.builder().suppress(suppressed).build();
      try (var conversations = view.conversations()) {
        return conversations.map(c -> ConversationFacts.of(c, filter, topics)).toList();
      }
    }
  }

  /** The release itself, after the charge: bounding, selection and noise. Package-visible for tests. */
  InsightsResult release(List<ConversationFacts> facts, InsightQuery q, PrivacyLedger.Status charged, DiscreteNoise noise,
      byte[] salt) {
    GaussianMechanism mech = GaussianMechanism.of(q.rho(), q.delta(), q.k(), q.maxPartitions(), q.maxRowsPerCell());
    List<InsightsResult.Cell> cells = new ArrayList<>();
    Aggregation.bounded(facts, q, salt).forEach((key, exact) -> {
      // Draw for every cell, released or not, so the number of draws tells nothing.
      long users = exact.users() + noise.gaussian(mech.sigma2Users());
      long conversations = exact.conversations() + noise.gaussian(mech.sigma2Conversations());
      if (exact.users() >= q.k() && users >= mech.threshold()) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
          named.put(q.dimensions().get(i).id(), key.get(i));
        }
        cells.add(new InsightsResult.Cell(named, users, Math.max(0, conversations)));
      }
    });
    return new InsightsResult(CONVERSATIONS, clock.instant().toString(), q, mech, charged, cells);
  }

  static byte[] newSalt() {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    return salt;
  }
}
