package dev.lethe.filter.tagger;

/**
 * Whether a person named in full as a public figure ("Abraham Lincoln", "Serena Williams") is spoken of in
 * a public role. A list hit alone decides nothing: "I met John Smith yesterday" is about a private person
 * whatever the encyclopedia says about another John Smith. The name counts as a public figure's only when
 * its sentence has a public-role word ("President", "CEO", "won the title", "album") within
 * {@value #WINDOW} tokens and no private cue (first person, "met", "my neighbour", a greeting); the word
 * lists are the {@code public_role} and {@code private_cue} classes of {@code words.txt}.
 */
final class PublicFigures {
  /** Tokens looked at on each side of the name, within its sentence and line. */
  static final int WINDOW = 12;

  private static final int PUBLIC = 1 << Lexicon.CLASSES.indexOf("public_role");
  private static final int PRIVATE = 1 << Lexicon.CLASSES.indexOf("private_cue");

  private PublicFigures() {}

  /** Whether the name at tokens {@code [first, end)} of {@code t} is a public figure in a public role. */
  static boolean inPublicRole(Tokens t, int first, int end, Lexicon lex) {
    int cues = 0;
    for (int k = first - 1; k >= 0 && k >= first - WINDOW; k--) {
      if (t.newlineBefore(k + 1) || endsSentence(t, k)) {
        break;
      }
      cues |= classes(t, k, lex);
    }
    for (int k = end; k < t.size() && k < end + WINDOW; k++) {
      if (t.newlineBefore(k) || endsSentence(t, k)) {
        break;
      }
      cues |= classes(t, k, lex);
    }
    return (cues & PUBLIC) != 0 && (cues & PRIVATE) == 0;
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
