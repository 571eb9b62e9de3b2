package dev.lethe.filter.detect.secret;

import dev.lethe.filter.detect.Keywords.Boundary;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One provider token format: the literal the automaton looks for, and the precompiled pattern that
 * validates a small window around each occurrence.
 *
 * <p>The pattern is matched with transparent bounds, so its look-arounds see the text around the window;
 * each pattern ends with a look-ahead that forbids the token's own chars, so a longer run does not pass
 * for a token. When the pattern has a group named {@code t}, only that group is the secret ({@code
 * AccountKey=<t>}); otherwise the whole match is.
 *
 * @param subtype  the span subtype, e.g. {@code github_pat}
 * @param provider who issues the token, for the catalogue
 * @param anchors  literals the token contains, matched exactly (case-sensitively) at the keyword hit
 * @param boundary the word boundary an anchor needs
 * @param back     how many chars before the anchor the token may start (0: the token starts with it)
 * @param pattern  the token shape, matched from the token's start
 * @param score    confidence of a match
 * @param check    a checksum or marker that raises a match to {@code checkedScore}, or null
 * @param checkedScore confidence of a match that passes {@code check}
 * @param spec     where the format is specified or documented
 */
record TokenFormat(String subtype, String provider, List<String> anchors, Boundary boundary, int back,
    Pattern pattern, double score, Check check, double checkedScore, String spec) implements Anchor {

  /** A test on a matched token (a checksum, a marker) that makes it more certain. */
  @FunctionalInterface
  interface Check {
    boolean passes(CharSequence text, int start, int end);
  }

  /** Chars after the anchor that a token may span; longer tokens are not plausible. */
  private static final int MAX_LENGTH = 1200;

  TokenFormat {
    Objects.requireNonNull(subtype);
    anchors = List.copyOf(anchors);
  }

  /** A token that starts with one of {@code anchors}, at a word start. */
  static TokenFormat prefixed(String subtype, String provider, List<String> anchors, String regex,
      double score, String spec) {
    return new TokenFormat(subtype, provider, anchors, Boundary.WORD_START, 0, Pattern.compile(regex), score,
        null, score, spec);
  }

  /** A token that contains {@code anchor} and may start up to {@code back} chars before it. */
  static TokenFormat around(String subtype, String provider, String anchor, int back, String regex,
      double score, String spec) {
    return new TokenFormat(subtype, provider, List.of(anchor), Boundary.NONE, back, Pattern.compile(regex),
        score, null, score, spec);
  }

  /** This format, scoring {@code passedScore} when {@code test} passes. */
  TokenFormat checked(Check test, double passedScore) {
    return new TokenFormat(subtype, provider, anchors, boundary, back, pattern, score, test, passedScore,
        spec);
  }

  @Override
  public void at(Scan scan, int start, int end) {
    String text = scan.text;
    if (!exactAnchorAt(text, start, end)) {
      return;
    }
    Matcher m = pattern.matcher(text).useTransparentBounds(true);
    if (!matchAround(m, text, start, end)) {
      return;
    }
    boolean hasGroup = pattern.pattern().contains("(?<t>");
    int s = hasGroup ? m.start("t") : m.start();
    int e = hasGroup ? m.end("t") : m.end();
    // A token whose checksum verifies is real, whatever letters it happens to contain.
    boolean checked = check != null && check.passes(text, s, e);
    if (!checked && Values.isPlaceholderToken(text, s, e)) {
      return;
    }
    scan.reportOpaque(subtype, s, e, checked ? checkedScore : score);
  }

  private boolean exactAnchorAt(String text, int start, int end) {
    for (String a : anchors) {
      if (a.length() == end - start && text.startsWith(a, start)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches the pattern at the anchor ({@code back == 0}) or at a token start up to {@code back} chars
   * before it: a position after a char that is not a letter or digit (the start of a word, a URL, a hex
   * run). The match must cover the anchor.
   */
  private boolean matchAround(Matcher m, String text, int start, int end) {
    int limit = Math.min(text.length(), end + MAX_LENGTH);
    for (int from = Math.max(0, start - back); from <= start; from++) {
      if (from == start || from == 0 || !Chars.isAsciiAlnum(text.charAt(from - 1))) {
        m.region(from, limit);
        if (m.lookingAt() && m.end() >= end) {
          return true;
        }
      }
    }
    return false;
  }
}
