package dev.lethe.filter.mask;

import static dev.lethe.filter.Label.ACCOUNT_NUMBER;
import static dev.lethe.filter.Label.PRIVATE_EMAIL;
import static dev.lethe.filter.Label.PRIVATE_PERSON;
import static dev.lethe.filter.Label.PRIVATE_PHONE;
import static dev.lethe.filter.Label.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.filter.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The placeholder, numbered and redact styles. */
class OneWayStylesTest {
  private static final String TEXT = "Ana Ruiz (ana.ruiz@gmail.com) wrote to Bo Li; ANA RUIZ then called +1 415 555 2671"
      + " and later (415) 555-2671. Ana.Ruiz@Gmail.com was cc'd.";
  private static final List<Span> SPANS = Spans.in(TEXT, PRIVATE_PERSON, "Ana Ruiz", PRIVATE_EMAIL,
      "ana.ruiz@gmail.com", PRIVATE_PERSON, "Bo Li", PRIVATE_PERSON, "ANA RUIZ", PRIVATE_PHONE, "+1 415 555 2671",
      PRIVATE_PHONE, "(415) 555-2671", PRIVATE_EMAIL, "Ana.Ruiz@Gmail.com");

  @Test
  void placeholderNamesTheLabel() {
    Redaction r = Maskers.create(MaskStyle.PLACEHOLDER, null).mask(TEXT, SPANS);
    assertThat(r.text()).isEqualTo("<PRIVATE_PERSON> (<PRIVATE_EMAIL>) wrote to <PRIVATE_PERSON>; <PRIVATE_PERSON>"
        + " then called <PRIVATE_PHONE> and later <PRIVATE_PHONE>. <PRIVATE_EMAIL> was cc'd.");
    assertThat(r.vault()).isNull();
  }

  @Test
  void numberedGivesTheSameValueTheSameNumberAfterNormalisation() {
    Redaction r = Maskers.create(MaskStyle.NUMBERED, null).mask(TEXT, SPANS);
    assertThat(r.text()).isEqualTo("<PRIVATE_PERSON_1> (<PRIVATE_EMAIL_1>) wrote to <PRIVATE_PERSON_2>;"
        + " <PRIVATE_PERSON_1> then called <PRIVATE_PHONE_1> and later <PRIVATE_PHONE_1>. <PRIVATE_EMAIL_1> was"
        + " cc'd.");
    assertThat(r.replacements()).extracting(Replacement::replacement).containsExactly("<PRIVATE_PERSON_1>",
        "<PRIVATE_EMAIL_1>", "<PRIVATE_PERSON_2>", "<PRIVATE_PERSON_1>", "<PRIVATE_PHONE_1>", "<PRIVATE_PHONE_1>",
        "<PRIVATE_EMAIL_1>");
  }

  @Test
  void numberedStartsAgainInEveryText() {
    Masker m = Maskers.create(MaskStyle.NUMBERED, null);
    String text = "Bo Li";
    assertThat(m.mask(TEXT, SPANS).text()).contains("<PRIVATE_PERSON_2>");
    assertThat(m.mask(text, Spans.in(text, PRIVATE_PERSON, "Bo Li")).text()).isEqualTo("<PRIVATE_PERSON_1>");
  }

  @Test
  void numberedReadsPhonesInItsRegion() {
    String text = "020 7946 0958 or +44 20 7946 0958";
    List<Span> spans = Spans.in(text, PRIVATE_PHONE, "020 7946 0958", PRIVATE_PHONE, "+44 20 7946 0958");
    assertThat(Maskers.create(MaskStyle.NUMBERED, null, "GB").mask(text, spans).text())
        .isEqualTo("<PRIVATE_PHONE_1> or <PRIVATE_PHONE_1>");
    assertThat(Maskers.create(MaskStyle.NUMBERED, null, "US").mask(text, spans).text())
        .isEqualTo("<PRIVATE_PHONE_1> or <PRIVATE_PHONE_2>");
  }

  @Test
  void numberedSkipsNumbersThatTheTextAlreadyHoldsLiterally() {
    String text = "Template: <PRIVATE_PERSON_1> greets Ana.";
    Redaction r = Maskers.create(MaskStyle.NUMBERED, null).mask(text, Spans.in(text, PRIVATE_PERSON, "Ana"));
    assertThat(r.text()).isEqualTo("Template: <PRIVATE_PERSON_1> greets <PRIVATE_PERSON_2>.");
  }

  @Test
  void redactSaysNothingAboutTheValue() {
    String text = "key sk-live-abc, card 4111 1111 1111 1111";
    Redaction r = Maskers.create(MaskStyle.REDACT, null)
        .mask(text, Spans.in(text, SECRET, "sk-live-abc", ACCOUNT_NUMBER, "4111 1111 1111 1111"));
    assertThat(r.text()).isEqualTo("key <REDACTED>, card <REDACTED>");
  }

  @Test
  void replacementsKeepTheInputSpans() {
    Redaction r = Maskers.create(MaskStyle.REDACT, null).mask(TEXT, SPANS);
    assertThat(r.replacements()).extracting(Replacement::span).containsExactlyElementsOf(SPANS);
  }

  @Test
  void spansOutsideTheTextOrOverlappingAreRejectedClearly() {
    Masker m = Maskers.create(MaskStyle.NUMBERED, null);
    assertThatThrownBy(() -> m.mask("short", List.of(Span.of(PRIVATE_PERSON, 2, 9, 1, "t"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the text");
    assertThatThrownBy(() -> m.mask("Ana Ruiz", List.of(Span.of(PRIVATE_PERSON, 0, 5, 1, "t"),
        Span.of(PRIVATE_PERSON, 4, 8, 1, "t")))).hasMessageContaining("disjoint");
  }
}
