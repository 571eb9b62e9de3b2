package dev.lethe.insights.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.function.LongSupplier;
import java.util.function.LongToDoubleFunction;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/**
 * The samplers follow their target pmf: chi-square goodness of fit over the integers (tails pooled), with a seeded
 * SHA1PRNG so each run draws the same samples; and the same test rejects a pmf whose scale is 15% off, so it has
 * the power to catch a wrong sampler.
 */
class DiscreteNoiseTest {
  static final int N = 40_000;

  static DiscreteNoise seeded(long seed) throws Exception {
    SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
    r.setSeed(seed);
    return new DiscreteNoise(r);
  }

  static double laplacePmf(double scale, long x) {
    return Math.tanh(1 / (2 * scale)) * Math.exp(-Math.abs(x) / scale);
  }

  static LongToDoubleFunction gaussianPmf(double sigma2) {
    double z = 0;
    for (long x = -2000; x <= 2000; x++) {
      z += Math.exp(-x * (double) x / (2 * sigma2));
    }
    double norm = z;
    return x -> Math.exp(-x * (double) x / (2 * sigma2)) / norm;
  }

  /** p-value of the samples against the pmf; cells with expected count under 5 are pooled into the two tails. */
  static double pValue(LongSupplier sampler, LongToDoubleFunction pmf, int n) {
    long[] raw = new long[n];
    for (int i = 0; i < n; i++) {
      raw[i] = sampler.getAsLong();
    }
    long lo = 0;
    while (pmf.applyAsDouble(lo - 1) * n >= 5) {
      lo--;
    }
    long hi = 0;
    while (pmf.applyAsDouble(hi + 1) * n >= 5) {
      hi++;
    }
    int cells = (int) (hi - lo + 3);
    long[] observed = new long[cells];
    double[] expected = new double[cells];
    for (long v : raw) {
      observed[v < lo ? 0 : v > hi ? cells - 1 : (int) (v - lo + 1)]++;
    }
    double inner = 0;
    for (long x = lo; x <= hi; x++) {
      expected[(int) (x - lo + 1)] = pmf.applyAsDouble(x) * n;
      inner += pmf.applyAsDouble(x);
    }
    double tails = 1 - inner;
    expected[0] = tails / 2 * n;   // both pmfs are symmetric
    expected[cells - 1] = tails / 2 * n;
    return new ChiSquareTest().chiSquareTest(expected, observed);
  }

  @Test
  void bernoulliExpMatchesExpOfMinusGamma() throws Exception {
    DiscreteNoise noise = seeded(1);
    for (long[] g : new long[][] {{0, 1}, {1, 3}, {1, 1}, {7, 2}}) {
      int hits = 0;
      for (int i = 0; i < N; i++) {
        hits += noise.bernoulliExp(BigInteger.valueOf(g[0]), BigInteger.valueOf(g[1])) ? 1 : 0;
      }
      double p = Math.exp(-(double) g[0] / g[1]);
      double se = Math.sqrt(p * (1 - p) / N);
      assertThat((double) hits / N).as("exp(-%d/%d)", g[0], g[1]).isCloseTo(p, org.assertj.core.data.Offset.offset(5 * se + 1e-9));
    }
  }

  @Test
  void discreteLaplaceMatchesItsPmf() throws Exception {
    for (String scale : new String[] {"0.5", "3", "7/2"}) {
      Rational s = scale.contains("/") ? Rational.of(7, 2) : Rational.parse(scale);
      DiscreteNoise noise = seeded(scale.hashCode());
      double p = pValue(() -> noise.laplace(s), x -> laplacePmf(s.toDouble(), x), N);
      assertThat(p).as("scale %s", scale).isGreaterThan(0.001);
    }
  }

  @Test
  void discreteGaussianMatchesItsPmf() throws Exception {
    for (Rational sigma2 : new Rational[] {Rational.of(1, 2), Rational.of(4, 1), Rational.of(50, 3)}) {
      DiscreteNoise noise = seeded(sigma2.hashCode());
      double p = pValue(() -> noise.gaussian(sigma2), gaussianPmf(sigma2.toDouble()), N);
      assertThat(p).as("sigma² %s", sigma2).isGreaterThan(0.001);
    }
  }

  @Test
  void theTestRejectsAWrongScale() throws Exception {
    DiscreteNoise noise = seeded(99);
    Rational sigma2 = Rational.of(16, 1);
    assertThat(pValue(() -> noise.gaussian(sigma2), gaussianPmf(16 * 1.15 * 1.15), N)).isLessThan(1e-6);
    Rational scale = Rational.of(4, 1);
    assertThat(pValue(() -> noise.laplace(scale), x -> laplacePmf(4 * 1.15, x), N)).isLessThan(1e-6);
  }

  @Test
  void rationalsParseExactly() {
    assertThat(Rational.parse("0.05")).isEqualTo(Rational.of(1, 20));
    assertThat(Rational.parse("1e-6")).isEqualTo(Rational.of(1, 1_000_000));
    assertThat(Rational.parse("2.50")).isEqualTo(Rational.of(5, 2));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rational.parse("-1")).hasMessageContaining("positive");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rational.parse("abc")).hasMessageContaining("'abc'");
  }
}
