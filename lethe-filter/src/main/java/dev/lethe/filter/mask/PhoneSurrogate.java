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
 * {@code 415.555.2671 ext. 12}). A number libphonenumber cannot parse keeps its layout with random digits.
 *
 * <p>The fake is a valid number, so it may belong to someone; use the placeholder styles where that matters.
 */
final class PhoneSurrogate implements Surrogate {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final List<PhoneNumberFormat> FORMATS = List.of(PhoneNumberFormat.E164,
      PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL, PhoneNumberFormat.RFC3966);
  /** Types tried, in order, for a number that is not valid itself. */
  private static final List<PhoneNumberType> COMMON_TYPES = List.of(PhoneNumberType.MOBILE,
      PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE);
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
    if (region == null) {
      region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
    }
    PhoneNumber fake = generate(number, region, random);
    if (fake == null) {
      return Shape.of(original, random);
    }
    if (number.hasExtension()) {
      fake.setExtension(Shape.digits(number.getExtension().length(), false, random));
    }
    return write(original, number, fake);
  }

  /** A valid number of {@code region} and the original's type and length, other than the original. */
  static PhoneNumber generate(PhoneNumber original, String region, Random random) {
    String nsn = UTIL.getNationalSignificantNumber(original);
    boolean valid = UTIL.isValidNumber(original);
    List<PhoneNumberType> types = valid ? List.of(UTIL.getNumberType(original)) : COMMON_TYPES;
    for (PhoneNumberType type : types) {
      PhoneNumber example = UTIL.getExampleNumberForType(region, type);
      if (example == null) {
        continue;
      }
      String exampleNsn = UTIL.getNationalSignificantNumber(example);
      int length = valid ? nsn.length() : exampleNsn.length();
      // Random digits after a prefix of the example number that grows while random ones fail: most regions
      // accept fully random digits soon, a few need the example's leading digits to hit a valid range.
      for (int keep = 0; keep <= Math.min(length, exampleNsn.length()); keep++) {
        for (int t = 0; t < TRIES_PER_PREFIX; t++) {
          String digits = exampleNsn.substring(0, keep) + Shape.digits(length - keep, false, random);
          PhoneNumber candidate = parse("+" + original.getCountryCode() + digits);
          if (candidate != null && !digits.equals(nsn) && UTIL.isValidNumberForRegion(candidate, region)
              && UTIL.getNumberType(candidate) == type) {
            return candidate;
          }
        }
      }
    }
    return null;
  }

  private static PhoneNumber parse(String e164) {
    try {
      return UTIL.parse(e164, "ZZ");
    } catch (NumberParseException e) {
      return null;
    }
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
