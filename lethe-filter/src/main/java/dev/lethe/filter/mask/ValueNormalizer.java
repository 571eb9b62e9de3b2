package dev.lethe.filter.mask;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.lethe.filter.Label;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides when two spans hold the same value: the numbered, hash and surrogate styles give equal normalised
 * values the same replacement. All labels but {@code secret} are NFKC-normalised with runs of white space
 * collapsed to one space and trimmed; then, per label:
 * <ul>
 *   <li>person, address: case-insensitive ({@code Ana Ruiz} = {@code ana  ruiz});
 *   <li>email: case-insensitive, without a {@code mailto:} prefix;
 *   <li>phone: the number in E.164 with its extension when it parses in the default region ({@code (415)
 *       555-2671} = {@code +1 415 555 2671}), else its digits;
 *   <li>url: case-insensitive, without scheme, {@code www.} and trailing slash ({@code
 *       https://github.com/AnaRuiz/} = {@code github.com/anaruiz});
 *   <li>date: the ISO date when the format is recognised ({@code March 14, 1990} = {@code 1990-03-14}),
 *       else case-insensitive;
 *   <li>account number: upper case without spaces, hyphens and dots ({@code de89 3704-0044} = {@code
 *       DE8937040044});
 *   <li>secret: exactly as written, since one changed character is another secret.
 * </ul>
 */
final class ValueNormalizer {
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern ACCOUNT_SEPARATORS = Pattern.compile("[\\s\\p{Z}.\\-]+");
  private static final Pattern URL_PREFIX = Pattern.compile("^(?:[a-z][a-z0-9+.-]*://)?(?:www\\.)?");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final String region;
  private final boolean monthFirst;

  /** @param region the ISO 3166 region that reads phone numbers without country code and numeric dates */
  ValueNormalizer(String region) {
    this.region = region;
    this.monthFirst = monthFirst(region);
  }

  /** Whether numeric dates such as 03/04/1990 put the month first in {@code region}. */
  static boolean monthFirst(String region) {
    return region.equals("US") || region.equals("PH") || region.equals("FM") || region.equals("PW");
  }

  String normalize(Label label, String value) {
    if (label == Label.SECRET) {
      return value;
    }
    String v = SPACES.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll(" ").strip();
    return switch (label) {
      case PRIVATE_EMAIL -> lower(v).replaceFirst("^mailto:", "");
      case PRIVATE_PHONE -> phone(v);
      case PRIVATE_URL -> URL_PREFIX.matcher(lower(v)).replaceFirst("").replaceFirst("/+$", "");
      case PRIVATE_DATE -> date(v);
      case ACCOUNT_NUMBER -> ACCOUNT_SEPARATORS.matcher(v).replaceAll("").toUpperCase(Locale.ROOT);
      default -> lower(v);
    };
  }

  private String phone(String v) {
    try {
      PhoneNumber n = PHONES.parse(v, region);
      String e164 = PHONES.format(n, PhoneNumberFormat.E164);
      return n.hasExtension() ? e164 + ";ext=" + n.getExtension() : e164;
    } catch (NumberParseException e) {
      String digits = v.replaceAll("[^0-9+]", "");
      return digits.isEmpty() ? lower(v) : digits;
    }
  }

  private String date(String v) {
    DateText d = DateText.parse(v, monthFirst);
    return d != null ? d.iso() : lower(v);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
