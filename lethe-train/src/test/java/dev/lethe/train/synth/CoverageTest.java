package dev.lethe.train.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.io.LabeledText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A 5,000-document sample contains every genre, country, name origin, label and kind of negative. */
class CoverageTest {
  private static List<SyntheticDoc> docs;
  private static CorpusSummary summary;

  @BeforeAll
  static void generate() {
    docs = SyntheticCorpus.documents(2024, 5000);
    summary = CorpusSummary.of(docs);
  }

  @Test
  void everyGenreAppears() {
    assertThat(summary.genres().keySet()).containsExactlyInAnyOrderElementsOf(SyntheticCorpus.genres());
    summary.genres().forEach((g, n) -> assertThat(n).as(g).isGreaterThan(50));
  }

  @Test
  void everyAddressCountryAppears() {
    for (String c : Addresses.COUNTRIES) {
      assertThat(summary.features().getOrDefault("addr:" + c, 0)).as(c).isGreaterThan(20);
    }
    assertThat(summary.features()).containsKeys("addr:multiline", "addr:care-of");
  }

  @Test
  void everyNameOriginAppears() {
    for (String o : Names.ORIGINS) {
      assertThat(summary.features().getOrDefault("origin:" + o, 0)).as(o).isGreaterThan(20);
    }
  }

  @Test
  void everyLabelIsWellRepresented() {
    for (Label l : Label.values()) {
      assertThat(summary.spansPerLabel().get(l)).as(l.id()).isGreaterThan(100);
    }
  }

  @Test
  void hardNegativesArePresent() {
    Map<String, Integer> f = summary.features();
    for (String neg : List.of("neg:public", "neg:company", "neg:fiction", "neg:date", "neg:holiday", "neg:historic",
        "neg:street", "neg:city", "neg:nameword", "neg:placeholder", "neg:ids", "neg:hq", "neg:support",
        "neg:releasedate", "neg:logts")) {
      assertThat(f.getOrDefault(neg, 0)).as(neg).isGreaterThan(5);
    }
    assertThat(summary.withoutSpans()).as("documents with nothing to mask").isGreaterThan(250);
    assertThat(summary.ignoreRegions()).as("public figures as ignore regions").isGreaterThan(100);
  }

  @Test
  void nameShapesAndStylesVary() {
    assertThat(summary.features()).containsKeys("name:title", "name:possessive", "name:nickname", "name:initial",
        "style:lower", "style:upper", "date:birth", "date:month_year", "date:day", "date:range");
    assertThat(summary.languages().keySet()).contains("en", "de", "fr", "es", "it", "pt", "nl");
    assertThat(summary.languages().get("en")).isLessThan(4200);
  }

  @Test
  void multiLineAddressesAreSingleSpans() {
    long multi = docs.stream().flatMap(d -> d.doc().spans().stream()
        .filter(g -> g.label() == Label.PRIVATE_ADDRESS && g.textIn(d.doc().text()).contains("\n"))).count();
    assertThat(multi).isGreaterThan(200);
    for (SyntheticDoc d : docs) {
      List<LabeledText.Gold> spans = d.doc().spans();
      for (int i = 1; i < spans.size(); i++) {
        LabeledText.Gold a = spans.get(i - 1);
        LabeledText.Gold b = spans.get(i);
        if (a.label() == Label.PRIVATE_ADDRESS && b.label() == Label.PRIVATE_ADDRESS) {
          assertThat(d.doc().text().substring(a.end(), b.start())).as(d.doc().id() + " two address spans in a row")
              .isNotEqualTo("\n");
        }
      }
    }
  }

  @Test
  void nonLatinScriptsAndSupplementaryCharactersOccur() {
    assertThat(docs.stream().map(d -> d.doc().text())
        .anyMatch(t -> t.codePoints().anyMatch(Character::isSupplementaryCodePoint))).isTrue();
    assertThat(docs.stream().flatMap(d -> d.doc().spans().stream().map(g -> g.textIn(d.doc().text())))
        .anyMatch(v -> v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)))
        .isTrue();
  }

  @Test
  void personalDateFormatsAndDateLookAlikesArePresent() {
    for (String f : List.of("date:weekday", "date:ordinal", "neg:quantity", "neg:expiry", "neg:rating", "neg:score",
        "neg:version")) {
      assertThat(summary.features().getOrDefault(f, 0)).as(f).isGreaterThan(5);
    }
    assertThat(docs.stream().filter(d -> d.genre().equals("dates")).map(SyntheticDoc::language).distinct())
        .containsExactlyInAnyOrder("en", "de", "fr", "es", "it", "pt", "nl");
  }
}
