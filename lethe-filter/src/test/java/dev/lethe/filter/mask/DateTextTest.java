package dev.lethe.filter.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.time.api.Dates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DateTextTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "03/14/1990 | 1990-03-14", "3/4/1990 | 1990-03-04", "14.03.1990 | 1990-03-14", "1990-03-14 | 1990-03-14",
      "14/03/90 | 1990-03-14", "03-14-2024 | 2024-03-14", "March 14, 1990 | 1990-03-14",
      "March 14th, 1990 | 1990-03-14", "Mar 14, 1990 | 1990-03-14", "14 March 1990 | 1990-03-14",
      "14 mar 1990 | 1990-03-14", "Wednesday, March 14, 1990 | 1990-03-14", "14. März 1990 | 1990-03-14",
      "14 de marzo de 1990 | 1990-03-14", "14 mars 1990 | 1990-03-14", "14-Mar-1990 | 1990-03-14",
      "MARCH 14, 1990 | 1990-03-14", "March 1990 | 1990-03", "03/1990 | 1990-03", "March 14 | --03-14",
      "14th of March | --03-14", "29 February | --02-29", "March | MARCH", "Wednesday | WEDNESDAY"})
  void recognisesCommonFormats(String text, String iso) {
    DateText d = DateText.parse(text, true);
    assertThat(d).as(text).isNotNull();
    assertThat(d.iso()).isEqualTo(iso);
  }

  @Test
  void readsAmbiguousNumericDatesInTheRegionsOrderAndUnambiguousOnesEitherWay() {
    assertThat(DateText.parse("04/03/1990", true).iso()).isEqualTo("1990-04-03");
    assertThat(DateText.parse("04/03/1990", false).iso()).isEqualTo("1990-03-04");
    assertThat(DateText.parse("25/12/1990", true).iso()).isEqualTo("1990-12-25");
    assertThat(DateText.parse("12/25/1990", false).iso()).isEqualTo("1990-12-25");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"30/02/1990", "13/13/1990", "yesterday", "Tuesday, March 14, 1990",
      "2024", "1234-56-78", "March 32", "call me", "' 03/14/1990'"})
  void rejectsWhatIsNoDateOrNotExactlyAFormat(String text) {
    assertThat(DateText.parse(text, true)).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
      "03/14/1990 # \\d\\d/\\d\\d/\\d{4}", "3/4/1990 # \\d{1,2}/\\d{1,2}/\\d{4}", "1990-03-14 # \\d{4}-\\d\\d-\\d\\d",
      "14.03.90 # \\d\\d\\.\\d\\d\\.\\d\\d", "March 14th, 1990 # [A-Z][a-z]+ \\d{1,2}(st|nd|rd|th), \\d{4}",
      "MARCH 14, 1990 # [A-Z]+ \\d{1,2}, \\d{4}", "14. März 1990 # \\d{1,2}\\. \\p{L}+ \\d{4}",
      "14 mars 1990 # \\d{1,2} \\p{Ll}+\\.? \\d{4}", "Wednesday, March 14, 1990 # [A-Z][a-z]+day, [A-Z][a-z]+ \\d{1,2}, \\d{4}"})
  void shiftsIntoTheSameFormat(String text, String shape) {
    DateText d = DateText.parse(text, true);
    for (int seed = 0; seed < 50; seed++) {
      String moved = d.shift(new Random(seed));
      assertThat(moved).as(text).matches(shape).isNotEqualTo(text);
      DateText again = DateText.parse(moved, true);
      assertThat(again).as(moved).isNotNull();
      assertThat(again.kind()).isEqualTo(d.kind());
    }
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of("MM/dd/uuuu", "M/d/uuuu", "uuuu-MM-dd", "MMMM d, uuuu", "d MMMM uuuu", "MMM d, uuuu",
        "EEEE, MMMM d, uuuu", "dd-MMM-uuuu");
  }

  @Property(tries = 300)
  void aShiftedDateIsAnotherDateWithinHalfAYear(@ForAll("dates") LocalDate date, @ForAll("patterns") String pattern,
      @ForAll long seed) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
    DateText d = DateText.parse(f.format(date), true);
    assertThat(d).isNotNull();
    String shifted = d.shift(new Random(seed));
    // "May" is a full and a short month name at once: a May date in MMM may come back in MMMM.
    boolean may = date.getMonthValue() == 5 && !pattern.contains("MMMM") && !shifted.matches(".*\\b[A-Z][a-z]{2}\\b.*");
    LocalDate moved = LocalDate.parse(shifted,
        may ? DateTimeFormatter.ofPattern(pattern.replace("MMM", "MMMM"), Locale.ENGLISH) : f);
    assertThat(moved).isNotEqualTo(date);
    assertThat(Math.abs(ChronoUnit.DAYS.between(date, moved))).isBetween(1L, 183L);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Dates.dates().between(LocalDate.of(1901, 1, 1), LocalDate.of(2099, 12, 31));
  }
}
