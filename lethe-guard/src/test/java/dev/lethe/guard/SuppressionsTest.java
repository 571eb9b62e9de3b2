package dev.lethe.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.filter.Label;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** "Remove my data from outputs" entries are found however the model spells them. */
class SuppressionsTest {
  static final Guard GUARD = Guard.builder()
      .policy(GuardPolicy.builder().labels(java.util.EnumSet.of(Label.SECRET)).build()) // only the list acts
      .suppressions(Suppressions.of(List.of("José María Ruiz", "ana.ruiz@gmail.com", "+1 919 555 0148",
          "Siobhan O'Brien"), "US"))
      .build();

  @ParameterizedTest
  @ValueSource(strings = {"José María Ruiz", "jose maria ruiz", "JOSÉ MARÍA RUIZ", "José  María\nRuiz",
      "José-María Ruiz", "Jose Maria Ruiz", "Ｊｏｓé Ｍａｒíａ Ｒｕｉｚ", "José\u200b María Ruiz", "Jose\u0301 Mari\u0301a Ruiz",
      "Ruiz, José María", "RUIZ José María", "JoséMaríaRuiz", "José.María.Ruiz", "Јоѕе María Ruiz",
      "ana.ruiz@gmail.com", "Ana.Ruiz@GMAIL.com", "ana dot ruiz at gmail dot com", "ana.ruiz [at] gmail.com",
      "ana ruiz (at) gmail (dot) com", "ana_ruiz@gmail.com",
      "+1 919 555 0148", "(919) 555-0148", "919.555.0148", "+1-919-555-0148", "9195550148", "001 919 555 0148",
      "Siobhan O'Brien", "Siobhan O’Brien", "siobhan obrien", "SIOBHAN O BRIEN", "Siobhán O'Brien"})
  void findsEverySpellingWhole(String spelling) {
    String answer = "The record says " + spelling + ", nothing else.";
    GuardResult r = GUARD.check(answer);
    assertThat(r.findings()).hasSize(1);
    Finding f = r.findings().get(0);
    assertThat(answer.substring(f.start(), f.end())).isEqualTo(spelling);
    assertThat(f.suppressed()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"María Ruiz", "José Ruiz", "Josémaría Ruizes", "919 555 0149", "anaruiz@gmail.comx",
      "the Brien family", "Siobhan"})
  void leavesOtherText(String text) {
    assertThat(GUARD.check("The record says " + text + ", nothing else.").findings()).isEmpty();
  }

  @Test
  void labelsEachEntryAsTheFilterReadsIt() {
    GuardResult r = GUARD.check("Write to ana.ruiz@gmail.com or call (919) 555-0148, says José María Ruiz.");
    assertThat(r.findings()).extracting(Finding::label)
        .containsExactly(Label.PRIVATE_EMAIL, Label.PRIVATE_PHONE, Label.PRIVATE_PERSON);
    assertThat(r.text()).isEqualTo("Write to <PRIVATE_EMAIL> or call <PRIVATE_PHONE>, says <PRIVATE_PERSON>.");
  }

  @Test
  void refusesEntriesTooShortToMatchSafely() {
    assertThatThrownBy(() -> Suppressions.of(List.of("Ana Ruiz", "A.", "  "), "US"))
        .hasMessage("suppression entry 1 needs at least three letters or digits");
  }
}
