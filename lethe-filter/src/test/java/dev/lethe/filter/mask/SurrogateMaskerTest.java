package dev.lethe.filter.mask;

import static dev.lethe.filter.Label.ACCOUNT_NUMBER;
import static dev.lethe.filter.Label.PRIVATE_ADDRESS;
import static dev.lethe.filter.Label.PRIVATE_DATE;
import static dev.lethe.filter.Label.PRIVATE_EMAIL;
import static dev.lethe.filter.Label.PRIVATE_PERSON;
import static dev.lethe.filter.Label.PRIVATE_PHONE;
import static dev.lethe.filter.Label.PRIVATE_URL;
import static dev.lethe.filter.Label.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.lethe.filter.Label;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurrogateMaskerTest {
  static final MaskKey KEY = MaskKey.of(MaskKeyTest.RAW);
  private final SurrogateMasker us = new SurrogateMasker(KEY, "US");
  private final SurrogateMasker gb = new SurrogateMasker(KEY, "GB");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private String fake(Label label, String original) {
    String fake = us.surrogate(label, null, original);
    assertThat(fake).as(original).isNotEqualTo(original);
    return fake;
  }

  /** The text with every letter written L, l or ? (no case) and every digit 9: the layout of a value. */
  static String layout(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> b.append(Character.isDigit(c) ? "9" : Character.isUpperCase(c) ? "L"
        : Character.isLowerCase(c) ? "l" : Character.isLetter(c) ? "?" : new String(Character.toChars(c))));
    return b.toString();
  }

  @Test
  void masksTextWithFakesOfTheSameFormat() {
    String text = "Ana Ruiz <ana.ruiz@acme.com> paid with 4111 1111 1111 1111 on 03/14/2024.";
    Redaction r = Maskers.create(MaskStyle.SURROGATE, KEY).mask(text, Spans.in(text, PRIVATE_PERSON, "Ana Ruiz",
        PRIVATE_EMAIL, "ana.ruiz@acme.com", ACCOUNT_NUMBER, "4111 1111 1111 1111", PRIVATE_DATE, "03/14/2024"));
    assertThat(r.text()).matches("\\p{Lu}\\p{L}+ \\p{Lu}[\\p{L}']+ <[a-z]+\\.[a-z]+@[a-z]+\\.example> paid with"
        + " 4\\d{3} \\d{4} \\d{4} \\d{4} on \\d\\d/\\d\\d/20\\d\\d\\.");
    assertThat(r.replacements()).extracting(Replacement::replacement).doesNotContain("Ana Ruiz", "ana.ruiz@acme.com");
  }

  @Test
  void theSameValueGetsTheSameFakeInEveryTextAndVariantsTheSameInTheirCase() {
    SurrogateMasker again = new SurrogateMasker(MaskKey.of(MaskKeyTest.RAW), "US");
    String fake = us.surrogate(PRIVATE_PERSON, null, "Ana Ruiz");
    assertThat(again.surrogate(PRIVATE_PERSON, null, "Ana Ruiz")).isEqualTo(fake);
    assertThat(us.surrogate(PRIVATE_PERSON, null, "ana  ruiz")).isEqualTo(fake.toLowerCase(Locale.ROOT).replace(" ", "  "));
    assertThat(us.surrogate(PRIVATE_PERSON, null, "ANA RUIZ")).isEqualTo(fake.toUpperCase(Locale.ROOT));
    assertThat(us.surrogate(PRIVATE_EMAIL, null, "Ana.Ruiz@Gmail.com"))
        .isEqualToIgnoringCase(us.surrogate(PRIVATE_EMAIL, null, "ana.ruiz@gmail.com"));
  }

  @Test
  void theSameDateInTwoFormatsMovesToTheSameDate() {
    LocalDate a = LocalDate.parse(fake(PRIVATE_DATE, "March 14, 1990"), DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH));
    LocalDate b = LocalDate.parse(fake(PRIVATE_DATE, "1990-03-14"));
    assertThat(a).isEqualTo(b).isNotEqualTo(LocalDate.of(1990, 3, 14));
  }

  @Test
  void anotherKeyGivesOtherFakes() {
    SurrogateMasker other = new SurrogateMasker(MaskKey.development(), "US");
    String[][] values = {{"private_email", "ana.ruiz@gmail.com"}, {"account_number", "4111 1111 1111 1111"},
        {"private_phone", "(415) 555-2671"}, {"secret", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"},
        {"private_person", "Ana Ruiz"}};
    for (String[] v : values) {
      Label label = Label.fromId(v[0]);
      assertThat(other.surrogate(label, null, v[1])).as(v[1]).isNotEqualTo(us.surrogate(label, null, v[1]));
    }
  }

  /** {@code <N>}: a capitalised name, {@code <n>}: a lower-case one, {@code <U>}: an upper-case one. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Ana Ruiz | <N> <N>", "ana ruiz | <n> <n>", "ANA RUIZ | <U> <U>", "J. Smith | [A-Z]\\. <N>",
      "Jean-Luc Picard | <N>-<N> <N>", "Ludwig van Beethoven | <N> van <N>", "Martin Luther King Jr. | <N> <N> <N> Jr\\.",
      "Ana | <N>", "MARÍA JOSÉ GARCÍA | <U> <U> <U>", "A. B. Smith | [A-Z]\\. [A-Z]\\. <N>"})
  void namesKeepTheirShape(String name, String shape) {
    String pattern = shape.replace("<N>", "\\p{Lu}[\\p{L}']+").replace("<n>", "[\\p{Ll}']+")
        .replace("<U>", "[\\p{Lu}']+");
    assertThat(fake(PRIVATE_PERSON, name)).matches(pattern);
  }

  @Test
  void namesInOtherScriptsStayInTheirScript() {
    assertThat(fake(PRIVATE_PERSON, "Иван Петров")).matches("\\p{IsCyrillic}+ \\p{IsCyrillic}+");
    assertThat(fake(PRIVATE_PERSON, "王小明")).matches("\\p{IsHan}+");
    assertThat(fake(PRIVATE_PERSON, "Γιώργος Παπαδόπουλος")).matches("\\p{IsGreek}+ \\p{IsGreek}+");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ana.ruiz84@gmail.com | [a-z]+\\.[a-z]+\\d\\d@gmail\\.com",
      "Ana.Ruiz@Outlook.com | [A-Z][a-z]+\\.[A-Z][a-z]+@Outlook\\.com",
      "a.ruiz@acme-corp.com | [a-z]\\.[a-z]+@[a-z]+\\.example",
      "ana_ruiz+news@company.co.uk | [a-z]+_[a-z]+\\+[a-z]+@[a-z]+\\.example",
      "mailto:ana@x.org | mailto:[a-z]+@[a-z]+\\.example"})
  void emailsKeepPublicProvidersAndReplaceOtherDomains(String email, String shape) {
    assertThat(fake(PRIVATE_EMAIL, email)).matches(shape);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "US | (415) 555-2671", "US | 415-555-2671", "US | +1 415 555 2671", "US | +14155552671",
      "US | 415.555.2671 ext. 12", "GB | 020 7946 0958", "GB | +44 20 7946 0958", "GB | 07911 123456",
      "GB | +44 (0)7911 123456", "GB | 0044 20 7946 0958", "US | +33 6 12 34 56 78", "US | +49 30 901820",
      "US | +34 612 345 678", "US | +81 3-1234-5678", "US | +91 98765 43210", "US | +61 2 9374 4000",
      "US | +55 11 91234-5678", "US | +1 800 555 0199"})
  void phonesAreValidNumbersOfTheSameCountryTypeAndLayout(String region, String phone) throws NumberParseException {
    PhoneNumber original = PHONES.parse(phone, region);
    assertThat(PHONES.isValidNumber(original)).as("test data: %s is valid", phone).isTrue();
    String fake = new SurrogateMasker(KEY, region).surrogate(PRIVATE_PHONE, null, phone);
    PhoneNumber parsed = PHONES.parse(fake, region);
    assertThat(PHONES.isValidNumber(parsed)).as(fake).isTrue();
    assertThat(PHONES.getRegionCodeForNumber(parsed)).isEqualTo(PHONES.getRegionCodeForNumber(original));
    assertThat(PHONES.getNumberType(parsed)).isEqualTo(PHONES.getNumberType(original));
    assertThat(PHONES.getNationalSignificantNumber(parsed)).isNotEqualTo(PHONES.getNationalSignificantNumber(original));
    // Written in one of libphonenumber's formats, the fake is written in it too (with its own grouping);
    // written otherwise, it takes the original's layout digit for digit.
    for (PhoneNumberUtil.PhoneNumberFormat f : PhoneNumberUtil.PhoneNumberFormat.values()) {
      if (phone.equals(PHONES.format(original, f))) {
        assertThat(fake).isEqualTo(PHONES.format(parsed, f));
        return;
      }
    }
    assertThat(layout(fake)).as(fake).isEqualTo(layout(phone));
  }

  @Test
  void aPhoneThatIsNoValidNumberKeepsItsLayoutAndCountryCode() {
    assertThat(layout(fake(PRIVATE_PHONE, "12-34"))).isEqualTo("99-99");
    assertThat(fake(PRIVATE_PHONE, "(555) 010-9999")).matches("\\(\\d{3}\\) \\d{3}-\\d{4}");
    assertThat(fake(PRIVATE_PHONE, "+44 20 1234")).matches("\\+44 \\d\\d \\d{4}");
    assertThat(fake(PRIVATE_PHONE, "call me maybe")).matches("[a-z]{4} [a-z]{2} [a-z]{5}");
  }

  /** {@code <N>}: a capitalised name, {@code <A>}: an upper-case letter, {@code <D>}: a digit, / a line break. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "221B Baker Street, London NW1 6XE | <D><D><D><A> <N> Street, .+ <A><A><D> <D><A><A>",
      "123 Main St, Springfield, IL 62704 | <D><D><D> <N> St, .+, <A><A> <D><D><D><D><D>",
      "Apt 4B, 350 Fifth Avenue, New York, NY 10118 | Apt <D><A>, <D><D><D> <N> Avenue, .+, <A><A> <D>{5}",
      "Hauptstraße 5/10115 Berlin/Germany | <N>straße <D>/<D>{5} .+/Germany",
      "12 rue de la Paix, 75002 Paris | <D><D> rue de la <N>, <D>{5} .+",
      "Calle Mayor 10, 28013 Madrid | Calle <N> <D><D>, <D>{5} .+",
      "Damrak 1, 1012 LG Amsterdam | .+ <D>, <D>{4} <A><A> .+"})
  void addressesKeepTheirLayoutAndKeywords(String address, String shape) {
    String original = address.replace("/", "\n");
    String fake = fake(PRIVATE_ADDRESS, original);
    String pattern = shape.replace("/", "\n").replace("<N>", "\\p{Lu}[\\p{L}'-]*").replace("<A>", "[A-Z]")
        .replace("<D>", "\\d");
    assertThat(fake).as(fake).matches(Pattern.compile(pattern, Pattern.DOTALL));
    assertThat(fake).doesNotContain("Baker", "Main", "Hauptstraße", "Paix", "Mayor", "Damrak", "London",
        "Springfield", "Berlin", "Paris", "Madrid", "Amsterdam");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://www.linkedin.com/in/ana-ruiz-4b2 | https://www\\.linkedin\\.com/in/[a-z]+-[a-z]+-\\d[a-z]\\d",
      "https://github.com/AnaRuiz | https://github\\.com/[A-Z][a-z]+[A-Z][a-z]+",
      "github.com/anaruiz/dotfiles | github\\.com/[a-z]+/[a-z]+",
      "@anaruiz | @[a-z]+", "@ana@mastodon.social | @[a-z]+@mastodon\\.social",
      "https://anaruiz.github.io/ | https://[a-z]+\\.github\\.io/",
      "https://www.anaruiz.dev/blog?id=42 | https://www\\.[a-z]+\\.example/blog\\?id=\\d\\d",
      "https://twitter.com/ana_ruiz/status/1234567890 | https://twitter\\.com/[a-z]+_[a-z]+/status/\\d{10}"})
  void urlsKeepPlatformsAndStructureButNotTheHandle(String url, String shape) {
    assertThat(fake(PRIVATE_URL, url)).matches(shape).doesNotContainIgnoringCase("ruiz");
  }

  @Test
  void cardsStayLuhnValidInTheirIssuerFamilyAndGrouping() {
    String[] cards = {"4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005", "6011 0009 9013 9424",
        "3530 1113 3330 0000", "2223 0031 2200 3222", "4222222222222"};
    for (String card : cards) {
      String fake = fake(ACCOUNT_NUMBER, card);
      String digits = fake.replaceAll("\\D", "");
      assertThat(layout(fake)).isEqualTo(layout(card));
      assertThat(SurrogateProperties.luhn(digits)).as(fake).isTrue();
      assertThat(SurrogateProperties.issuer(digits)).as(fake).isEqualTo(SurrogateProperties.issuer(card.replaceAll("\\D", "")));
    }
  }

  @Test
  void ibansKeepCountryLengthAndGroupingWithAValidChecksum() {
    for (String iban : new String[] {"DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819",
        "FR14 2004 1010 0505 0001 3M02 606", "es91 2100 0418 4502 0005 1332"}) {
      String fake = fake(ACCOUNT_NUMBER, iban);
      assertThat(layout(fake)).isEqualTo(layout(iban));
      assertThat(fake.substring(0, 2)).isEqualTo(iban.substring(0, 2));
      assertThat(SurrogateProperties.mod97(fake.replace(" ", "").toUpperCase(Locale.ROOT))).as(fake).isEqualTo(1);
    }
  }

  @Test
  void ssnsFollowTheIssuingRules() {
    assertThat(fake(ACCOUNT_NUMBER, "078-05-1120")).satisfies(SurrogateProperties::validSsn).matches("\\d{3}-\\d{2}-\\d{4}");
    assertThat(us.surrogate(ACCOUNT_NUMBER, "us_ssn", "078051120")).satisfies(SurrogateProperties::validSsn).matches("\\d{9}");
  }

  @Test
  void otherAccountNumbersKeepTheirCodePrefixAndShape() {
    assertThat(fake(ACCOUNT_NUMBER, "CUS-448812")).matches("CUS-\\d{6}");
    assertThat(fake(ACCOUNT_NUMBER, "AB 12 34 56 C")).matches("[A-Z]{2} \\d\\d \\d\\d \\d\\d [A-Z]");
    assertThat(fake(ACCOUNT_NUMBER, "A1234567")).matches("[A-Z]\\d{7}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ghp_16C7e42F292c6912E7710c838347Ae178B4a | ghp_[A-Za-z0-9]{36}",
      "sk-proj-abc123DEF456 | sk-proj-[a-z]{3}\\d{3}[A-Z]{3}\\d{3}",
      "AKIAIOSFODNN7EXAMPLE | AKIA[A-Z0-9]{16}",
      "xoxb-1234-5678-abcd | xoxb-\\d{4}-\\d{4}-[a-z]{4}",
      "5f4dcc3b5aa765d61d8327deb882cf99 | [0-9a-f]{32}",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc-DEF_123 | eyJ[A-Za-z0-9]{17}\\.eyJ[A-Za-z0-9]{12}\\.[a-z]{3}-[A-Z]{3}_\\d{3}",
      "hunter2 | [a-z]{6}\\d", "p@ss w0rd! | [a-z][!#$%&*@^~?][a-z]{2} [a-z]\\d[a-z]{2}[!#$%&*@^~?]"})
  void secretsKeepTheirKindAndShape(String secret, String shape) {
    assertThat(fake(SECRET, secret)).matches(shape);
  }

  @Test
  void pemBlocksKeepTheirArmourAndLineLengths() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1x4Zq+abc/def==\nQk9C\n-----END RSA PRIVATE KEY-----";
    String fake = fake(SECRET, pem);
    assertThat(fake).startsWith("-----BEGIN RSA PRIVATE KEY-----\n").endsWith("\n-----END RSA PRIVATE KEY-----");
    assertThat(layout(fake).replaceAll("[Ll]", "a")).isEqualTo(layout(pem).replaceAll("[Ll]", "a"));
  }

  @Test
  void isThreadSafeAndDependsOnlyOnTheValue() throws Exception {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      values.add(List.of("Ana Ruiz", "Bo Li", "Jürgen Müller", "Иван Петров", "Carla Diaz").get(i % 5) + i % 7);
    }
    List<String> expected = values.stream().map(v -> us.surrogate(PRIVATE_PERSON, null, v)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int shift = t;
        runs.add(pool.submit(() -> {
          SurrogateMasker m = new SurrogateMasker(KEY, "US");
          String[] out = new String[values.size()];
          for (int k = 0; k < values.size(); k++) {
            int i = (k * 7 + shift * 31) % values.size(); // each thread in its own order
            out[i] = m.surrogate(PRIVATE_PERSON, null, values.get(i));
          }
          return List.of(out);
        }));
      }
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
