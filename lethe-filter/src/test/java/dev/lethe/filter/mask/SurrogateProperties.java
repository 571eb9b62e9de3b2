package dev.lethe.filter.mask;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.lethe.filter.Label;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Validity of surrogates, checked with implementations independent of the masker's. */
class SurrogateProperties {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      sum += twice ? (d * 2) / 10 + (d * 2) % 10 : d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  static int mod97(String iban) {
    String moved = iban.substring(4) + iban.substring(0, 4);
    StringBuilder n = new StringBuilder();
    for (char c : moved.toCharArray()) {
      n.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(n.toString()).mod(BigInteger.valueOf(97)).intValue();
  }

  static String issuer(String digits) {
    int two = Integer.parseInt(digits.substring(0, 2));
    int four = Integer.parseInt(digits.substring(0, 4));
    if (digits.startsWith("4")) {
      return "visa";
    } else if (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) {
      return "mastercard";
    } else if (two == 34 || two == 37) {
      return "amex";
    } else if (four == 6011 || two == 65 || four / 10 >= 644 && four / 10 <= 649) {
      return "discover";
    } else if (four >= 3528 && four <= 3589) {
      return "jcb";
    } else if (two == 62) {
      return "unionpay";
    }
    return "other:" + digits.charAt(0);
  }

  static void validSsn(String ssn) {
    String d = ssn.replaceAll("\\D", "");
    assertThat(d).hasSize(9);
    int area = Integer.parseInt(d.substring(0, 3));
    assertThat(area).isBetween(1, 899).isNotEqualTo(666);
    assertThat(Integer.parseInt(d.substring(3, 5))).isBetween(1, 99);
    assertThat(Integer.parseInt(d.substring(5))).isBetween(1, 9999);
  }

  private static MaskKey key(long seed) {
    byte[] raw = new byte[32];
    new java.util.Random(seed).nextBytes(raw);
    return MaskKey.of(raw);
  }

  // ---- cards

  record Card(String prefix, int length, String separator) {}

  @Provide
  Arbitrary<String> cards() {
    Arbitrary<Card> kinds = Combinators.combine(
        Arbitraries.of(new Card("4", 16, ""), new Card("4", 13, ""), new Card("5", 16, ""), new Card("2221", 16, ""),
            new Card("2720", 16, ""), new Card("34", 15, ""), new Card("37", 15, ""), new Card("6011", 16, ""),
            new Card("65", 16, ""), new Card("3530", 16, ""), new Card("62", 19, ""), new Card("36", 14, ""),
            new Card("9", 16, "")),
        Arbitraries.of("", " ", "-")).as((c, sep) -> new Card(c.prefix(), c.length(), sep));
    return kinds.flatMap(c -> Arbitraries.strings().numeric().ofLength(c.length() - c.prefix().length() - 1)
        .map(body -> {
          String base = c.prefix().equals("5") ? "5" + (1 + body.charAt(0) % 5) + body.substring(1) : c.prefix() + body;
          String number = base.substring(0, Math.min(base.length(), c.length() - 1));
          for (char check = '0'; ; check++) {
            if (luhn(number + check)) {
              return group(number + check, c.separator());
            }
          }
        }));
  }

