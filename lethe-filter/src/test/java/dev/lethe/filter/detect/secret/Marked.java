package dev.lethe.filter.detect.secret;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.Span;
import dev.lethe.filter.detect.SpanResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Texts with their expected secrets marked {@code ⟦like this⟧}, and the same rendering of what the detector
 * finds, so that a test compares two readable strings.
 */
final class Marked {
  static final char OPEN = '⟦';
  static final char CLOSE = '⟧';
  static final SecretDetector DETECTOR = new SecretDetector();

  private Marked() {}

  /** The text without its marks. */
  static String plain(String marked) {
    return marked.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
  }

  /** The spans the detector reports at {@code point}, after overlap resolution, marked in the text. */
  static String found(String text, OperatingPoint point) {
    return mark(text, spans(text, point));
  }

  static String found(String marked) {
    return found(plain(marked), OperatingPoint.BALANCED);
  }

  static List<Span> spans(String text, OperatingPoint point) {
    List<Span> all = new ArrayList<>();
    DETECTOR.detect(text, all);
    all.removeIf(s -> s.score() < point.threshold(Label.SECRET));
    return SpanResolver.resolve(all);
  }

  static String mark(String text, List<Span> spans) {
    StringBuilder out = new StringBuilder(text);
    List<Span> backwards = new ArrayList<>(spans);
    backwards.sort((a, b) -> Integer.compare(b.start(), a.start()));
    for (Span s : backwards) {
      out.insert(s.end(), CLOSE).insert(s.start(), OPEN);
    }
    return out.toString();
  }
}
