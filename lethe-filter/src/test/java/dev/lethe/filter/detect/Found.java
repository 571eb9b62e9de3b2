package dev.lethe.filter.detect;

import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.List;

/** Test helper: what one detector reports at an operating point, after overlap resolution. */
final class Found {
  private Found() {}

  static List<Span> spans(Detector d, String text, OperatingPoint p) {
    List<Span> out = new ArrayList<>();
    d.detect(text, out);
    out.removeIf(s -> s.score() < p.threshold(s.label()));
    return SpanResolver.resolve(out);
  }

  /** The covered strings at the balanced operating point. */
  static List<String> texts(Detector d, String text) {
    return spans(d, text, OperatingPoint.BALANCED).stream().map(s -> s.textIn(text)).toList();
  }
}
