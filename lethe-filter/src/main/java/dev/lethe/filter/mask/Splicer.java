package dev.lethe.filter.mask;

import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Builds a {@link Redaction} by replacing each span with the string a style chooses for it. */
final class Splicer {
  private Splicer() {}

  static Redaction splice(String text, List<Span> spans, Function<Span, String> replacementOf) {
    StringBuilder out = new StringBuilder(text.length());
    List<Replacement> replacements = new ArrayList<>(spans.size());
    int at = 0;
    for (Span s : spans) {
      if (s.start() < at || s.end() > text.length()) {
        throw new IllegalArgumentException("spans must be sorted, disjoint and inside the text: " + s);
      }
      String r = replacementOf.apply(s);
      out.append(text, at, s.start()).append(r);
      replacements.add(new Replacement(s, r));
      at = s.end();
    }
    out.append(text, at, text.length());
    return new Redaction(out.toString(), replacements);
  }
}
