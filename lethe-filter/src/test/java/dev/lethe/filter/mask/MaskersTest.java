package dev.lethe.filter.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskersTest {
  private static final String TEXT = "Mail ana@acme.com";
  private static final List<Span> SPANS = Spans.in(TEXT, Label.PRIVATE_EMAIL, "ana@acme.com");

  @Test
  void createsAMaskerForEveryStyle() {
    MaskKey key = MaskKey.of(MaskKeyTest.RAW);
    assertThat(Maskers.create(MaskStyle.PLACEHOLDER, null).mask(TEXT, SPANS).text()).isEqualTo("Mail <PRIVATE_EMAIL>");
    assertThat(Maskers.create(MaskStyle.NUMBERED, null).mask(TEXT, SPANS).text()).isEqualTo("Mail <PRIVATE_EMAIL_1>");
    assertThat(Maskers.create(MaskStyle.REDACT, null).mask(TEXT, SPANS).text()).isEqualTo("Mail <REDACTED>");
    assertThat(Maskers.create(MaskStyle.HASH, key).mask(TEXT, SPANS).text()).matches("Mail <PRIVATE_EMAIL:[0-9a-f]{12}>");
    assertThat(Maskers.create(MaskStyle.SURROGATE, key).mask(TEXT, SPANS).text()).matches("Mail [a-z]+@[a-z]+\\.example");
    Redaction reversible = Maskers.create(MaskStyle.REVERSIBLE, key).mask(TEXT, SPANS);
    assertThat(reversible.text()).isEqualTo("Mail <PRIVATE_EMAIL_1>");
    assertThat(Maskers.reversible(key).restore(reversible.text(), reversible.vault())).isEqualTo(TEXT);
  }

  @Test
  void keyedStylesWithoutAKeyTakeItFromTheEnvironment() {
    String key = System.getenv(MaskKey.KEY_VARIABLE);
    String mode = System.getenv(MaskKey.MODE_VARIABLE);
    org.junit.jupiter.api.Assumptions.assumeTrue(key == null && (mode == null || mode.equals("development")),
        "needs an environment without LETHE_MASK_KEY, in development mode");
    assertThat(Maskers.create(MaskStyle.HASH, null).mask(TEXT, SPANS).text())
        .isEqualTo(Maskers.create(MaskStyle.HASH, MaskKey.development()).mask(TEXT, SPANS).text());
  }
}
