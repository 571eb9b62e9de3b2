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
  /** Whether each found span was read by a token format or key block, rather than from a key name. */
  private final List<Boolean> byFormat = new ArrayList<>();
  /**
   * A token already reported whole (a PEM block, a JWT): hits inside it are not looked at. Hits at its very
   * start are, as other formats may share its anchor.
   */
  private int opaqueStart;
  private int opaqueUntil;
  /** The key name most recently examined, so that "secret" and "key" in SECRET_KEY examine it once. */
  private int keyStart = -1;
  private int keyEnd = -1;

  /**
   * The next '@' and the next PEM END line found so far: hits come in text order, so one search serves all
   * the hits up to the occurrence it found, and each costs one pass over the text in all.
   */
  private int nextAtSign = UNKNOWN;
  private int nextPemEnd = UNKNOWN;
  private static final int UNKNOWN = -2;

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
    add(subtype, start, end, score, false);
  }

  private void add(String subtype, int start, int end, double score, boolean format) {
    if (end > start && score >= Confidence.MIN_REPORTED) {
      found.add(new Span(Label.SECRET, subtype, start, end, score, SecretDetector.NAME));
      byFormat.add(format);
    }
  }

  /** Reports a token that is opaque inside: keywords within it are not looked at. */
  void reportOpaque(String subtype, int start, int end, double score) {
    add(subtype, start, end, score, true);
    skip(start, end);
  }

  /** Ignores the hits inside {@code [start, end)} (a blob that is not a secret, such as image data). */
  void skip(int start, int end) {
    if (end > opaqueUntil) {
      opaqueStart = start;
      opaqueUntil = end;
    }
  }

  /** The index of the first '@' at or after {@code from}, or -1; {@code from} must not decrease. */
  int nextAtSign(int from) {
    if (stale(nextAtSign, from)) {
      nextAtSign = text.indexOf('@', from);
    }
    return nextAtSign;
  }

  /** The index of the first {@code -----END } at or after {@code from}, or -1; {@code from} must not decrease. */
  int nextPemEnd(int from) {
    if (stale(nextPemEnd, from)) {
      nextPemEnd = text.indexOf("-----END ", from);
    }
    return nextPemEnd;
  }

  private static boolean stale(int found, int from) {
    return found == UNKNOWN || (found >= 0 && found < from);
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

  /**
   * The spans found, one per extent. Where two readings cover the same chars (a GitHub token assigned to
   * {@code token:}), the span keeps the higher score and the subtype of the token format, the more precise.
   */
  List<Span> spans() {
    if (found.size() < 2) {
      return found;
    }
    Integer[] order = new Integer[found.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Span.BY_POSITION.compare(found.get(a), found.get(b)));
    List<Span> unique = new ArrayList<>(found.size());
    int g = 0;
    while (g < order.length) {
      Span first = found.get(order[g]);
      double score = 0;
      Span named = null;
      boolean namedByFormat = false;
      int next = g;
      for (; next < order.length && sameExtent(found.get(order[next]), first); next++) {
        Span s = found.get(order[next]);
        boolean format = byFormat.get(order[next]);
        score = Math.max(score, s.score());
        if (named == null || (format && !namedByFormat) || (format == namedByFormat && s.score() > named.score())) {
          named = s;
          namedByFormat = format;
        }
      }
      unique.add(named.score() == score ? named : named.withScore(score));
      g = next;
    }
    return unique;
  }

  private static boolean sameExtent(Span a, Span b) {
    return a.start() == b.start() && a.end() == b.end();
  }
}
