package dev.lethe.guard;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A text folded for loose matching, with the way back to the original: each code point is transliterated to
 * Latin ASCII (ICU {@code Any-Latin; Latin-ASCII}: {@code é} → {@code e}, {@code ß} → {@code ss}, {@code Ø} →
 * {@code O}, fullwidth letters, Cyrillic and Greek look-alikes), case-folded, and everything that is not a
 * letter, a digit or {@code @} becomes a space; invisible format characters (zero-width space, soft hyphen)
 * vanish. So {@code José-María O’Brien} folds to {@code jose maria o brien}. The {@linkplain #lookAlike
 * look-alike} fold reads letters of other scripts as the Latin letters they look like instead (ICU's
 * confusable skeleton: Cyrillic {@code Јоѕе} is {@code jose}, which transliterates to {@code jodze}).
 *
 * <p>Folding code point by code point (rather than the whole string at once) is what keeps an exact map from
 * every folded char back to the original code point it came from; transliteration loses a little context that
 * way, which matching tolerates because entries and texts are folded alike.
 */
final class Fold {
  private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
  private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();
  /** Folded forms of each non-ASCII code point seen so far; ICU transliteration is slow, texts repeat letters. */
  private static final ConcurrentHashMap<Integer, String> FOLDED = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Integer, String> LOOK_ALIKE = new ConcurrentHashMap<>();

  /** The folded text. */
  final String text;
  /** For folded char i, the original char index where its code point starts, and where it ends. */
  private final int[] from;
  private final int[] to;

  private Fold(String text, int[] from, int[] to) {
    this.text = text;
    this.from = from;
    this.to = to;
  }

  static Fold of(CharSequence original) {
    return of(original, false);
  }

  /**
   * {@code original} folded with look-alike letters of other scripts read as Latin, or null when that fold
   * equals {@link #of} (the text has no such letter).
   */
  static Fold lookAlike(CharSequence original) {
    boolean differs = original.codePoints().anyMatch(cp -> cp >= 0x80 && !foldCodePoint(cp, true).equals(foldCodePoint(cp, false)));
    return differs ? of(original, true) : null;
  }

  private static Fold of(CharSequence original, boolean lookAlike) {
    int n = original.length();
    StringBuilder out = new StringBuilder(n);
    int[] from = new int[n + 8];
    int[] to = new int[n + 8];
    for (int i = 0; i < n; ) {
      int cp = Character.codePointAt(original, i);
      int next = i + Character.charCount(cp);
      String f = foldCodePoint(cp, lookAlike);
      if (out.length() + f.length() > from.length) {
        int size = Math.max(from.length * 2, out.length() + f.length());
        from = java.util.Arrays.copyOf(from, size);
        to = java.util.Arrays.copyOf(to, size);
      }
      for (int k = 0; k < f.length(); k++) {
        from[out.length()] = i;
        to[out.length()] = next;
        out.append(f.charAt(k));
      }
      i = next;
    }
    return new Fold(out.toString(), from, to);
  }

  /** A string folded on its own, for the entries matched against folded texts. */
  static String string(String s) {
    return of(s).text;
  }

  /** Original char index where folded char {@code i} starts. */
  int start(int i) {
    return from[i];
  }

  /** Original char index after the code point of folded char {@code i}. */
  int end(int i) {
    return to[i];
  }

  static String foldCodePoint(int cp, boolean lookAlike) {
    if (cp < 0x80) {
      return ascii(cp);
    }
    ConcurrentHashMap<Integer, String> cache = lookAlike ? LOOK_ALIKE : FOLDED;
    String cached = cache.get(cp);
    if (cached != null) {
      return cached;
    }
    String folded;
    int type = Character.getType(cp);
    if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
      folded = "";
    } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      folded = " ";
    } else {
      String latin = new String(Character.toChars(cp));
      if (lookAlike && UCharacter.getIntPropertyValue(cp, com.ibm.icu.lang.UProperty.SCRIPT)
          != com.ibm.icu.lang.UScript.LATIN) {
        latin = CONFUSABLES.getSkeleton(latin);
      }
      synchronized (TO_ASCII) { // an ICU transliterator is not thread-safe
        latin = TO_ASCII.transliterate(latin);
      }
      StringBuilder b = new StringBuilder(latin.length());
      UCharacter.foldCase(latin, true).codePoints().forEach(c -> b.append(c < 0x80 ? ascii(c)
          : Character.isLetterOrDigit(c) ? new String(Character.toChars(c)) : " "));
      folded = b.toString();
    }
    cache.putIfAbsent(cp, folded);
    return folded;
  }

  private static final String[] ASCII = new String[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII[c] = c >= 'A' && c <= 'Z' ? String.valueOf((char) (c + 32))
          : c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '@' ? String.valueOf(c) : " ";
    }
  }

  private static String ascii(int c) {
    return ASCII[c];
  }
}
