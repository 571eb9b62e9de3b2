package dev.lethe.filter.detect.secret;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import dev.lethe.filter.detect.Keywords;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one {@link SecretDetector#detect} call: the text, the spans found so far, and where an
 * opaque token ends. Receives the keyword hits of the scan and hands each to its {@link Anchor}.
 */
final class Scan implements Keywords.Hit {
  final String text;
  private final Anchor[] anchors;
  private final List<Span> found = new ArrayList<>();
  /**
   * A token already reported whole (a PEM block, a JWT): hits inside it are not looked at. Hits at its very
   * start are, as other formats may share its anchor.
   */
  private int opaqueStart;
  private int opaqueUntil;
  /** The key name most recently examined, so that "secret" and "key" in SECRET_KEY examine it once. */
  private int keyStart = -1;
  private int keyEnd = -1;

  /** The index of the next '@' found so far (hits come in text order, so one search serves many). */
  private int nextAtSign = -2;

  Scan(String text, Anchor[] anchors) {
    this.text = text;
    this.anchors = anchors;
  }

  @Override
  public void at(int keywordIndex, int start, int end) {
    if (start >= opaqueUntil || start <= opaqueStart) {
      anchors[keywordIndex].at(this, start, end);
    }
  }

  /** Reports a secret at {@code text[start, end)}; scores below the recall threshold are not worth a span. */
  void report(String subtype, int start, int end, double score) {
    if (end > start && score >= Confidence.MIN_REPORTED) {
      found.add(new Span(Label.SECRET, subtype, start, end, score, SecretDetector.NAME));
    }
  }

  /** Reports a token that is opaque inside: keywords within it are not looked at. */
  void reportOpaque(String subtype, int start, int end, double score) {
    report(subtype, start, end, score);
    skip(start, end);
  }

  /** Ignores the hits inside {@code [start, end)} (a blob that is not a secret, such as image data). */
  void skip(int start, int end) {
    if (end > opaqueUntil) {
      opaqueStart = start;
      opaqueUntil = end;
    }
  }

  /** The index of the first '@' at or after {@code from}, or -1; calls must not go backwards. */
  int nextAtSign(int from) {
    if (nextAtSign == -2 || (nextAtSign >= 0 && nextAtSign < from)) {
      nextAtSign = text.indexOf('@', from);
    }
    return nextAtSign;
  }

  /** Whether the key name {@code [start, end)} was examined just before; remembers it otherwise. */
  boolean seenKey(int start, int end) {
    if (start == keyStart && end == keyEnd) {
      return true;
    }
    keyStart = start;
    keyEnd = end;
    return false;
  }

  /** The spans found, one per extent: where two readings cover the same chars the higher score wins. */
  List<Span> spans() {
    if (found.size() < 2) {
      return found;
    }
    found.sort(Span.BY_POSITION);
    List<Span> unique = new ArrayList<>(found.size());
    for (Span s : found) {
      Span last = unique.isEmpty() ? null : unique.get(unique.size() - 1);
      if (last != null && last.start() == s.start() && last.end() == s.end()) {
        if (s.score() > last.score()) {
          unique.set(unique.size() - 1, s);
        }
      } else {
        unique.add(s);
      }
    }
    return unique;
  }
}
