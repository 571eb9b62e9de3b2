package dev.lethe.filter.mask;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fake account numbers that pass the same checks as the original, laid out like it (same grouping and
 * separators, digit for digit):
 * <ul>
 *   <li>payment card numbers (12 to 19 digits passing Luhn): a number of the same issuer family (Visa,
 *       Mastercard, Amex, ...; the first digit for an unknown issuer) and length, with a valid Luhn digit;
 *   <li>IBANs (valid mod-97 checksum): the same country and length, each BBAN position a random character of
 *       its kind (letter or digit), new check digits;
 *   <li>US Social Security numbers ({@code 078-05-1120}, or 9 digits with subtype {@code us_ssn}): area 001-899
 *       but not 666, group 01-99, serial 0001-9999, as the SSA issues them;
 *   <li>anything else (customer, policy, passport numbers): a leading letter code with its separator kept
 *       ({@code CUS-}, {@code MRN:}), every other letter and digit random of its kind.
 * </ul>
 */
final class AccountSurrogate implements Surrogate {
  private static final Pattern CARD = Pattern.compile("\\d[\\d -]{10,}\\d");
  private static final Pattern IBAN = Pattern.compile("[A-Za-z]{2}\\d{2}[A-Za-z0-9]{11,30}");
  private static final Pattern SSN = Pattern.compile("\\d{3}([- ])\\d{2}\\1\\d{4}");
  private static final Pattern CODE_PREFIX = Pattern.compile("^[A-Za-z]{2,5}[-_#:/]");

  /** Card issuer families by number prefix ranges (IIN), as the card networks publish them. */
  enum Issuer {
    VISA(r(4, 4)),
    MASTERCARD(r(51, 55), r(2221, 2720)),
    AMEX(r(34, 34), r(37, 37)),
    DISCOVER(r(6011, 6011), r(644, 649), r(65, 65)),
    DINERS(r(300, 305), r(3095, 3095), r(36, 36), r(38, 39)),
    JCB(r(3528, 3589)),
    UNIONPAY(r(62, 62)),
    MAESTRO(r(50, 50), r(56, 58), r(6304, 6304), r(6759, 6759), r(6761, 6763)),
    MIR(r(2200, 2204));

    private final List<int[]> ranges;

    Issuer(int[]... ranges) {
      this.ranges = List.of(ranges);
    }

    private static int[] r(int from, int to) {
      return new int[] {from, to};
    }

    /** The issuer of a card number (digits only), or {@code null}. */
    static Issuer of(String digits) {
      for (Issuer issuer : values()) {
        for (int[] range : issuer.ranges) {
          int width = Integer.toString(range[0]).length();
          if (digits.length() >= width) {
            int prefix = Integer.parseInt(digits.substring(0, width));
            if (prefix >= range[0] && prefix <= range[1]) {
              return issuer;
            }
          }
        }
      }
      return null;
    }

    String randomPrefix(Random random) {
      int[] range = ranges.get(random.nextInt(ranges.size()));
      return Integer.toString(range[0] + random.nextInt(range[1] - range[0] + 1));
    }
  }

  @Override
  public String fake(String original, String subtype, Random random) {
    String compact = original.replaceAll("[\\s-]", "");
    if (IBAN.matcher(compact).matches() && ibanValid(compact)) {
      return layout(original, iban(compact.toUpperCase(Locale.ROOT), random));
    }
    if (SSN.matcher(original).matches() || "us_ssn".equals(subtype) && compact.matches("\\d{9}")) {
      return layout(original, ssn(random));
    }
    if (CARD.matcher(original).matches() && compact.length() >= 12 && compact.length() <= 19
        && luhnValid(compact)) {
      return layout(original, card(compact, random));
    }
    Matcher code = CODE_PREFIX.matcher(original);
    int keep = code.find() ? code.end() : 0;
    return original.substring(0, keep) + Shape.of(original.substring(keep), random);
  }

  static boolean luhnValid(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  static boolean ibanValid(String iban) {
    return ibanRemainder(iban.substring(4) + iban.substring(0, 4)) == 1;
  }

  /** The remainder mod 97 of the number that letters-as-numbers (A = 10 ... Z = 35) make of {@code s}. */
  private static int ibanRemainder(String s) {
    StringBuilder n = new StringBuilder(s.length() * 2);
    for (int i = 0; i < s.length(); i++) {
      n.append(Character.digit(s.charAt(i), 36));
    }
    return new BigInteger(n.toString()).mod(BigInteger.valueOf(97)).intValue();
  }

  private static String card(String digits, Random random) {
    Issuer issuer = Issuer.of(digits);
    String prefix = issuer != null ? issuer.randomPrefix(random) : digits.substring(0, 1);
    StringBuilder b = new StringBuilder(prefix);
    while (b.length() < digits.length() - 1) {
      b.append(Shape.digit(random));
    }
    for (char check = '0'; check <= '9'; check++) {
      if (luhnValid(b.toString() + check)) {
        return b.append(check).toString();
      }
    }
    throw new AssertionError("some check digit makes any number Luhn-valid");
  }

  private static String iban(String iban, Random random) {
    String country = iban.substring(0, 2);
    StringBuilder bban = new StringBuilder(iban.length() - 4);
    for (int i = 4; i < iban.length(); i++) {
      char c = iban.charAt(i);
      bban.append(Character.isDigit(c) ? Shape.digit(random) : Shape.upper(random));
    }
    int check = 98 - ibanRemainder(bban + country + "00");
    return country + (check < 10 ? "0" : "") + check + bban;
  }

  private static String ssn(Random random) {
    int area = 1 + random.nextInt(898);
    if (area >= 666) {
      area++; // 666 is never issued: 1..665 and 667..899
    }
    int group = 1 + random.nextInt(99);
    int serial = 1 + random.nextInt(9999);
    return String.format(Locale.ROOT, "%03d%02d%04d", area, group, serial);
  }

  /**
   * {@code chars} (letters and digits only) written into the layout of {@code original}: each letter or digit
   * of the original takes the next character, keeping the original's case; separators stay.
   */
  private static String layout(String original, String chars) {
    StringBuilder out = new StringBuilder(original.length());
    int k = 0;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        char n = chars.charAt(k++);
        out.append(Character.isLowerCase(c) ? Character.toLowerCase(n) : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
