package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.detect.DateContext.Cue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cues the personal-context scorer reads around a date (marked with [ ]) and the score they give. */
class DateContextTest {

  private static DateContext of(String marked) {
    int start = marked.indexOf('[');
    int end = marked.indexOf(']') - 1;
    return DateContext.of(marked.replace("[", "").replace("]", ""), start, end);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "DOB: [07/22/1986]|STRONG|false|0.9",
      "Mein Termin ist am [3. Mai]|STRONG|true|0.9",
      "We signed the contract on [April 8, 2023]|EVENT|true|0.85",
      "Rent was due on [1 September]|EVENT|false|0.7",
      "The armistice was signed on [11 November 1918]|EVENT|false|0.3",
      "Can you and Ellie come for lunch on [Sunday the 23rd]?|EVENT|true|0.85",
      "leaking since [March 3]|EVENT|false|0.7",
      "It happened on [March 3]|NONE|false|0.55",
      "I think it was [March 3]|NONE|true|0.7",
      "Django 5.0 was released on [December 4, 2023]|PUBLIC|false|0.3",
      "Is Thanksgiving on [November 27] this year?|PUBLIC|false|0.3",
      "We always watch the fireworks on the [4th of July]|PUBLIC|true|0.3",
      "The president announced the plan on [March 3]|NEWS|false|0.3",
      "My brother was injured in the crash on [May 3]|NEWS|true|0.7",
      "He moved. The election is on [May 3]|NEWS|false|0.3",
      "D.O.B. [12/03/1990]|STRONG|false|0.9",
      "I’m off on [May 3]|NONE|true|0.7",
      "Grandma passed away on [2 May]|EVENT|true|0.85",
      "The parcel was delivered on [2 May]|EVENT|false|0.7",
      "© [2023] Fenwick Systems|PUBLIC|false|0.3",
      "level=info user=4411 dob=[1990-07-15]|STRONG|false|0.9",
      "birth_date=[1990-07-15]|STRONG|false|0.9",
  })
  void readsTheCuesOfTheClause(String marked, Cue nearest, boolean firstPerson, double score) {
    DateContext c = of(marked);
    assertThat(c.nearest()).isEqualTo(nearest);
    assertThat(c.firstPerson()).isEqualTo(firstPerson);
    assertThat(c.score()).isEqualTo(score);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2024-05-14 09:12:31 WARN|true|false",
      "GET /api/sales?from=2024-01-01|true|false",
      "Lincoln was shot on April 14, 1865|false|true",
  })
  void machineDatesAndHistoricYearsAreNotPersonal(String text, boolean machine, boolean historic) {
    int start = text.indexOf(machine ? "2024" : "April");
    int end = machine ? start + 10 : text.length();
    DateContext c = DateContext.of(text, start, end);
    assertThat(c.machine()).isEqualTo(machine);
    assertThat(c.historicYear()).isEqualTo(historic);
    assertThat(c.score()).isLessThan(0.5);
    assertThat(c.personal()).isFalse();
  }
}
