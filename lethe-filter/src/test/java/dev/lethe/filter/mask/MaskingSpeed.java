package dev.lethe.filter.mask;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rough speed figure per masking style, for one document with one span of every label, and for sealing
 * and opening a vault. Not a test and not a JMH benchmark; run it on a quiet machine:
 *
 * <pre>
 * mvn -B -o -q -pl lethe-filter test-compile &amp;&amp; M=~/.m2/repository &amp;&amp; java -cp lethe-filter/target/classes:\
 * lethe-filter/target/test-classes:$M/net/datafaker/datafaker/2.7.0/datafaker-2.7.0.jar:\
 * $M/com/googlecode/libphonenumber/libphonenumber/9.0.43/libphonenumber-9.0.43.jar:\
 * $M/org/yaml/snakeyaml/2.6/snakeyaml-2.6.jar:$M/com/github/curious-odd-man/rgxgen/3.1/rgxgen-3.1.jar \
 * dev.lethe.filter.mask.MaskingSpeed
 * </pre>
 */
public final class MaskingSpeed {
  private static final String[][] VALUES = {{"private_person", "Ana Ruiz"}, {"private_email", "ana.ruiz84@gmail.com"},
      {"private_phone", "(415) 555-2671"}, {"private_address", "123 Main St, Springfield, IL 62704"},
      {"private_date", "March 14, 1990"}, {"private_url", "https://www.linkedin.com/in/ana-ruiz-4b2"},
      {"account_number", "4111 1111 1111 1111"}, {"secret", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"}};

  private MaskingSpeed() {}

  public static void main(String[] args) {
    StringBuilder text = new StringBuilder("Dear team, ");
    List<Span> spans = new ArrayList<>();
    for (String[] v : VALUES) {
      text.append("value: ");
      spans.add(Span.of(Label.fromId(v[0]), text.length(), text.length() + v[1].length(), 1, "speed"));
      text.append(v[1]).append(". ");
    }
    String doc = text.toString();
    MaskKey key = MaskKey.of(new byte[32]);
    for (MaskStyle style : MaskStyle.values()) {
      Masker m = Maskers.create(style, key);
      double us = microsPerCall(() -> m.mask(doc, spans), 3);
      System.out.printf(Locale.ROOT, "%-12s %8.1f us/doc  %6.1f us/span  %9.0f docs/s%n", style.id(), us,
          us / spans.size(), 1e6 / us);
    }
    SurrogateMasker surrogates = new SurrogateMasker(key, "US");
    for (String[] v : VALUES) {
      Label label = Label.fromId(v[0]);
      System.out.printf(Locale.ROOT, "  surrogate %-16s %6.1f us/span%n", v[0],
          microsPerCall(() -> surrogates.surrogate(label, null, v[1]), 1));
    }
    ReversibleMasker reversible = Maskers.reversible(key);
    Vault vault = reversible.mask(doc, spans).vault();
    System.out.printf(Locale.ROOT, "seal + open of an %d-entry vault: %.1f us%n", vault.size(),
        microsPerCall(() -> reversible.open(reversible.seal(vault)), 2));
  }

  private static double microsPerCall(Runnable call, int seconds) {
    for (int i = 0; i < 5000; i++) {
      call.run();
    }
    long start = System.nanoTime();
    long calls = 0;
    while (System.nanoTime() - start < seconds * 1_000_000_000L) {
      for (int i = 0; i < 100; i++) {
        call.run();
      }
      calls += 100;
    }
    return (System.nanoTime() - start) / 1e3 / calls;
  }
}
