package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionDetectorTest {
  private final SuppressionDetector d = new SuppressionDetector(List.of(
      new SuppressionDetector.Entry("Ana Ruiz", Label.PRIVATE_PERSON),
      new SuppressionDetector.Entry("Ana Ruiz-Vidal", Label.PRIVATE_PERSON)));

  @Test
  void matchesIgnoringCaseAndSpacing() {
    assertThat(Found.texts(d, "Ana Ruiz, ana  ruiz, ANA\nRUIZ and AnaRuiz all wrote"))
        .containsExactly("Ana Ruiz", "ana  ruiz", "ANA\nRUIZ", "AnaRuiz");
  }

  @Test
  void prefersTheLongestEntryAndRespectsWordBoundaries() {
    assertThat(Found.texts(d, "Ana Ruiz-Vidal and Banana Ruiz")).containsExactly("Ana Ruiz-Vidal");
  }

  @Test
  void tooShortEntriesAreRefused() {
    assertThatThrownBy(() -> new SuppressionDetector.Entry(" a b ", Label.PRIVATE_PERSON))
        .hasMessageContaining("at least 3");
  }

  @Test
  void theFilterLabelsEntriesByWhatTheyAre() {
    PrivacyFilter f = PrivacyFilter.builder().operatingPoint(OperatingPoint.PRECISION)
        .suppress(List.of("Ana Ruiz", "ana.ruiz@gmail.com", "Lumen Bakery")).build();
    List<Span> spans = f.detect("Ask ANA RUIZ (ana.ruiz@gmail.com) at lumen bakery.");
    assertThat(spans).extracting(Span::label)
        .containsExactly(Label.PRIVATE_PERSON, Label.PRIVATE_EMAIL, Label.PRIVATE_PERSON);
    assertThat(f.redact("lumenbakery rocks").text()).isEqualTo("<PRIVATE_PERSON> rocks");
  }
}
