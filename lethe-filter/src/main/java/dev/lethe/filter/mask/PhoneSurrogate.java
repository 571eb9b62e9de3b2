package dev.lethe.filter.mask;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Random;

/**
 * Fake phone numbers that libphonenumber accepts as valid numbers of the original's country and number type
 * (mobile, fixed line, toll free, ...) with as many digits, written the way the original was: in
 * libphonenumber's E.164, international or national format when the original is written exactly so,
 * otherwise digit for digit into the original's layout ({@code (415) 555-2671}, {@code 0044 20 7946 0958},
 * {@code 415.555.2671 ext. 12}). A number libphonenumber cannot parse or does not find valid keeps its
 * layout (and its country code) with random digits.
 *
 * <p>The fake is a valid number, so it may belong to someone; use the placeholder styles where that matters.
 */
final class PhoneSurrogate implements Surrogate {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final List<PhoneNumberFormat> FORMATS = List.of(PhoneNumberFormat.E164,
      PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL, PhoneNumberFormat.RFC3966);
  private static final int TRIES_PER_PREFIX = 12;

  private final String defaultRegion;

  PhoneSurrogate(String defaultRegion) {
    this.defaultRegion = defaultRegion;
  }

  @Override
  public String fake(String original, String subtype, Random random) {
    PhoneNumber number;
    try {
      number = UTIL.parse(original, defaultRegion);
    } catch (NumberParseException e) {
      return Shape.of(original, random);
    }
    String region = UTIL.getRegionCodeForNumber(number);
    PhoneNumber fake = region == null ? null : generate(number, region, random);
    if (fake == null) {
      return digitsAfterCountryCode(original, number.getCountryCode(), random);
    }
    if (number.hasExtension()) {
      fake.setExtension(Shape.digits(number.getExtension().length(), false, random));
    }
    return write(original, number, fake);
  }

  /**
   * A number that is not valid (a fictional 555 number, a partial one) keeps its layout and its country code
   * when written with one; the other digits are random.
   */
  private static String digitsAfterCountryCode(String original, int countryCode, Random random) {
    String cc = Integer.toString(countryCode);
    int plus = original.indexOf('+');
    int keep = plus >= 0 && original.startsWith(cc, plus + 1) ? plus + 1 + cc.length() : 0;
    return original.substring(0, keep) + Shape.of(original.substring(keep), random);
  }

  /**
   * A valid number of the original's region, type and length, other than the original; {@code null} when the
   * original is not valid or no such number turns up.
   */
  static PhoneNumber generate(PhoneNumber original, String region, Random random) {
    String nsn = UTIL.getNationalSignificantNumber(original);
    PhoneNumberType type = UTIL.getNumberType(original);
    PhoneNumber example = UTIL.getExampleNumberForType(region, type);
    if (example != null) {
      String exampleNsn = UTIL.getNationalSignificantNumber(example);
      int length = nsn.length();
      // Random digits after a prefix of the example number that grows while random ones fail: most regions
      // accept fully random digits soon, a few need the example's leading digits to hit a valid range.
      for (int keep = 0; keep <= Math.min(length, exampleNsn.length()); keep++) {
        for (int t = 0; t < TRIES_PER_PREFIX; t++) {
          String digits = exampleNsn.substring(0, keep) + Shape.digits(length - keep, false, random);
          PhoneNumber candidate = number(original.getCountryCode(), digits);
          if (!digits.equals(nsn) && UTIL.isValidNumberForRegion(candidate, region)
              && UTIL.getNumberType(candidate) == type) {
            return candidate;
          }
        }
      }
    }
    return null;
  }

  /** The number with these national significant digits, leading zeros included (as in Italy). */
  private static PhoneNumber number(int countryCode, String nsn) {
    PhoneNumber n = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(nsn));
    int zeros = 0;
    while (zeros < nsn.length() - 1 && nsn.charAt(zeros) == '0') {
      zeros++;
    }
    if (zeros > 0) {
      n.setItalianLeadingZero(true).setNumberOfLeadingZeros(zeros);
    }
    return n;
  }

  /** {@code fake} written as {@code original} is. */
  private static String write(String text, PhoneNumber original, PhoneNumber fake) {
    for (PhoneNumberFormat f : FORMATS) {
      if (UTIL.format(original, f).equals(text)) {
        return UTIL.format(fake, f);
      }
    }
    String digits = text.replaceAll("[^0-9]", "");
    String nsn = UTIL.getNationalSignificantNumber(original);
    String ext = original.hasExtension() ? original.getExtension() : "";
    int nsnEnd = digits.length() - ext.length();
    int nsnStart = nsnEnd - nsn.length();
    String fakeNsn = UTIL.getNationalSignificantNumber(fake);
    if (nsnStart < 0 || !digits.startsWith(nsn + ext, nsnStart) || fakeNsn.length() != nsn.length()) {
      return UTIL.format(fake, text.strip().startsWith("+") ? PhoneNumberFormat.INTERNATIONAL
          : PhoneNumberFormat.NATIONAL);
    }
    String fakeDigits = digits.substring(0, nsnStart) + fakeNsn + (fake.hasExtension() ? fake.getExtension() : "");
    StringBuilder out = new StringBuilder(text.length());
    int d = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= '0' && c <= '9' ? fakeDigits.charAt(d++) : c);
    }
    return out.toString();
  }
}