  private static String group(String digits, String separator) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 4) {
      b.append(i > 0 ? separator : "").append(digits, i, Math.min(digits.length(), i + 4));
    }
    return b.toString();
  }

  @Property(tries = 300)
  void cardFakesAreLuhnValidOfTheSameIssuerLengthAndGrouping(@ForAll("cards") String card, @ForAll long seed) {
    String fake = new SurrogateMasker(key(seed), "US").surrogate(Label.ACCOUNT_NUMBER, null, card);
    String digits = fake.replaceAll("\\D", "");
    assertThat(luhn(digits)).as(fake).isTrue();
    assertThat(SurrogateMaskerTest.layout(fake)).isEqualTo(SurrogateMaskerTest.layout(card));
    assertThat(issuer(digits)).isEqualTo(issuer(card.replaceAll("\\D", "")));
    assertThat(digits).isNotEqualTo(card.replaceAll("\\D", ""));
  }

  // ---- IBANs: country, BBAN structure (n digits, a upper-case letters, c either)

  private static final List<String[]> IBAN_FORMATS = List.of(new String[] {"DE", "18n"},
      new String[] {"GB", "4a14n"}, new String[] {"FR", "10n11c2n"}, new String[] {"ES", "20n"},
      new String[] {"IT", "1a10n12c"}, new String[] {"NL", "4a10n"}, new String[] {"BE", "12n"},
      new String[] {"CH", "5n12c"}, new String[] {"PL", "24n"}, new String[] {"NO", "11n"},
      new String[] {"MT", "4a5n18c"});

  @Provide
  Arbitrary<String> ibans() {
    return Arbitraries.of(IBAN_FORMATS).flatMap(f -> Combinators.combine(
        Arbitraries.longs(), Arbitraries.of(true, false)).as((seed, grouped) -> {
          java.util.Random r = new java.util.Random(seed);
          StringBuilder bban = new StringBuilder();
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([nac])").matcher(f[1]);
          while (m.find()) {
            for (int i = 0; i < Integer.parseInt(m.group(1)); i++) {
              char kind = m.group(2).charAt(0) == 'c' ? (r.nextBoolean() ? 'n' : 'a') : m.group(2).charAt(0);
              bban.append(kind == 'n' ? (char) ('0' + r.nextInt(10)) : (char) ('A' + r.nextInt(26)));
            }
          }
          int check = 98 - mod97(f[0] + "00" + bban);
          String iban = f[0] + String.format(Locale.ROOT, "%02d", check) + bban;
          return grouped ? group(iban, " ") : iban;
        }));
  }

  @Property(tries = 300)
  void ibanFakesHaveAValidChecksumAndTheSameCountryLengthAndStructure(@ForAll("ibans") String iban,
      @ForAll long seed) {
    assertThat(mod97(iban.replace(" ", ""))).as("test data").isEqualTo(1);
    String fake = new SurrogateMasker(key(seed), "US").surrogate(Label.ACCOUNT_NUMBER, null, iban);
    assertThat(mod97(fake.replace(" ", ""))).as(fake).isEqualTo(1);
    assertThat(fake.substring(0, 2)).isEqualTo(iban.substring(0, 2));
    assertThat(SurrogateMaskerTest.layout(fake.substring(4))).isEqualTo(SurrogateMaskerTest.layout(iban.substring(4)));
    assertThat(fake).isNotEqualTo(iban);
  }

  // ---- SSNs

  @Provide
  Arbitrary<String> ssns() {
    Arbitrary<Integer> area = Arbitraries.integers().between(1, 899).filter(a -> a != 666);
    return Combinators.combine(area, Arbitraries.integers().between(1, 99), Arbitraries.integers().between(1, 9999),
        Arbitraries.of("-", " ")).as((a, g, s, sep) -> String.format(Locale.ROOT, "%03d%s%02d%s%04d", a, sep, g, sep, s));
  }

  @Property(tries = 300)
  void ssnFakesFollowTheIssuingRules(@ForAll("ssns") String ssn, @ForAll long seed) {
    String fake = new SurrogateMasker(key(seed), "US").surrogate(Label.ACCOUNT_NUMBER, null, ssn);
    validSsn(fake);
    assertThat(SurrogateMaskerTest.layout(fake)).isEqualTo(SurrogateMaskerTest.layout(ssn));
    assertThat(fake).isNotEqualTo(ssn);
  }

  // ---- phones: libphonenumber's example numbers of many regions and types, written in each format

  @Provide
  Arbitrary<String[]> phones() {
    Arbitrary<String> regions = Arbitraries.of("US", "GB", "DE", "FR", "ES", "IT", "NL", "JP", "IN", "BR", "AU",
        "CA", "MX", "CH", "SE", "PL", "ZA", "NG", "KR", "CN", "AR", "IE", "AT", "BE", "SG", "EG", "TR", "RU");
    Arbitrary<PhoneNumberType> types = Arbitraries.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE,
        PhoneNumberType.TOLL_FREE);
    Arbitrary<PhoneNumberFormat> formats = Arbitraries.of(PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL,
        PhoneNumberFormat.NATIONAL);
    return Combinators.combine(regions, types, formats).as((region, type, format) -> {
      PhoneNumber example = PHONES.getExampleNumberForType(region, type);
      return example == null ? null : new String[] {region, PHONES.format(example, format)};
    }).filter(p -> p != null);
  }

  @Property(tries = 300)
  void phoneFakesAreValidNumbersOfTheSameRegionAndType(@ForAll("phones") String[] phone, @ForAll long seed)
      throws NumberParseException {
    String region = phone[0];
    PhoneNumber original = PHONES.parse(phone[1], region);
    Assume.that(PHONES.isValidNumber(original));
    String fake = new SurrogateMasker(key(seed), region).surrogate(Label.PRIVATE_PHONE, null, phone[1]);
    PhoneNumber parsed = PHONES.parse(fake, region);
    assertThat(PHONES.isValidNumberForRegion(parsed, region)).as("%s -> %s", phone[1], fake).isTrue();
    assertThat(PHONES.getNumberType(parsed)).isEqualTo(PHONES.getNumberType(original));
    assertThat(PHONES.getNationalSignificantNumber(parsed)).hasSameSizeAs(PHONES.getNationalSignificantNumber(original))
        .isNotEqualTo(PHONES.getNationalSignificantNumber(original));
    boolean international = phone[1].startsWith("+");
    assertThat(fake.startsWith("+")).isEqualTo(international);
    assertThat(fake.contains(" ")).isEqualTo(phone[1].contains(" "));
  }

  // ---- every label: any text gets a fake that differs from it after normalisation, and nothing throws

  @Property(tries = 1000)
  void anyValueOfAnyLabelGetsADifferentFake(@ForAll("values") String value, @ForAll Label label,
      @ForAll long seed) {
    Assume.that(!value.isEmpty());
    SurrogateMasker masker = new SurrogateMasker(key(seed), "US");
    String fake = masker.surrogate(label, null, value);
    ValueNormalizer n = new ValueNormalizer("US");
    assertThat(n.normalize(label, fake)).isNotEqualTo(n.normalize(label, value));
    assertThat(masker.surrogate(label, null, value)).isEqualTo(fake);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(Docs.texts(), Arbitraries.of("Ana Ruiz", "ana.ruiz@gmail.com", "+1 415 555 2671",
        "221B Baker Street", "March 3", "github.com/x", "4111111111111111", "hunter2", "-", "0", "Dr.", "@",
        "mailto:", "https://", "  ", "1900-02-29", "00/00/0000", "+", "ext. 5", "\n\n"));
  }
}
