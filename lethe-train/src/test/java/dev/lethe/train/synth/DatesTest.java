package dev.lethe.train.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.io.LabeledText;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The personal-date formats and the date look-alikes of the generator, rendered with fixed seeds. */
class DatesTest {
  private final SyntheticCorpus corpus = new SyntheticCorpus(7);

  private static List<String> dates(LabeledText doc) {
    return doc.spans().stream().filter(g -> g.label() == Label.PRIVATE_DATE).map(g -> g.textIn(doc.text())).toList();
  }

  /** Whether {@code s} names a weekday of {@code lang}, in full or abbreviated, in any case. */
  private static boolean hasWeekday(String s, String lang) {
    Locale loc = lang.equals("pt") ? Locale.forLanguageTag("pt-BR") : Locale.forLanguageTag(lang);
    String lower = s.toLowerCase(loc);
    return Arrays.stream(DayOfWeek.values()).anyMatch(d -> lower.contains(d.getDisplayName(TextStyle.FULL, loc)
        .toLowerCase(loc)) || lower.contains(d.getDisplayName(TextStyle.SHORT, loc).toLowerCase(loc).replace(".", "")));
  }

  @Test
  void theStaysOutsideAnOrdinalDate() {
    for (int i = 0; i < 40; i++) {
      LabeledText doc = corpus.renderTemplate("I'll be back ⟦theord⟧.", "en", "GB", i).doc();
      String date = dates(doc).get(0);
      assertThat(date).matches("\\d{1,2}(st|nd|rd|th) of [A-Z][a-z]+( \\d{4})?");
      assertThat(doc.text()).isEqualTo("I'll be back the " + date + ".");
    }
  }

  @Test
  void weekdayDatesCarryTheirWeekdayInSevenLanguages() {
    Map<String, String> countries = Map.of("en", "US", "de", "DE", "fr", "FR", "es", "ES", "it", "IT", "pt", "BR",
        "nl", "NL");
    countries.forEach((lang, country) -> {
      for (int i = 0; i < 30; i++) {
        LabeledText doc = corpus.renderTemplate("on ⟦date:wd⟧ at noon", lang, country, i).doc();
        String date = dates(doc).get(0);
        assertThat(hasWeekday(date, lang)).as(lang + ": " + date).isTrue();
        assertThat(date).as(lang).matches(".*\\d.*").doesNotEndWith(" ").doesNotStartWith(" ");
        assertThat(doc.text()).isEqualTo("on " + date + " at noon");
      }
    });
  }

  @Test
  void aWeekdayRangeIsTwoSpansWithTheWordBetweenOutside() {
    for (String country : List.of("US", "GB")) {
      for (int i = 0; i < 30; i++) {
        LabeledText doc = corpus.renderTemplate("I'm off ⟦daterange:wd⟧.", "en", country, i).doc();
        List<String> both = dates(doc);
        assertThat(both).hasSize(2).allMatch(d -> hasWeekday(d, "en"));
        String between = doc.text().substring(doc.spans().get(0).end(), doc.spans().get(1).start());
        assertThat(between).isIn(" through ", " thru ", " to ", " – ", " until ", " - ");
      }
    }
  }

  @Test
  void lookAlikesAreNeverSpans() {
    Map<String, String> shapes = Map.of(
        "⟦fraction⟧", "(\\d )?\\d/\\d",
        "⟦expiry⟧", "(0[1-9]|1[0-2])/(\\d\\d|20\\d\\d)",
        "⟦rating⟧", "\\d+(\\.5)?( / |/)(5|10)",
        "⟦score⟧", "\\d[-–:]\\d",
        "⟦shortversion⟧", "v?\\d+\\.\\d+(\\.\\d+)?");
    shapes.forEach((slot, shape) -> {
      for (int i = 0; i < 40; i++) {
        LabeledText doc = corpus.renderTemplate("x " + slot + " y", "en", "US", i).doc();
        assertThat(doc.spans()).as(slot).isEmpty();
        assertThat(doc.text().substring(2, doc.text().length() - 2)).as(slot).matches(shape);
      }
    });
  }
}
