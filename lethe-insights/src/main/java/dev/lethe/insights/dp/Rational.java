package dev.lethe.insights.dp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A positive rational number {@code num/den} in lowest terms: the exact form in which noise scales and
 * privacy parameters reach the samplers, so no parameter is ever rounded to a double on the way.
 */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
  public Rational {
    Objects.requireNonNull(num, "num");
    Objects.requireNonNull(den, "den");
    if (num.signum() <= 0 || den.signum() <= 0) {
      throw new IllegalArgumentException("a positive rational is needed, got " + num + "/" + den);
    }
    BigInteger g = num.gcd(den);
    num = num.divide(g);
    den = den.divide(g);
  }

  public static Rational of(long num, long den) {
    return new Rational(BigInteger.valueOf(num), BigInteger.valueOf(den));
  }

  /** The exact value of a decimal such as {@code "0.05"} or {@code "1e-6"}. */
  public static Rational parse(String decimal) {
    BigDecimal d;
    try {
      d = new BigDecimal(decimal.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a decimal number: '" + decimal + "'");
    }
    if (d.signum() <= 0) {
      throw new IllegalArgumentException("must be positive: " + decimal);
    }
    BigInteger unscaled = d.unscaledValue();
    int scale = d.scale();
    return scale >= 0 ? new Rational(unscaled, BigInteger.TEN.pow(scale))
        : new Rational(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
  }

  public Rational plus(Rational o) {
    return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  public Rational times(Rational o) {
    return new Rational(num.multiply(o.num), den.multiply(o.den));
  }

  public Rational dividedBy(Rational o) {
    return new Rational(num.multiply(o.den), den.multiply(o.num));
  }

  public double toDouble() {
    return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
  }

  @Override
  public int compareTo(Rational o) {
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  @Override
  public String toString() {
    return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
  }
}
