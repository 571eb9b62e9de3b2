package dev.lethe.filter.mask;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.List;

/** Spans for hand-written examples: the occurrences of given values, in order. */
final class Spans {
  private Spans() {}

  /**
   * Spans over {@code text} for label-value pairs: each value is looked for after the previous one.
   *
   * @param pairs label, value, label, value, ...
   */
  static List<Span> in(String text, Object... pairs) {
    List<Span> spans = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < pairs.length; i += 2) {
      String value = (String) pairs[i + 1];
      int start = text.indexOf(value, from);
      if (start < 0) {
        throw new IllegalArgumentException("'" + value + "' not in text after " + from);
      }
      spans.add(Span.of((Label) pairs[i], start, start + value.length(), 0.9, "test"));
      from = start + value.length();
    }
    return spans;
  }
}
