package dev.lethe.filter.mask;

import java.util.Random;

/**
 * Random characters of the same kind: letters for letters in the same case, digits for digits. Everything
 * else (separators, punctuation) is kept, so {@code AB-1234-x} becomes e.g. {@code QK-8071-m}.
 */
final class Shape {
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String HEX = "0123456789abcdef";

  private Shape() {}

  static String of(String s, Random random) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      b.append(replace(s.charAt(i), random));
    }
    return b.toString();
  }

  /** A random character of the kind of {@code c}, or {@code c} itself when it is no letter or digit. */
  static char replace(char c, Random random) {
    if (c >= '0' && c <= '9' || Character.isDigit(c)) {
      return digit(random);
    }
    if (Character.isUpperCase(c)) {
      return UPPER.charAt(random.nextInt(26));
    }
    if (Character.isLetter(c)) {
      return LOWER.charAt(random.nextInt(26));
    }
    return c;
  }

  static char digit(Random random) {
    return (char) ('0' + random.nextInt(10));
  }

  static char upper(Random random) {
    return UPPER.charAt(random.nextInt(26));
  }

  static char hex(Random random, boolean upperCase) {
    char c = HEX.charAt(random.nextInt(16));
    return upperCase ? Character.toUpperCase(c) : c;
  }

  /** {@code n} random digits, the first one not 0 when {@code nonZeroFirst}. */
  static String digits(int n, boolean nonZeroFirst, Random random) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(i == 0 && nonZeroFirst ? (char) ('1' + random.nextInt(9)) : digit(random));
    }
    return b.toString();
  }
}
