package dev.lethe.filter.mask;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fake user names in the shape of the original, for email local parts, @handles and profile URLs: each run
 * of letters becomes a fake name in the same case (the first a given name, later ones family names; camel
 * case splits runs), each run of digits as many random digits, and separators stay: {@code ana.ruiz84}
 * becomes e.g. {@code lena.hart27}, {@code AnaRuiz_dev} {@code LenaHart_Mills}.
 */
final class Handles {
  private static final Pattern RUN = Pattern.compile("\\p{Lu}?\\p{Ll}+|\\p{Lu}+(?!\\p{Ll})|\\p{L}+|\\p{Nd}+");

  private Handles() {}

  static String fake(String original, Random random) {
    StringBuilder out = new StringBuilder(original.length() + 8);
    Matcher m = RUN.matcher(original);
    int at = 0;
    boolean first = true;
    while (m.find()) {
      out.append(original, at, m.start());
      String run = m.group();
      if (Character.isDigit(run.charAt(0))) {
        out.append(Shape.digits(run.length(), false, random));
      } else if (run.codePointCount(0, run.length()) == 1) {
        char c = Shape.upper(random);
        out.append(Character.isUpperCase(run.codePointAt(0)) ? c : Character.toLowerCase(c));
        first = false;
      } else {
        out.append(Casing.of(run).apply(Fakers.asciiName(random, !first)));
        first = false;
      }
      at = m.end();
    }
    return out.append(original, at, original.length()).toString();
  }
}
