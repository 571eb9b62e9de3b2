package dev.lethe.filter;

/**
 * Converts between Java UTF-16 indices and Unicode code point indices (Python {@code str} indices) for
 * one text. Every JSON boundary goes through here: the data files and all of Lethe's JSON outputs count
 * code points.
 *
 * <p>Texts without surrogate pairs, the common case, need no table and convert in constant time.
 */
public final class CodePoints {
  private final String text;
  /** Code point index of each char index (length + 1 entries), or null when the text has no pairs. */
  private final int[] cpAtChar;
  /** Char index of each code point index (cpLength + 1 entries), or null when the text has no pairs. */
  private final int[] charAtCp;

  private CodePoints(String text) {
    this.text = text;
    int n = text.length();
    int cpLen = text.codePointCount(0, n);
    if (cpLen == n) {
      cpAtChar = null;
      charAtCp = null;
      return;
    }
    cpAtChar = new int[n + 1];
    charAtCp = new int[cpLen + 1];
    int cp = 0;
    for (int i = 0; i < n; i++) {
      cpAtChar[i] = cp;
      if (Character.isHighSurrogate(text.charAt(i)) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        cpAtChar[i + 1] = cp; // the low half belongs to the same code point
        charAtCp[cp] = i;
        i++;
      } else {
        charAtCp[cp] = i;
      }
      cp++;
    }
    cpAtChar[n] = cp;
    charAtCp[cp] = n;
  }

  public static CodePoints of(String text) {
    return new CodePoints(text);
  }

  /** Number of code points in the text. */
  public int length() {
    return charAtCp == null ? text.length() : charAtCp.length - 1;
  }

  /** The code point index of char index {@code charIndex} (0..length of the string). */
  public int toCodePoint(int charIndex) {
    checkIndex(charIndex, text.length());
    return cpAtChar == null ? charIndex : cpAtChar[charIndex];
  }

  /** The char index of code point index {@code cpIndex} (0..{@link #length()}). */
  public int toChar(int cpIndex) {
    checkIndex(cpIndex, length());
    return charAtCp == null ? cpIndex : charAtCp[cpIndex];
  }

  private static void checkIndex(int index, int max) {
    if (index < 0 || index > max) {
      throw new IndexOutOfBoundsException("offset " + index + " outside 0.." + max);
    }
  }
}
