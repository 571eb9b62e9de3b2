package dev.lethe.filter.tagger;

/**
 * Whether a person named as a public figure ("Abraham Lincoln", "Serena Williams", or "Gandhi" alone) is
 * spoken of in a public role. A list hit alone decides nothing: "I met John Smith yesterday" is about a
 * private person whatever the encyclopedia says about another John Smith. The name counts as a public
 * figure's only when its sentence has a public-role word ("President", "CEO", "won the title", "album")
 * within {@value #WINDOW} tokens and no private cue ("met", "my neighbour", "called me", a greeting) right
 * next to it ({@value #NEAR} tokens before, or after); the word lists are the {@code public_role} and
 * {@code private_cue} classes of {@code words.txt}. The private cue is looked for next to the name because
 * a sentence may speak of a private and a public person at once ("My friend Keisha swears Serena Williams
 * has more titles").
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
   * Whether the name at tokens {@code [first, end)} is given with a public role as its title, list or no list:
   * "President Cyril Ramaphosa", "Microsoft CEO Satya Nadella", "le président Emmanuel Macron" (the role word
   * right before the name, or the span's own first word), with no private cue next to it ("our president,
   * Maria Lopez" stays private).
   */
  static boolean titledByPublicRole(Tokens t, int first, int end, Lexicon lex) {
    boolean titled = first > 0 && !t.newlineBefore(first) && (classes(t, first - 1, lex) & PUBLIC) != 0
        || end - first > 1 && (classes(t, first, lex) & PUBLIC) != 0;
    return titled && !privateCueNear(t, first, end, lex);
  }

  private static boolean privateCueNear(Tokens t, int first, int end, Lexicon lex) {
    for (int k = Math.max(0, first - NEAR); k < Math.min(t.size(), end + NEAR); k++) {
      if ((k < first || k >= end) && (classes(t, k, lex) & PRIVATE) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the name at tokens {@code [first, end)} of {@code t} is a public figure in a public role. */
  static boolean inPublicRole(Tokens t, int first, int end, Lexicon lex) {
    int cues = 0;
    boolean privateCue = false;
    for (int k = first - 1; k >= 0 && k >= first - WINDOW; k--) {
      if (t.newlineBefore(k + 1) || endsSentence(t, k)) {
        break;
      }
      int c = classes(t, k, lex);
      cues |= c;
      privateCue |= first - k <= NEAR && (c & PRIVATE) != 0;
    }
    for (int k = end; k < t.size() && k < end + WINDOW; k++) {
      if (t.newlineBefore(k) || endsSentence(t, k)) {
        break;
      }
      int c = classes(t, k, lex);
      cues |= c;
      privateCue |= k - end < NEAR && (c & PRIVATE) != 0;
    }
    return (cues & PUBLIC) != 0 && !privateCue;
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
