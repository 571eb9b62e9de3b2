package dev.lethe.train.synth;

import java.util.List;
import java.util.Random;

/** Small conveniences over one {@link Random}; every random choice of a document goes through it. */
final class Rng {
  private final Random random;

  Rng(Random random) {
    this.random = random;
  }

  Random random() {
    return random;
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Uniform in [lo, hi], both inclusive. */
  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  @SafeVarargs
  final <T> T oneOf(T... items) {
    return items[random.nextInt(items.length)];
  }

  /** Picks index i with probability weights[i] / sum(weights). */
  int weighted(double... weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double x = random.nextDouble() * sum;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  String digits(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    return sb.toString();
  }

  /** Replaces {@code #} by a digit, {@code ?} by an upper-case letter, {@code *} by either. */
  String pattern(String pattern) {
    StringBuilder sb = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '#' -> sb.append((char) ('0' + random.nextInt(10)));
        case '?' -> sb.append((char) ('A' + random.nextInt(26)));
        case '*' -> sb.append(ALNUM.charAt(random.nextInt(36)));
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** {@code n} characters drawn from {@code alphabet}. */
  String from(String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final String HEX = "0123456789abcdef";
}
