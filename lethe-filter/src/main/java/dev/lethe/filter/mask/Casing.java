package dev.lethe.filter.mask;

import java.util.Locale;

/** The letter case of a word or text, to write a fake value in the case of the original. */
enum Casing {
  /** {@code ANA} */
  UPPER,
  /** {@code ana} */
  LOWER,
  /** {@code Ana}, {@code Ana ruiz}: first letter upper case, the others lower case. Applied, it upper-cases
   * the first letter and leaves the others as they are, since fakes come in their natural case
   * ({@code McDonald}, {@code New York}). */
  CAPITALIZED,
  /** Anything else ({@code McDonald}, {@code Tuesday, March 3}): the fake keeps its own case. */
  MIXED;

  static Casing of(String s) {
    boolean upper = false;
    boolean lower = false;
    boolean laterUpper = false;
    boolean firstLetter = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c)) {
        upper = true;
        laterUpper |= !firstLetter;
      } else if (Character.isLowerCase(c)) {
        lower = true;
      } else {
        continue;
      }
      firstLetter = false;
    }
    if (!upper && !lower) {
      return MIXED;
    }
    if (upper && !lower) {
      return s.codePoints().filter(Character::isLetter).count() > 1 ? UPPER : CAPITALIZED;
    }
    if (!upper) {
      return LOWER;
    }
    return laterUpper ? MIXED : CAPITALIZED;
  }

  String apply(String s) {
    return switch (this) {
      case UPPER -> s.toUpperCase(Locale.ROOT);
      case LOWER -> s.toLowerCase(Locale.ROOT);
      case CAPITALIZED -> capitalize(s);
      case MIXED -> s;
    };
  }

  private static String capitalize(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return s.substring(0, i) + Character.toUpperCase(s.charAt(i)) + s.substring(i + 1);
      }
    }
    return s;
  }
}
