package dev.lethe.insights.dp;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Exact samplers of the discrete Laplace and discrete Gaussian distributions over the integers, after
 * Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential Privacy" (NeurIPS 2020), Algorithms 1-3.
 *
 * <p>Written by hand because no Java library served to this project samples them exactly: floating-point
 * noise (Apache Commons Math, Google's differential-privacy Java library) leaks through the gaps and rounding
 * of doubles (Mironov 2012, "On significance of the least significant bits"). Here every step is a
 * comparison of uniformly random integers with rational parameters held as {@link BigInteger}s; randomness
 * comes only from uniform integers drawn by rejection from {@link SecureRandom} bits, so the output follows
 * the target distribution exactly. Expected cost is a small constant number of uniform draws per sample.
 *
 * <p>Not thread-safe (one {@link SecureRandom} per instance is fine to share, but draw from one thread).
 */
public final class DiscreteNoise {
  private static final BigInteger TWO = BigInteger.TWO;
  private final SecureRandom random;

  public DiscreteNoise(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Noise from a fresh, self-seeded {@link SecureRandom}: what production uses. */
  public static DiscreteNoise secure() {
    return new DiscreteNoise(new SecureRandom());
  }

  /** A uniform integer in [0, n), by rejection of {@code bitLength(n)} random bits: exact, no modulo bias. */
  BigInteger uniform(BigInteger n) {
    if (n.signum() <= 0) {
      throw new IllegalArgumentException("uniform bound must be positive: " + n);
    }
    int bits = n.bitLength();
    BigInteger r;
    do {
      r = new BigInteger(bits, random);
    } while (r.compareTo(n) >= 0);
    return r;
  }

  /** True with probability exactly {@code n/d}, for {@code 0 <= n <= d}, {@code d > 0}. */
  boolean bernoulli(BigInteger n, BigInteger d) {
    return uniform(d).compareTo(n) < 0;
  }

  /** True with probability exactly {@code exp(-n/d)}, for {@code n >= 0}, {@code d > 0} (CKS Algorithm 1). */
  boolean bernoulliExp(BigInteger n, BigInteger d) {
    if (n.signum() < 0 || d.signum() <= 0) {
      throw new IllegalArgumentException("exp(-n/d) needs n >= 0 and d > 0: " + n + "/" + d);
    }
    if (n.compareTo(d) <= 0) {
      // gamma in [0, 1]: K is the first index where Bernoulli(gamma/K) fails; P[K odd] = exp(-gamma).
      BigInteger k = BigInteger.ONE;
      while (bernoulli(n, d.multiply(k))) {
        k = k.add(BigInteger.ONE);
      }
      return k.testBit(0);
    }
    BigInteger whole = n.divide(d);
    for (BigInteger i = BigInteger.ZERO; i.compareTo(whole) < 0; i = i.add(BigInteger.ONE)) {
      if (!bernoulliExp(BigInteger.ONE, BigInteger.ONE)) {
        return false;
      }
    }
    return bernoulliExp(n.mod(d), d);
  }

  /**
   * A discrete Laplace sample with scale {@code scale = num/den}: {@code P[x] ∝ exp(-|x| / scale)} over all
   * integers (CKS Algorithm 2 with t = num, s = den).
   */
  public long laplace(Rational scale) {
    BigInteger t = scale.num();
    BigInteger s = scale.den();
    while (true) {
      BigInteger u = uniform(t);
      if (!bernoulliExp(u, t)) {
        continue;
      }
      BigInteger v = BigInteger.ZERO;
      while (bernoulliExp(BigInteger.ONE, BigInteger.ONE)) {
        v = v.add(BigInteger.ONE);
      }
      BigInteger y = u.add(t.multiply(v)).divide(s);
      boolean negative = random.nextBoolean();
      if (negative && y.signum() == 0) {
        continue;
      }
      return negative ? -y.longValueExact() : y.longValueExact();
    }
  }

  /**
   * A discrete Gaussian sample with variance parameter {@code sigma2 = a/b}: {@code P[x] ∝ exp(-x² / (2 sigma2))}
   * over all integers (CKS Algorithm 3: discrete Laplace proposals with scale floor(sigma)+1, accepted with
   * probability exp(-(|y| - sigma2/t)² / (2 sigma2))).
   */
  public long gaussian(Rational sigma2) {
    BigInteger a = sigma2.num();
    BigInteger b = sigma2.den();
    BigInteger t = a.divide(b).sqrt().add(BigInteger.ONE); // floor(sqrt(a/b)) == floor(sqrt(floor(a/b)))
    Rational proposal = new Rational(t, BigInteger.ONE);
    // gamma = (|y| - a/(b t))² / (2 a/b) = (|y| b t - a)² / (2 a b t²)
    BigInteger gammaDen = TWO.multiply(a).multiply(b).multiply(t).multiply(t);
    BigInteger bt = b.multiply(t);
    while (true) {
      long y = laplace(proposal);
      BigInteger diff = BigInteger.valueOf(Math.abs(y)).multiply(bt).subtract(a);
      if (bernoulliExp(diff.multiply(diff), gammaDen)) {
        return y;
      }
    }
  }
}
