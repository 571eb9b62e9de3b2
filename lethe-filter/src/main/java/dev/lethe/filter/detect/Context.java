package dev.lethe.filter.detect;

import java.util.Locale;

/**
 * Looks at the words around a candidate span. Detectors find candidates by their shape and then ask
 * here whether a cue ("phone", "IBAN", "born on") stands next to them; looking only around candidates
 * keeps the cost proportional to the number of candidates, not to the length of the text.
 */
public final class Context {
  private Context() {}

  /**
   * The {@code maxChars} chars before {@code pos}, lower-cased, cut at the second line break back so a
   * key on the previous line ("Phone:\n358 0594") still counts but a paragraph further up does not.
   */
  public static String before(String text, int pos, int maxChars) {
    int from = Math.max(0, pos - maxChars);
    int breaks = 0;
    for (int i = pos - 1; i >= from; i--) {
      if (text.charAt(i) == '\n' && ++breaks == 2) {
        from = i + 1;
        break;
      }
    }
    return text.substring(from, pos).toLowerCase(Locale.ROOT);
  }

  /** The {@code maxChars} chars after {@code pos}, lower-cased, cut at the first line break. */
  public static String after(String text, int pos, int maxChars) {
    int to = Math.min(text.length(), pos + maxChars);
    for (int i = pos; i < to; i++) {
      if (text.charAt(i) == '\n') {
        to = i;
        break;
      }
    }
    return text.substring(pos, to).toLowerCase(Locale.ROOT);
  }

  /** Whether {@code window} contains one of {@code cues} as whole words (cues are lower case). */
  public static boolean hasWord(String window, String... cues) {
    return lastWord(window, cues) >= 0;
  }

  /**
   * Where the last whole-word occurrence of any of {@code cues} (lower case) ends in {@code window}, or -1.
   * Comparing two cue lists this way tells which kind of cue stands nearest to a candidate.
   */
  public static int lastWord(String window, String... cues) {
    int best = -1;
    for (String cue : cues) {
      for (int at = window.lastIndexOf(cue); at >= 0; at = window.lastIndexOf(cue, at - 1)) {
        int end = at + cue.length();
        boolean startOk = at == 0 || !Character.isLetterOrDigit(window.charAt(at - 1))
            || !Character.isLetterOrDigit(cue.charAt(0));
        boolean endOk = end == window.length() || !Character.isLetterOrDigit(window.charAt(end))
            || !Character.isLetterOrDigit(cue.charAt(cue.length() - 1));
        if (startOk && endOk) {
          best = Math.max(best, end);
          break;
        }
      }
    }
    return best;
  }

  /**
   * Whether {@code window}, ignoring trailing spaces, ends with one of the short keys ({@code "tel:"},
   * {@code "m:"}, {@code "#"}) that are too ambiguous to look for anywhere but right before a value.
   */
  public static boolean endsWithKey(String window, String... keys) {
    int end = window.length();
    while (end > 0 && Character.isWhitespace(window.charAt(end - 1))) {
      end--;
    }
    for (String k : keys) {
      int from = end - k.length();
      if (from >= 0 && window.startsWith(k, from)
          && (from == 0 || !Character.isLetterOrDigit(window.charAt(from - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word cue (lower case) occurs within {@code maxChars} before {@code pos}. */
  public static boolean cueBefore(String text, int pos, int maxChars, String... cues) {
    return hasWord(before(text, pos, maxChars), cues);
  }

  /** Letters or digits: the chars that make a token. */
  public static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Whether {@code pos} is at a token boundary on its left (start of text or a non-word char before). */
  public static boolean boundaryBefore(String text, int pos) {
    return pos == 0 || !isWordChar(text.charAt(pos - 1));
  }

  /** Whether {@code pos} is at a token boundary on its right (end of text or a non-word char at pos). */
  public static boolean boundaryAfter(String text, int pos) {
    return pos >= text.length() || !isWordChar(text.charAt(pos));
  }

  public static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  public static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  /** The ASCII digits of {@code text[start, end)}, separators dropped. */
  public static String digitsOf(CharSequence text, int start, int end) {
    StringBuilder b = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (isAsciiDigit(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
