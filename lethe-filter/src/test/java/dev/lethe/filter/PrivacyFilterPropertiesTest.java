package dev.lethe.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.mask.Redaction;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the whole filter on texts mixing PII with arbitrary, hostile characters. */
class PrivacyFilterPropertiesTest {
  private static final PrivacyFilter RECALL = PrivacyFilter.builder().operatingPoint(OperatingPoint.RECALL).build();
  private static final PrivacyFilter FILTER = PrivacyFilter.builder().build();

  private static final List<String> PII = List.of("jane.doe@gmail.com", "+44 20 7946 0958", "(919) 555-0148",
      "4539 1488 0343 6467", "DE89 3704 0044 0532 0130 00", "512-44-7810", "github.com/anaruiz", "@ana_ruiz",
      "March 3, 2024", "14.08.1949", "Member ID: XOF882104557", "jane dot doe at gmail dot com",
      "my SSN is 512-44-7810", "Dear Ana Ruiz,", "4417 Larkspur Ln, Raleigh, NC 27606");

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> noise = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30),
        Arbitraries.strings().withChars(" \n\t.,:;@+-()/<>[]\"'#0123456789aZ\u00a0\u2013").ofMaxLength(20),
        Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(3), // lone surrogates
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(3), // control characters
        Arbitraries.of("👋", "日本語", "Ωμέγα", "مرحبا", "\r\n"),
        // fragments of hosts, handles and numbers glued together: "www.com", "http://@.io/~0"
        Arbitraries.of("www.", "www", "com", "io", ".", "http", "://", "@", "/", "~", "?", "-", "Ana", "0", "+44")
            .list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts)));
    Arbitrary<String> piece = Arbitraries.oneOf(noise, Arbitraries.of(PII));
    return piece.list().ofMaxSize(8).map(parts -> String.join(" ", parts));
  }

  @Property(tries = 400)
  void spansLieInsideTheTextSortedAndDisjoint(@ForAll("texts") String text) {
    List<Span> spans = RECALL.detect(text);
    int at = 0;
    for (Span s : spans) {
      assertThat(s.start()).isGreaterThanOrEqualTo(at);
      assertThat(s.end()).isLessThanOrEqualTo(text.length());
      at = s.end();
    }
  }

  @Property(tries = 400)
  void redactingRedactedTextChangesNothing(@ForAll("texts") String text) {
    Redaction once = FILTER.redact(text);
    Redaction twice = FILTER.redact(once.text());
    assertThat(twice.text()).isEqualTo(once.text());
  }

  @Property(tries = 200)
  void everyPlantedValueIsMasked(@ForAll("texts") String prefix) {
    String text = prefix + " write to planted.value@gmail.com or call +44 20 7946 0123.";
    String out = FILTER.redact(text).text();
    assertThat(out).doesNotContain("planted.value@gmail.com").doesNotContain("7946 0123");
  }
}
