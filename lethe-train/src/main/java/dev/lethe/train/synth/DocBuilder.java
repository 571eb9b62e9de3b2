package dev.lethe.train.synth;

import dev.lethe.filter.io.LabeledText;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates a document segment by segment and records each span at the moment its text is appended, so
 * offsets are exact by construction (never found again by searching the text).
 */
final class DocBuilder {
  private final StringBuilder text = new StringBuilder();
  private final List<LabeledText.Gold> spans = new ArrayList<>();
  private final List<LabeledText.Region> ignore = new ArrayList<>();
  private final Rng rng;
  private Style style = Style.PLAIN;

  DocBuilder(Rng rng) {
    this.rng = rng;
  }

  DocBuilder style(Style style) {
    this.style = style;
    return this;
  }

  Style style() {
    return style;
  }

  DocBuilder append(Segment s) {
    String t = style.apply(s, rng);
    int start = text.length();
    text.append(t);
    if (t.isEmpty() || s.kind() == Segment.Kind.PROSE || s.kind() == Segment.Kind.NEUTRAL) {
      return this;
    }
    if (!t.equals(t.strip())) {
      throw new IllegalStateException("value with surrounding whitespace: '" + t + "'");
    }
    if (s.kind() == Segment.Kind.VALUE) {
      spans.add(new LabeledText.Gold(s.label(), s.subtype(), start, text.length()));
    } else {
      ignore.add(new LabeledText.Region(start, text.length()));
    }
    return this;
  }

  DocBuilder append(List<Segment> segments) {
    for (Segment s : segments) {
      append(s);
    }
    return this;
  }

  DocBuilder text(String prose) {
    return append(Segment.prose(prose));
  }

  /** Literal text that must not get typos or case changes (code, keys, headers). */
  DocBuilder raw(String literal) {
    text.append(literal);
    return this;
  }

  /** The finished document; leading and trailing blank lines are not kept. */
  LabeledText build(String id, String source) {
    int lead = 0;
    while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
      lead++;
    }
    int end = text.length();
    while (end > lead && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    final int shift = lead;
    String body = text.substring(lead, end);
    List<LabeledText.Gold> g = spans.stream()
        .map(s -> new LabeledText.Gold(s.label(), s.subtype(), s.start() - shift, s.end() - shift)).toList();
    List<LabeledText.Region> r = ignore.stream()
        .map(s -> new LabeledText.Region(s.start() - shift, s.end() - shift)).toList();
    return new LabeledText(id, body, g, r, source);
  }
}
