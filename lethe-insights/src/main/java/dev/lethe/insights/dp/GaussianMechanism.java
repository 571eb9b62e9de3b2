package dev.lethe.insights.dp;

import java.math.BigDecimal;

/**
 * The noise of one histogram release under zCDP: discrete Gaussian noise on user counts and on conversation
 * counts, and the threshold of partition selection.
 *
 * <p>With each user in at most {@code L0} cells, adding 1 to each user count and at most {@code R} to each
 * conversation count, the L2 sensitivities are {@code sqrt(L0)} and {@code R sqrt(L0)}. A discrete Gaussian of
 * variance parameter {@code sigma²} on a query of L2 sensitivity {@code D} is {@code D²/(2 sigma²)}-zCDP (Canonne,
 * Kamath, Steinke 2020, Theorem 14), so spending {@code rho/2} on each count gives {@code sigma² = L0/rho} and
 * {@code L0 R²/rho}, exactly, as rationals.
 *
 * <p>Partition selection: a cell is released only if its exact user count is at least K and its noisy one at
 * least {@code K + m}, with {@code m = ceil(sigma sqrt(2 ln(L0/delta)))}. The discrete Gaussian is
 * sigma²-subgaussian, so {@code P[noise >= m] <= exp(-m²/(2 sigma²)) <= delta/L0}: a cell whose presence one
 * user decides (exact count K, or K-1 without them) shows with probability at most delta/L0, at most delta over
 * that user's L0 cells. Cells with fewer than K users are never released.
 *
 * @param sigma2Users          variance parameter of the user-count noise
 * @param sigma2Conversations  variance parameter of the conversation-count noise
 * @param threshold            the noisy user count a cell needs, {@code K + m}
 * @param ci95Users            half-width of the central 95% interval of the user-count noise
 * @param ci95Conversations    the same for the conversation-count noise
 */
public record GaussianMechanism(Rational sigma2Users, Rational sigma2Conversations, long threshold, long ci95Users,
    long ci95Conversations) {

  public static GaussianMechanism of(BigDecimal rho, BigDecimal delta, int k, int maxPartitions, int maxRowsPerCell) {
    Rational r = Rational.parse(rho.toPlainString());
    Rational l0 = Rational.of(maxPartitions, 1);
    Rational users = l0.dividedBy(r);
    Rational conversations = users.times(Rational.of((long) maxRowsPerCell * maxRowsPerCell, 1));
    double m = Math.ceil(Math.sqrt(users.toDouble() * 2 * Math.log(maxPartitions / delta.doubleValue())));
    return new GaussianMechanism(users, conversations, k + (long) m, halfWidth95(users.toDouble()), halfWidth95(conversations.toDouble()));
  }

  public double sigmaUsers() {
    return Math.sqrt(sigma2Users.toDouble());
  }

  public double sigmaConversations() {
    return Math.sqrt(sigma2Conversations.toDouble());
  }

  /** The smallest w with P[|X| <= w] >= 0.95 for the discrete Gaussian of variance parameter {@code s2}. */
  static long halfWidth95(double s2) {
    long reach = (long) Math.ceil(12 * Math.sqrt(s2)) + 10;
    double z = 0;
    for (long x = -reach; x <= reach; x++) {
      z += Math.exp(-(double) x * x / (2 * s2));
    }
    double mass = 1 / z;  // P[0]
    long w = 0;
    while (mass < 0.95) {
      w++;
      mass += 2 * Math.exp(-(double) w * w / (2 * s2)) / z;
    }
    return w;
  }

  /** Sanity: {@code rho} recomputed from the noise, {@code L0/(2 sigma²u) + L0 R²/(2 sigma²c)}, as a rational. */
  public Rational rho(int maxPartitions, int maxRowsPerCell) {
    Rational l0 = Rational.of(maxPartitions, 1);
    Rational half = Rational.of(1, 2);
    Rational a = l0.times(half).dividedBy(sigma2Users);
    Rational b = l0.times(Rational.of((long) maxRowsPerCell * maxRowsPerCell, 1)).times(half).dividedBy(sigma2Conversations);
    return a.plus(b);
  }
}
