package dev.lethe.guard;

import java.util.Locale;
import java.util.Set;

/**
 * Finds the commit points of a text: where the guard may decide everything before them. They are defined by
 * the text alone (each depends only on the chars before it), never by how the text arrived, which is what
 * makes a streamed answer come out exactly as the whole one. A commit point follows
 *
 * <ul>
 *   <li>a line break;
 *   <li>the first white space after a sentence end ({@code . ! ?}, possibly in closing quotes or brackets),
 *       unless the word before the period is an initial or a common abbreviation ({@code Dr.}, {@code St.},
 *       {@code Apt.}), which names and addresses contain; a CJK full stop needs no space;
 *   <li>white space once {@value #SOFT} chars passed without a commit point; any char once {@value #HARD}
 *       passed (never between the halves of a surrogate pair).
 * </ul>
 *
 * Inside a PEM block ({@code -----BEGIN ...} up to its {@code -----END ...} line) there is no commit point,
 * for up to {@value #BLOCK} chars: the secret detector recognises a key only whole.
 *
 * <p>A scanner keeps its place, so feeding it a growing text costs one pass in total.
 */
final class Segmenter {
  static final int SOFT = 300;
  static final int HARD = 600;
  static final int BLOCK = 16_384;
  private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st",
      "ste", "apt", "ave", "blvd", "rd", "ln", "no", "nr", "vs", "etc", "inc", "ltd", "co", "corp", "mt", "ft",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s",
      "hr", "fr", "sra", "herr");

  private int last;        // the previous commit point
  private int scanned;     // chars examined so far
  private int blockStart = -1;

  /** The previous commit point returned (0 at the start). */
  int last() {
    return last;
  }

  /**
   * The next commit point after {@link #last()} within the first {@code available} chars of {@code text}, or
   * -1 when those chars hold none yet. {@code text} must only grow between calls.
   */
  int next(CharSequence text, int available) {
    for (int i = scanned + 1; i <= available; i++) {
      scanned = i;
      if (commitsAt(text, i)) {
        last = i;
        return i;
      }
    }
    return -1;
  }

  private boolean commitsAt(CharSequence t, int i) {
    char c = t.charAt(i - 1);
    if (blockStart >= 0) {
      if (c == '\n' && lineStartsWith(t, i - 1, "-----END ") || i - blockStart >= BLOCK) {
        blockStart = -1;
        return true;
      }
      return false;
    }
    if (c == '\n' && lineStartsWith(t, i - 1, "-----BEGIN ")) {
      blockStart = i;
      return false;
    }
    int run = i - last;
    if (c == '\n' || c == '。' || c == '！' || c == '？') {
      return true;
    }
    boolean space = Character.isWhitespace(c);
    if (space && sentenceEndBefore(t, i - 1)) {
      return true;
    }
    return run >= SOFT && space || run >= HARD && !Character.isHighSurrogate(c);
  }

  /** Whether the line holding {@code lineEnd} (the index of its line break) starts with {@code prefix}. */
  private static boolean lineStartsWith(CharSequence t, int lineEnd, String prefix) {
    int start = lineEnd;
    while (start > 0 && t.charAt(start - 1) != '\n') {
      start--;
    }
    return lineEnd - start >= prefix.length() && t.subSequence(start, start + prefix.length()).toString().equals(prefix);
  }

  /** Whether the chars before {@code end} close a sentence: {@code .!?} and closers, not an abbreviation. */
  private boolean sentenceEndBefore(CharSequence t, int end) {
    int k = end - 1;
    while (k > last && "\"')]}»”’".indexOf(t.charAt(k)) >= 0) {
      k--;
    }
    if (k <= last) {
      return false;
    }
    char p = t.charAt(k);
    if (p == '!' || p == '?' || p == '…') {
      return true;
    }
    if (p != '.') {
      return false;
    }
    int w = k;
    while (w > last && (Character.isLetter(t.charAt(w - 1)) || t.charAt(w - 1) == '.')) {
      w--;
    }
    String word = t.subSequence(w, k).toString().toLowerCase(Locale.ROOT);
    return word.isEmpty() || word.length() > 1 && !ABBREVIATIONS.contains(word); // "in 2020." ends, "R." does not
  }
}
