package dev.lethe.filter.tagger;

/**
 * Whether a person is named as a public figure ({@link #isPublic}). A list hit never outweighs the context:
 * "I met John Smith yesterday" is about a private person whatever the encyclopedia says about another John
 * Smith, so a private cue ("met", "my neighbour", "called me", a greeting) within {@value #NEAR} tokens of the
 * name makes it private. The private cue is looked for next to the name because a sentence may speak of a
 * private and a public person at once. Public-role words ("President", "CEO", "album") count within
 * {@value #WINDOW} tokens, in the name's sentence; the word lists are the {@code public_role} and
 * {@code private_cue} classes of {@code words.txt}.
 */
final class PublicFigures {
  /** Tokens looked at on each side of the name, within its sentence and line. */
  static final int WINDOW = 12;
  /** Tokens on each side of the name where a private cue ties it to the writer. */
  static final int NEAR = 4;

  private static final int PUBLIC = 1 << Lexicon.CLASSES.indexOf("public_role");
  private static final int PRIVATE = 1 << Lexicon.CLASSES.indexOf("private_cue");

  private PublicFigures() {}

  /**
   * Whether the name at tokens {@code [first, end)} of {@code t} is a public figure's. Never with a private cue
   * next to it. Otherwise: a full name on the list ({@code listed}, two words or more) in any sentence ("Albert
   * Einstein developed relativity"); a name given a public role as its title, list or no list ("President
   * Cyril Ramaphosa", "Microsoft CEO Satya Nadella"); or a listed single name ("Gandhi") in a sentence with a
   * public-role word.
   */
  static boolean isPublic(Tokens t, int first, int end, Lexicon lex, boolean listed) {
    if (privateCueNear(t, first, end, lex)) {
      return false;
    }
    boolean titled = first > 0 && !t.newlineBefore(first) && (classes(t, first - 1, lex) & PUBLIC) != 0
        || end - first > 1 && (classes(t, first, lex) & PUBLIC) != 0;
    return listed && end - first > 1 || titled || listed && publicRoleInSentence(t, first, end, lex);
  }

  private static boolean privateCueNear(Tokens t, int first, int end, Lexicon lex) {
    for (int k = first - 1; k >= 0 && first - k <= NEAR && !t.newlineBefore(k + 1) && !endsSentence(t, k); k--) {
      if ((classes(t, k, lex) & PRIVATE) != 0) {
        return true;
      }
    }
    for (int k = end; k < t.size() && k - end < NEAR && !t.newlineBefore(k) && !endsSentence(t, k); k++) {
      if ((classes(t, k, lex) & PRIVATE) != 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean publicRoleInSentence(Tokens t, int first, int end, Lexicon lex) {
    for (int k = first - 1; k >= 0 && k >= first - WINDOW && !t.newlineBefore(k + 1) && !endsSentence(t, k); k--) {
      if ((classes(t, k, lex) & PUBLIC) != 0) {
        return true;
      }
    }
    for (int k = end; k < t.size() && k < end + WINDOW && !t.newlineBefore(k) && !endsSentence(t, k); k++) {
      if ((classes(t, k, lex) & PUBLIC) != 0) {
        return true;
      }
    }
    return false;
  }

  private static int classes(Tokens t, int k, Lexicon lex) {
    String src = t.standsFor(k) != null ? t.standsFor(k) : t.text();
    int s = t.standsFor(k) != null ? 0 : t.start(k);
    int e = t.standsFor(k) != null ? src.length() : t.end(k);
    return lex.classes(Hash.lower(src, s, e));
  }

  private static boolean endsSentence(Tokens t, int k) {
    if (t.end(k) - t.start(k) != 1) {
      return false;
    }
    char c = t.text().charAt(t.start(k));
    return c == '.' || c == '!' || c == '?';
  }
}
