package dev.lethe.filter.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lethe.filter.Span;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Tagging sums each word's own features through a per-word cache; training sums every feature one by
 * one. Both must give the same emission scores, or the model would tag with other numbers than it was
 * trained with.
 */
class CachedEmissionsTest {
  private static final CrfModel MODEL = Tagger.bundledModel();

  private static void assertSame(String text) {
    List<Span> priors = Tagger.priors(text, List.of());
    Tokens t = Tagger.tokens(text, 0, text.length(), priors);
    float[] full = MODEL.emissions(Features.of(t, MODEL.lexicon(), priors));
    float[] cached = MODEL.emissions(Features.contextual(t, MODEL.lexicon(), priors));
    assertThat(cached).hasSameSizeAs(full);
    for (int i = 0; i < full.length; i++) {
      assertThat(cached[i]).as("emission %d of %s", i, text).isCloseTo(full[i], org.assertj.core.data.Offset.offset(1e-3f));
    }
  }

  @Test
  void sameScoresOnRealisticText() {
    assumeTrue(MODEL != null, "no bundled model");
    assertSame("Hi Gary, the sink at 4417 Larkspur Ln, Apt 2C, Raleigh, NC 27606 leaks since March 3.\n- Dana");
    assertSame("Name: Rohan Deshmukh\nAadhaar: 5353 8614 0837\nemail <PRIVATE_EMAIL_2> x");
    assertSame("a");
    assertSame("RT @user : Nadal broke Djokovic 's serve ! Nadal http://t.co/x");
  }

  @Property(tries = 200)
  void sameScoresOnAnyText(@ForAll @StringLength(max = 120) String text) {
    assumeTrue(MODEL != null);
    assumeTrue(Tokens.of(text).size() > 0);
    assertSame(text + " Ana Ruiz " + text);
  }
}
