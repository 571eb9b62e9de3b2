package dev.lethe.filter.tagger;

/**
 * A text cut into tokens, with exact offsets. A token is a run of letters and digits (with combining
 * marks), a single Han or Kana character (scripts written without spaces), or any other single code
 * point (punctuation, symbols, emoji). Whitespace separates tokens and is never part of one; whether a
 * line break precedes a token is kept, because layout carries meaning in forms, letters and addresses.
 *
 * <p>Offsets are UTF-16 indices into the text, like {@link dev.lethe.filter.Span}. Any string is
 * accepted, including lone surrogates and control characters.
 */
public final class Tokens {
  private final String text;
  private final int[] start;
  private final int[] end;
  private final boolean[] newlineBefore;
  /** For a token standing for a whole structured span: that span's label placeholder; else null. */
  private final String[] stand;
  private final int size;

  private Tokens(String text, int[] start, int[] end, boolean[] newlineBefore, String[] stand, int size) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.newlineBefore = newlineBefore;
    this.stand = stand;
    this.size = size;
  }

  /** Tokenizes {@code text[from, to)}. */
  public static Tokens of(String text, int from, int to) {
    int cap = Math.max(16, (to - from) / 3);
    int[] st = new int[cap];
    int[] en = new int[cap];
    boolean[] nl = new boolean[cap];
    int n = 0;
    boolean sawNewline = true; // the first token starts a line
    int i = from;
    while (i < to) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (i + len > to) {
        len = 1;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
          sawNewline = true;
        }
        i += len;
        continue;
      }
      int j = i + len;
      if (isWordPart(cp) && !isUnspacedScript(cp)) {
        while (j < to) {
          int c2 = text.codePointAt(j);
          if (!isWordPart(c2) || isUnspacedScript(c2)) {
            break;
          }
          j += Character.charCount(c2);
        }
        j = Math.min(j, to);
      }
      if (n == st.length) {
        st = java.util.Arrays.copyOf(st, n * 2);
        en = java.util.Arrays.copyOf(en, n * 2);
        nl = java.util.Arrays.copyOf(nl, n * 2);
      }
      st[n] = i;
      en[n] = j;
      nl[n] = sawNewline;
      sawNewline = false;
      n++;
      i = j;
    }
    return new Tokens(text, st, en, nl, null, n);
  }

  public static Tokens of(String text) {
    return of(text, 0, text.length());
  }

  /**
   * These tokens with the tokens of each span in {@code wholes} (sorted, disjoint) merged into one token
   * that stands for the span's label: the tagger reads an e-mail address, or the placeholder that replaced
   * it, as the same single word.
   */
  public Tokens merging(java.util.List<dev.lethe.filter.Span> wholes) {
    if (wholes.isEmpty()) {
      return this;
    }
    int[] st = new int[size];
    int[] en = new int[size];
    boolean[] nl = new boolean[size];
    String[] sd = new String[size];
    int n = 0;
    int w = 0;
    for (int i = 0; i < size; i++) {
      while (w < wholes.size() && wholes.get(w).end() <= start[i]) {
        w++;
      }
      dev.lethe.filter.Span span = w < wholes.size() ? wholes.get(w) : null;
      if (span != null && span.start() <= start[i] && start[i] < span.end()) {
        st[n] = Math.min(start[i], span.start());
        int j = i;
        while (j + 1 < size && start[j + 1] < span.end()) {
          j++;
        }
        en[n] = Math.max(end[j], Math.min(span.end(), end[j]));
        nl[n] = newlineBefore[i];
        sd[n] = span.label().placeholder();
        n++;
        i = j;
        w++;
      } else {
        st[n] = start[i];
        en[n] = end[i];
        nl[n] = newlineBefore[i];
        n++;
      }
    }
    return new Tokens(text, st, en, nl, sd, n);
  }

  /** The placeholder token {@code i} stands for, or null for an ordinary token. */
  public String standsFor(int i) {
    return stand == null ? null : stand[i];
  }

  private static boolean isWordPart(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
  }

  /** Han ideographs, Hiragana, Katakana: written without spaces, one token per character. */
  private static boolean isUnspacedScript(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI;
  }

  public int size() {
    return size;
  }

  public String text() {
    return text;
  }

  public int start(int i) {
    return start[i];
  }

  public int end(int i) {
    return end[i];
  }

  public boolean newlineBefore(int i) {
    return newlineBefore[i];
  }

  /** Whether a space (or line break) separates token {@code i} from the token before it. */
  public boolean spaceBefore(int i) {
    return i == 0 || end[i - 1] < start[i];
  }

  /** Index of the first token whose start is at or after {@code offset}. */
  public int indexAtOrAfter(int offset) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (start[mid] < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
