package dev.lethe.filter.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Precision, recall and F1 with the counts behind them, rounded as {@code score.py} rounds: an empty
 * denominator counts as perfect (1.0), F1 of zero precision and recall is 0.
 */
public record Prf(double p, double r, double f1, long pred, long gold) {

  static Prf of(long tpPred, long nPred, long tpGold, long nGold) {
    double p = nPred == 0 ? 1.0 : (double) tpPred / nPred;
    double r = nGold == 0 ? 1.0 : (double) tpGold / nGold;
    double f = p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    return new Prf(round4(p), round4(r), round4(f), nPred, nGold);
  }

  /** Python's {@code round(x, 4)}: half-even on the exact binary value. */
  static double round4(double x) {
    return new BigDecimal(x).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
  }
}
