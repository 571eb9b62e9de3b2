package dev.lethe.train.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The checksums and writing rules of generated values, on real-world reference examples. */
class ValuesTest {
  private final Rng rng = new Rng(new Random(17));

  @Test
  void ibanCheckDigitsMatchPublishedExamples() {
    assertThat(Accounts.ibanCheck("DE", "370400440532013000")).isEqualTo("89");
    assertThat(Accounts.ibanCheck("GB", "NWBK60161331926819")).isEqualTo("29");
    assertThat(Accounts.ibanCheck("FR", "20041010050500013M02606")).isEqualTo("14");
  }

  @Test
  void generatedIbansValidate() {
    Accounts a = new Accounts(rng);
    for (String c : Addresses.COUNTRIES) {
      for (int i = 0; i < 20; i++) {
        String iban = a.iban(c).replace(" ", "");
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        moved.chars().forEach(ch -> digits.append(Character.isLetter(ch) ? String.valueOf(ch - 'A' + 10) : (char) ch));
        assertThat(new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue()).as(iban).isEqualTo(1);
      }
    }
  }

  @Test
  void cardsPassLuhnAndRoutingNumbersTheirChecksum() {
    assertThat(Accounts.luhnDigit("424242424242424")).isEqualTo(2);
    assertThat(Accounts.luhnDigit("37828224631000")).isEqualTo(5);
    Accounts a = new Accounts(rng);
    for (int i = 0; i < 200; i++) {
      String card = a.card().replaceAll("[ -]", "");
      assertThat(Accounts.luhnDigit(card.substring(0, card.length() - 1)))
          .isEqualTo(card.charAt(card.length() - 1) - '0');
      String routing = a.routing();
      int[] w = {3, 7, 1, 3, 7, 1, 3, 7, 1};
      int sum = 0;
      for (int k = 0; k < 9; k++) {
        sum += w[k] * (routing.charAt(k) - '0');
      }
      assertThat(sum % 10).as(routing).isZero();
    }
  }

  @Test
  void englishOrdinals() {
    assertThat(Dates.ordinal(1)).isEqualTo("1st");
    assertThat(Dates.ordinal(2)).isEqualTo("2nd");
    assertThat(Dates.ordinal(3)).isEqualTo("3rd");
    assertThat(Dates.ordinal(11)).isEqualTo("11th");
    assertThat(Dates.ordinal(12)).isEqualTo("12th");
    assertThat(Dates.ordinal(22)).isEqualTo("22nd");
    assertThat(Dates.ordinal(23)).isEqualTo("23rd");
  }

  @Test
  void datesFollowTheLanguage() {
    Dates d = new Dates(rng);
    java.time.LocalDate date = java.time.LocalDate.of(1990, 3, 5);
    for (int i = 0; i < 50; i++) {
      assertThat(d.write(Dates.Kind.BIRTH, date, "de", "DE")).matches(".*(05\\.03\\.|5\\.3\\.|5\\. März|1990-03-05).*");
      assertThat(d.write(Dates.Kind.BIRTH, date, "en", "US"))
          .matches(".*(03/05/1990|3/5/1990|March 5|Mar\\.? 5|1990-03-05|03-05-1990|3/5/90|March 5th).*");
    }
  }

  @Test
  void asciiFoldingForHandles() {
    assertThat(Person.ascii("Stefan Brückner")).isEqualTo("Stefan Bruckner");
    assertThat(Person.ascii("Łukasz Żółć")).isEqualTo("Lukasz Zolc");
    assertThat(Person.ascii("Straße Ørsted")).isEqualTo("Strasse Orsted");
  }

  @Test
  void nameOrderFollowsTheOrigin() {
    assertThat(new Person("Nam", "Văn", "Nguyễn", null, '?', "vi", true, " ", true).full()).isEqualTo("Nguyễn Văn Nam");
    assertThat(new Person("Иван", "Иванович", "Иванов", null, 'm', "ru", true, " ", false).full())
        .isEqualTo("Иванов Иван Иванович");
    assertThat(new Person("一郎", null, "佐藤", null, '?', "ja", true, "", false).full()).isEqualTo("佐藤一郎");
    Person ana = new Person("Ana", null, "de la Cruz", "Nani", 'f', "es", false, " ", true);
    assertThat(ana.full()).isEqualTo("Ana de la Cruz");
    assertThat(ana.initialed(true)).isEqualTo("A. de la Cruz");
    assertThat(ana.familyComma()).isEqualTo("de la Cruz, Ana");
    assertThat(ana.airline()).isEqualTo("DE LA CRUZ/ANA");
    assertThat(ana.withNickname()).isEqualTo("Ana \"Nani\" de la Cruz");
  }

  @Test
  void russianFeminineSurnames() {
    Names names = new Names(rng, new Fakers(rng.random()));
    for (int i = 0; i < 50; i++) {
      Person p = names.person("ru-Latn", 'f');
      assertThat(p.last()).matches(".*(a|aya)");
    }
  }
}
