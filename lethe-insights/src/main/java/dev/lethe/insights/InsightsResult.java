package dev.lethe.insights;

import dev.lethe.insights.dp.GaussianMechanism;
import dev.lethe.insights.dp.PrivacyLedger;
import java.util.List;
import java.util.Map;

/**
 * A released histogram: only cells that passed the K-user minimum and partition selection, with noisy counts.
 * Nothing here is exact: the number of cells withheld, the exact counts and the users are not part of it.
 *
 * @param dataset    the ledger's dataset
 * @param releasedAt when the release was made (ISO instant)
 * @param query      the query
 * @param mechanism  noise scales, the selection threshold and 95% intervals of the noise
 * @param ledger     the budget after this release was charged
 * @param cells      released cells, in key order
 */
public record InsightsResult(String dataset, String releasedAt, InsightQuery query, GaussianMechanism mechanism,
    PrivacyLedger.Status ledger, List<Cell> cells) {
  public InsightsResult {
    cells = List.copyOf(cells);
  }

  /**
   * One released cell.
   *
   * @param key           dimension id to value, in the query's order
   * @param users         noisy distinct users (at least the selection threshold)
   * @param conversations noisy conversations (bounded per user), clamped at 0
   */
  public record Cell(Map<String, String> key, long users, long conversations) {}
}
