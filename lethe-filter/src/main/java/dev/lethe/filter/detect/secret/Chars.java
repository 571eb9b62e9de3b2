package dev.lethe.filter.detect.secret;

/** Char classes and small text searches used around keyword hits; all ASCII-based and allocation-free. */
final class Chars {
  private Chars() {}

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiAlnum(char c) {
    return isAsciiLetter(c) || isDigit(c);
  }

  /** A letter or digit in any script: what a word boundary is measured against. */
  static boolean isWordChar(char c) {
    return c < 128 ? isAsciiAlnum(c) : Character.isLetterOrDigit(c);
  }

  /** Chars of the base64 and base64url alphabets and padding. */
  static boolean isBase64(char c) {
    return isAsciiAlnum(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
  }

  /** Chars of an identifier or key name: {@code DB_PASSWORD}, {@code spring.datasource.password}, {@code X-Api-Key}. */
  static boolean isKeyChar(char c) {
    return isAsciiAlnum(c) || c == '_' || c == '-' || c == '.';
  }

  static boolean isSpaceOrTab(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`' || c == '\u201C' || c == '\u201D' || c == '\u2018'
        || c == '\u2019' || c == '\u00AB' || c == '\u00BB';
  }

  /** The quote that closes one opened by {@code open}. */
  static char closingQuote(char open) {
    switch (open) {
      case '\u201C':
        return '\u201D';
      case '\u2018':
        return '\u2019';
      case '\u00AB':
        return '\u00BB';
      default:
        return open;
    }
  }

  /** Whether a word boundary lies before {@code i}: the char before is not a letter or digit. */
  static boolean boundaryBefore(CharSequence s, int i) {
    return i == 0 || !isWordChar(s.charAt(i - 1));
  }

  /** Whether a word boundary lies at {@code i}: {@code i} is the end or the char there is not a letter or digit. */
  static boolean boundaryAt(CharSequence s, int i) {
    return i >= s.length() || !isWordChar(s.charAt(i));
  }

  /** Whether {@code s} has {@code word} at {@code at}, exactly. */
  static boolean startsWith(CharSequence s, int at, String word) {
    if (at < 0 || at + word.length() > s.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (s.charAt(at + i) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} has {@code word} (lower-case ASCII) at {@code at}, ignoring ASCII case. */
  static boolean startsWithIgnoreCase(CharSequence s, int at, String word) {
    if (at < 0 || at + word.length() > s.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = s.charAt(at + i);
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The first index of {@code word} (exact) in {@code s[from, to)}, or -1. */
  static int indexOf(CharSequence s, String word, int from, int to) {
    int last = Math.min(to, s.length()) - word.length();
    for (int i = Math.max(0, from); i <= last; i++) {
      if (s.charAt(i) == word.charAt(0) && startsWith(s, i, word)) {
        return i;
      }
    }
    return -1;
  }

  /** The first index of {@code word} (lower-case ASCII) in {@code s[from, to)} ignoring ASCII case, or -1. */
  static int indexOfIgnoreCase(CharSequence s, String word, int from, int to) {
    int last = Math.min(to, s.length()) - word.length();
    for (int i = Math.max(0, from); i <= last; i++) {
      if (startsWithIgnoreCase(s, i, word)) {
        return i;
      }
    }
    return -1;
  }

  /** End of the line that contains {@code i}: the index of the next line break, or the text length. */
  static int lineEnd(CharSequence s, int i, int limit) {
    int end = Math.min(s.length(), limit);
    while (i < end && !isLineBreak(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
