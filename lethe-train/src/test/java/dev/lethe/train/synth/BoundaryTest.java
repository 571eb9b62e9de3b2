package dev.lethe.train.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.io.LabeledText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact span boundaries of known layouts, rendered through the generator with fixed seeds. */
class BoundaryTest {
  private final SyntheticCorpus corpus = new SyntheticCorpus(99);

  private static List<String> values(LabeledText doc, Label label) {
    return doc.spans().stream().filter(g -> g.label() == label).map(g -> g.textIn(doc.text())).toList();
  }

  @Test
  void titlesStayOutsideNames() {
    for (int i = 0; i < 40; i++) {
      LabeledText doc = corpus.renderTemplate("Dear ⟦p1.formal⟧,\nregards, ⟦p2.titled⟧", "en", "GB", i).doc();
      assertThat(doc.spans()).hasSize(2);
      LabeledText.Gold first = doc.spans().get(0);
      String before = doc.text().substring("Dear ".length(), first.start());
      assertThat(before).matches("(Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Dr\\.?|Prof\\.|Professor|Judge|Rev\\.|Coach|Officer"
          + "|Detective|PC|Sgt\\.|Capt\\.) ");
      assertThat(doc.text().substring(first.end())).startsWith(",\nregards, ");
    }
  }

  @Test
  void germanFormsOfAddressStayOutside() {
    for (int i = 0; i < 20; i++) {
      LabeledText doc = corpus.renderTemplate("Termin bei ⟦p1.formal⟧", "de", "DE", i).doc();
      String name = values(doc, Label.PRIVATE_PERSON).get(0);
      assertThat(doc.text()).endsWith(" " + name);
      assertThat(doc.text().substring("Termin bei ".length(), doc.text().length() - name.length()))
          .isIn("Herr ", "Frau ", "Dr. ", "Prof. Dr. ", "Dr. med. ");
    }
  }

  @Test
  void possessiveIsOutsideTheName() {
    LabeledText doc = corpus.renderTemplate("It is ⟦p1.poss⟧ birthday.", "en", "US", 3).doc();
    String name = values(doc, Label.PRIVATE_PERSON).get(0);
    assertThat(doc.text()).matches("It is \\Q" + name + "\\E['’]s birthday\\.");
  }

  @Test
  void quotesStayOutsideValues() {
    LabeledText doc = corpus.renderTemplate("{\"name\": \"⟦p1⟧\", \"email\": \"⟦p1.email⟧\", \"dob\": \"⟦isodate:birth⟧\"}",
        "en", "US", 5).doc();
    assertThat(doc.spans()).extracting(LabeledText.Gold::label)
        .containsExactly(Label.PRIVATE_PERSON, Label.PRIVATE_EMAIL, Label.PRIVATE_DATE);
    for (LabeledText.Gold g : doc.spans()) {
      assertThat(doc.text().charAt(g.start() - 1)).isEqualTo('"');
      assertThat(doc.text().charAt(g.end())).isEqualTo('"');
    }
    assertThat(values(doc, Label.PRIVATE_DATE).get(0)).matches("\\d{4}-\\d{2}-\\d{2}");
  }

  @Test
  void multiLineAddressIsOneSpanAndCareOfNameIsSeparate() {
    for (String country : Addresses.COUNTRIES) {
      LabeledText doc = corpus.renderTemplate("Please forward to:\n⟦a1.co⟧\nThanks", "en", country, 1).doc();
      assertThat(doc.spans()).extracting(LabeledText.Gold::label)
          .containsExactly(Label.PRIVATE_PERSON, Label.PRIVATE_ADDRESS);
      String address = values(doc, Label.PRIVATE_ADDRESS).get(0);
      assertThat(address).as(country).contains("\n").doesNotContain("c/o").doesNotContain("C/O");
      assertThat(doc.text()).as(country).matches("(?s)Please forward to:\n[cC]/[oO] \\Q"
          + values(doc, Label.PRIVATE_PERSON).get(0) + "\\E\n\\Q" + address + "\\E\nThanks");
    }
  }

  @Test
  void formAddressFieldsAreSeparateSpansAndCountryIsNot() {
    LabeledText doc = corpus.renderTemplate(
        "Street: ⟦a1.f.line1⟧\nCity: ⟦a1.f.city⟧\nPostcode: ⟦a1.f.postcode⟧\nCountry: ⟦a1.f.country⟧", "en", "DE", 8)
        .doc();
    assertThat(values(doc, Label.PRIVATE_ADDRESS)).hasSize(3);
    assertThat(values(doc, Label.PRIVATE_ADDRESS).get(2)).matches("\\d{5}");
    assertThat(doc.text()).matches("(?s).*Country: (Deutschland|Germany)");
  }

  @Test
  void publicFiguresAreIgnoreRegionsAndCompaniesAreUnlabelled() {
    LabeledText doc = corpus.renderTemplate("⟦public⟧ met ⟦p1⟧ at ⟦company⟧.", "en", "US", 2).doc();
    assertThat(doc.ignore()).hasSize(1);
    assertThat(doc.ignore().get(0).start()).isZero();
    assertThat(doc.spans()).hasSize(1);
    assertThat(doc.spans().get(0).label()).isEqualTo(Label.PRIVATE_PERSON);
  }

  @Test
  void connectionStringMarksOnlyThePassword() {
    LabeledText doc = corpus.renderTemplate("DATABASE_URL=⟦conn:orders_svc⟧", "en", "US", 4).doc();
    assertThat(doc.spans()).singleElement().extracting(LabeledText.Gold::label).isEqualTo(Label.SECRET);
    LabeledText.Gold g = doc.spans().get(0);
    assertThat(doc.text().charAt(g.start() - 1)).isEqualTo(':');
    assertThat(doc.text().charAt(g.end())).isEqualTo('@');
  }

  @Test
  void sameMonthRangeIsOneSpanOtherwiseTwo() {
    boolean sawOne = false;
    boolean sawTwo = false;
    for (int i = 0; i < 60; i++) {
      LabeledText doc = corpus.renderTemplate("Stay: ⟦daterange⟧.", "en", "US", i).doc();
      List<String> dates = values(doc, Label.PRIVATE_DATE);
      assertThat(dates).hasSizeBetween(1, 2);
      if (dates.size() == 1) {
        sawOne = true;
        assertThat(dates.get(0)).matches("[A-Z][a-z]+ \\d{1,2}(st|nd|rd|th)?[–-]\\d{1,2}(st|nd|rd|th)?");
      } else {
        sawTwo = true;
      }
    }
    assertThat(sawOne).isTrue();
    assertThat(sawTwo).isTrue();
  }
}
