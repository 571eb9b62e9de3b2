package dev.lethe.guard;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Transliterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A text folded for loose matching, with the way back to the original: each code point is transliterated to
 * Latin ASCII (ICU {@code Any-Latin; Latin-ASCII}: {@code é} → {@code e}, {@code ß} → {@code ss}, {@code Ø} →
 * {@code O}, fullwidth letters, Cyrillic and Greek look-alikes), case-folded, and everything that is not a
 * letter, a digit or {@code @} becomes a space; invisible format characters (zero-width space, soft hyphen)
 * vanish. So {@code José-María O’Brien} folds to {@code jose maria o brien}.
 *
 * <p>Folding code point by code point (rather than the whole string at once) is what keeps an exact map from
 * every folded char back to the original code point it came from; transliteration loses a little context that
 * way, which matching tolerates because entries and texts are folded alike.
 */
final class Fold {
  private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
  /** Folded form of each non-ASCII code point seen so far; ICU transliteration is slow, texts repeat letters. */
  private static final ConcurrentHashMap<Integer, String> FOLDED = new ConcurrentHashMap<>();

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
    int n = original.length();
    StringBuilder out = new StringBuilder(n);
    int[] from = new int[n + 8];
    int[] to = new int[n + 8];
    for (int i = 0; i < n; ) {
      int cp = Character.codePointAt(original, i);
      int next = i + Character.charCount(cp);
      String f = foldCodePoint(cp);
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

  static String foldCodePoint(int cp) {
    if (cp < 0x80) {
      return ascii(cp);
    }
    String cached = FOLDED.get(cp);
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
      String latin;
      synchronized (TO_ASCII) { // an ICU transliterator is not thread-safe
        latin = TO_ASCII.transliterate(new String(Character.toChars(cp)));
      }
      StringBuilder b = new StringBuilder(latin.length());
      UCharacter.foldCase(latin, true).codePoints().forEach(c -> b.append(c < 0x80 ? ascii(c)
          : Character.isLetterOrDigit(c) ? new String(Character.toChars(c)) : " "));
      folded = b.toString();
    }
    FOLDED.putIfAbsent(cp, folded);
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
