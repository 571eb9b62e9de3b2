package dev.lethe.insights;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One release: a histogram of distinct users and of conversations over the combined values of
 * {@code dimensions}, with its privacy parameters.
 *
 * @param dimensions       one to three dimensions; several make a breakdown (topic x language)
 * @param rho              the zCDP cost of this release, half for the user counts and half for the conversation counts
 * @param delta            the probability that partition selection lets through a cell that only one user's data
 *                         decides; spread over the {@code maxPartitions} cells a user can touch
 * @param k                minimum distinct users behind a released cell (before noise); default 50
 * @param maxPartitions    cells one user contributes to at most; a user with more keeps a random subset
 * @param maxRowsPerCell   conversations one user contributes to one cell at most
 */
public record InsightQuery(List<Dimension> dimensions, BigDecimal rho, BigDecimal delta, int k, int maxPartitions,
    int maxRowsPerCell) {
  public static final int DEFAULT_K = 50;
  public static final BigDecimal DEFAULT_RHO = new BigDecimal("0.1");
  public static final BigDecimal DEFAULT_DELTA = new BigDecimal("1e-8");

  public InsightQuery {
    dimensions = List.copyOf(dimensions);
    if (dimensions.isEmpty() || dimensions.size() > 3 || dimensions.stream().distinct().count() != dimensions.size()) {
      throw new IllegalArgumentException("dimensions: one to three distinct dimensions, got " + dimensions);
    }
    if (rho == null || rho.signum() <= 0) {
      throw new IllegalArgumentException("rho must be positive, got " + rho);
    }
    if (delta == null || delta.signum() <= 0 || delta.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    if (maxPartitions < 1 || maxPartitions > 1000) {
      throw new IllegalArgumentException("max partitions per user must be in 1..1000, got " + maxPartitions);
    }
    if (maxRowsPerCell < 1 || maxRowsPerCell > 1000) {
      throw new IllegalArgumentException("max conversations per user and cell must be in 1..1000, got " + maxRowsPerCell);
    }
  }

  /** A query over {@code dimensions} with the defaults: rho 0.1, delta 1e-8, K 50, 4 cells and 5 conversations per user. */
  public static InsightQuery of(List<Dimension> dimensions) {
    return new InsightQuery(dimensions, DEFAULT_RHO, DEFAULT_DELTA, DEFAULT_K, 4, 5);
  }

  /** The parameters as the ledger records them (no data). */
  public String describe() {
    return "by " + dimensions.stream().map(Dimension::id).collect(Collectors.joining("+")) + ", rho " + rho.toPlainString()
        + ", delta " + delta.toPlainString() + ", k " + k + ", max " + maxPartitions + " cells and " + maxRowsPerCell
        + " conversations per user";
  }
}
