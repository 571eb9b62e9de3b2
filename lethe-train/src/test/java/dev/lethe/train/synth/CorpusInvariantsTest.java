package dev.lethe.train.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.LabeledText;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Structural invariants every generated document keeps, checked over many seeds and document indexes. */
class CorpusInvariantsTest {
  /** One corpus reused across tries: jqwik runs a property's tries on one thread. */
  private static final SyntheticCorpus CORPUS = new SyntheticCorpus(20240611L);

  /** Titles and forms of address that must stay outside a name span ("M." is left out: it is also an initial). */
  private static final Pattern TITLE_INSIDE = Pattern.compile(
      "(?i)^(mr|mrs|ms|miss|mx|dr|prof|herr|frau|mme|mlle|sr|sra|srta|sig|dott|avv|dhr|mevr)\\.?\\s.*");

  @Property(tries = 400)
  void documentsAreWellFormed(@ForAll @IntRange(min = 0, max = 5_000_000) int index) {
    assertWellFormed(CORPUS.document(index).doc());
  }

  @Property(tries = 25)
  void everySeedGivesWellFormedDocuments(@ForAll long seed) {
    for (SyntheticDoc d : SyntheticCorpus.documents(seed, 40)) {
      assertWellFormed(d.doc());
    }
  }

  @Property(tries = 200)
  void jsonRoundTripKeepsEverySpan(@ForAll @IntRange(min = 0, max = 5_000_000) int index) {
    LabeledText doc = CORPUS.document(index).doc();
    LabeledText back = Jsonl.parse(Jsonl.toJson(doc));
    assertThat(back).isEqualTo(doc);
  }

  static void assertWellFormed(LabeledText doc) {
    String text = doc.text();
    assertThat(text).as(doc.id()).isNotBlank().isEqualTo(text.strip());
    assertThat(doc.source()).isEqualTo(SyntheticCorpus.SOURCE);
    int previousEnd = 0;
    for (LabeledText.Gold g : doc.spans()) {
      String where = doc.id() + " " + g + " in\n" + text;
      assertThat(g.start()).as(where).isGreaterThanOrEqualTo(previousEnd);
      assertThat(g.end()).as(where).isGreaterThan(g.start()).isLessThanOrEqualTo(text.length());
      String value = g.textIn(text);
      assertThat(value).as(where).isEqualTo(value.strip());
      assertThat(Character.isLowSurrogate(text.charAt(g.start()))).as(where).isFalse();
      assertThat(g.label()).isIn((Object[]) Label.values());
      assertThat(value.charAt(0)).as(where).isNotIn('"', '“', '«', '[', '<', ',');
      assertThat(value.charAt(value.length() - 1)).as(where).isNotIn('"', '”', '»', ']', '>', ',', ';');
      if (g.label() != Label.PRIVATE_PHONE && g.label() != Label.PRIVATE_ADDRESS) {
        // a phone may open with its area code in brackets, an address close with a province in brackets
        assertThat(value).as(where).doesNotStartWith("(").doesNotEndWith(")");
      }
      if (g.label() == Label.PRIVATE_PERSON) {
        assertThat(value).as(where).doesNotMatch(TITLE_INSIDE).doesNotEndWith("'s").doesNotEndWith("’s");
      }
      previousEnd = g.end();
    }
    int previousIgnore = 0;
    for (LabeledText.Region r : doc.ignore()) {
      assertThat(r.start()).as(doc.id()).isGreaterThanOrEqualTo(previousIgnore);
      assertThat(r.end()).as(doc.id()).isGreaterThan(r.start()).isLessThanOrEqualTo(text.length());
      for (LabeledText.Gold g : doc.spans()) {
        assertThat(g.end() <= r.start() || g.start() >= r.end()).as(doc.id() + " ignore overlaps " + g).isTrue();
      }
      previousIgnore = r.end();
    }
  }

  @Property(tries = 20)
  void idsAreUniqueWithinACorpus(@ForAll long seed) {
    List<String> ids = SyntheticCorpus.generate(seed, 60).stream().map(LabeledText::id).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }
}
