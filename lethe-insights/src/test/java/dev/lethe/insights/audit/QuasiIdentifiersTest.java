package dev.lethe.insights.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.insights.audit.QuasiIdentifiers.Attribute;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Self-disclosed attributes are found in many phrasings and normalised; look-alikes are not. */
class QuasiIdentifiersTest {
  static Map<Attribute, String> combo(String text) {
    return QuasiIdentifiers.combination(QuasiIdentifiers.extract(text));
  }

  @Test
  void findsEachAttributeInItsUsualPhrasings() {
    assertThat(combo("Hi, I'm 34 and I live in Bergen. I work as a senior data engineer at night."))
        .containsEntry(Attribute.AGE, "34").containsEntry(Attribute.CITY, "bergen")
        .containsEntry(Attribute.JOB_TITLE, "senior data engineer");
    assertThat(combo("As a 41-year-old mother of two, diagnosed with sarcoidosis last spring, I work for Statoil Fuel."))
        .containsEntry(Attribute.AGE, "41").containsEntry(Attribute.GENDER, "female")
        .containsEntry(Attribute.DIAGNOSIS, "sarcoidosis").containsEntry(Attribute.EMPLOYER, "statoil fuel");
    assertThat(combo("I was born in 1987, zip code 02139, I'm a man and I have Crohn's disease."))
        .containsEntry(Attribute.BIRTH_YEAR, "1987").containsEntry(Attribute.POSTCODE, "02139")
        .containsEntry(Attribute.GENDER, "male").containsEntry(Attribute.DIAGNOSIS, "crohns disease");
    assertThat(combo("Ship it to Cambridge, MA 02139-4307 please")).containsEntry(Attribute.POSTCODE, "02139");
    assertThat(combo("I moved to San Francisco in May")).containsEntry(Attribute.CITY, "san francisco");
  }

  @Test
  void differentPhrasingsOfOneFactGiveOneValue() {
    assertThat(combo("I am 52 years old")).isEqualTo(combo("I'm 52, by the way"));
    assertThat(combo("I suffer from haemophilia")).isEqualTo(combo("I was diagnosed with hemophilia"));
  }

  @Test
  void ignoresLookAlikes() {
    assertThat(combo("I'm 5 minutes late, the meeting is at 10. I'm 100% sure. My sister lives in Madrid.")).isEmpty();
    assertThat(combo("Our office was built in 1987 and my daughter was born in 2016.")).isEmpty();
    assertThat(combo("I work at home on Mondays; I'm in Paris for a conference.")).isEmpty();
    assertThat(combo("The <PRIVATE_PERSON> lives at <PRIVATE_ADDRESS>.")).isEmpty();
  }

  @Test
  void offsetsPointAtTheValue() {
    String text = "Then I work at Acme Rockets Ltd and love it";
    QuasiIdentifiers.Mention m = QuasiIdentifiers.extract(text).get(0);
    assertThat(text.substring(m.start(), m.end())).isEqualTo("Acme Rockets Ltd");
  }
}
