package dev.lethe.filter.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Finds every occurrence of many keywords in one pass over a text: an Aho-Corasick automaton compiled to a
 * flat transition table.
 *
 * <p>Matching is ASCII case-insensitive ({@code "Password"} finds {@code "PASSWORD"} and {@code "password"});
 * keywords are ASCII, and every other char of the text (accented letters, Cyrillic, emoji, control chars)
 * is a symbol that no keyword contains. A keyword may require a word boundary at its start or at both
 * ends; a word char is a letter or digit ({@link Character#isLetterOrDigit(char)}), so {@code _}, {@code -},
 * {@code .} and spaces separate words: {@code key} as a whole word is found in {@code API_KEY} and
 * {@code api-key} but not in {@code keyboard}. Boundaries are judged on the whole text, also when the scan
 * covers only part of it, so a window that cuts a word in two does not create a boundary.
 *
 * <pre>{@code
 * Keywords words = Keywords.builder().add("password").add("key", Keywords.Boundary.WHOLE_WORD).build();
 * words.scan(text, 0, text.length(), (keyword, start, end) -> ...);
 * }</pre>
 *
 * <p>An instance is immutable and thread-safe; {@link #scan} allocates nothing.
 *
 * <p>Written by hand because the Aho-Corasick libraries for Java (org.ahocorasick:ahocorasick,
 * ahocorasick-doublearray) walk a pointer-based trie and allocate an object per match (and per scan), which
 * is several times too slow for detectors that must scan 100 MB/s per core. Here the automaton is a
 * complete transition table over a small alphabet (the chars that occur in keywords), and positions where
 * no keyword can start are skipped with a two-char filter.
 */
public final class Keywords {

  /** Where a keyword needs a word boundary. */
  public enum Boundary {
    /** Found anywhere, also inside a longer word. */
    NONE,
    /** The char before the keyword is not a letter or digit (a token prefix such as {@code ghp_}). */
    WORD_START,
    /** Neither the char before nor the char after the keyword is a letter or digit. */
    WHOLE_WORD
  }

  /** Receives the matches of a {@link #scan}. */
  @FunctionalInterface
  public interface Hit {
    /**
     * Called once per occurrence, in order of {@code end} (for one end, longer keywords first).
     *
     * @param keywordIndex the index of the keyword, in the order it was added to the builder
     * @param start        char index of the first char of the occurrence
     * @param end          char index after its last char
     */
    void at(int keywordIndex, int start, int end);
  }

  /** Class of every ASCII char; 0 for chars that no keyword contains. */
  private final byte[] classOf;
  /** log2 of the row width of {@link #delta}. */
  private final int shift;
  /**
   * The automaton: {@code delta[state + class]} is the next state, stored as its row offset ({@code id <<
   * shift}) with bit 0 set when the next state ends at least one keyword.
   */
  private final int[] delta;
  /** Whether some keyword starts with the classes {@code (first << shift) | second}. */
  private final boolean[] startPair;
  /** Keyword indices ending in state id {@code s}: {@code outputs[outStart[s] .. outStart[s + 1])}. */
  private final int[] outStart;
  private final int[] outputs;
  private final String[] keywords;
  private final Boundary[] boundaries;

  private Keywords(List<String> words, List<Boundary> bounds) {
    this.keywords = words.toArray(new String[0]);
    this.boundaries = bounds.toArray(new Boundary[0]);

    classOf = new byte[128];
    int classes = 1;
    for (String w : keywords) {
      for (int i = 0; i < w.length(); i++) {
        char c = lower(w.charAt(i));
        if (classOf[c] == 0) {
          classOf[c] = (byte) classes++;
          classOf[upper(c)] = classOf[c];
        }
      }
    }
    // At least two columns: bit 0 of a stored state is the output flag.
    shift = Math.max(1, 32 - Integer.numberOfLeadingZeros(classes - 1));
    int width = 1 << shift;

    // Trie with goto edges; -1 where there is no edge.
    List<int[]> next = new ArrayList<>();
    List<List<Integer>> own = new ArrayList<>();
    next.add(newRow(width));
    own.add(new ArrayList<>());
    for (int k = 0; k < keywords.length; k++) {
      int s = 0;
      String w = keywords[k];
      for (int i = 0; i < w.length(); i++) {
        int c = classOf[lower(w.charAt(i))];
        if (next.get(s)[c] < 0) {
          next.get(s)[c] = next.size();
          next.add(newRow(width));
          own.add(new ArrayList<>());
        }
        s = next.get(s)[c];
      }
      own.get(s).add(k);
    }

    // Breadth-first: failure links, complete transitions and inherited outputs.
    int states = next.size();
    int[] fail = new int[states];
    int[][] out = new int[states][];
    out[0] = new int[0];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < width; c++) {
      int t = next.get(0)[c];
      if (t < 0) {
        next.get(0)[c] = 0;
      } else {
        fail[t] = 0;
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out[s] = merge(own.get(s), out[fail[s]]);
      for (int c = 0; c < width; c++) {
        int t = next.get(s)[c];
        if (t < 0) {
          next.get(s)[c] = next.get(fail[s])[c];
        } else {
          fail[t] = next.get(fail[s])[c];
          queue.add(t);
        }
      }
    }

    delta = new int[states << shift];
    outStart = new int[states + 1];
    int total = 0;
    for (int s = 0; s < states; s++) {
      outStart[s] = total;
      total += out[s].length;
    }
    outStart[states] = total;
    outputs = new int[total];
    for (int s = 0; s < states; s++) {
      System.arraycopy(out[s], 0, outputs, outStart[s], out[s].length);
      for (int c = 0; c < width; c++) {
        int t = next.get(s)[c];
        delta[(s << shift) | c] = (t << shift) | (out[t].length > 0 ? 1 : 0);
      }
    }
    startPair = new boolean[width << shift];
    for (String w : keywords) {
      int first = classOf[lower(w.charAt(0))];
      if (w.length() == 1) {
        Arrays.fill(startPair, first << shift, (first + 1) << shift, true);
      } else {
        startPair[(first << shift) | classOf[lower(w.charAt(1))]] = true;
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keywords found anywhere (no boundary requirement), indexed in the given order. */
  public static Keywords of(String... keywords) {
    Builder b = builder();
    for (String k : keywords) {
      b.add(k);
    }
    return b.build();
  }

  /** Number of keywords. */
  public int size() {
    return keywords.length;
  }

  /** The keyword with index {@code index}, as it was added. */
  public String keyword(int index) {
    return keywords[index];
  }

  public Boundary boundary(int index) {
    return boundaries[index];
  }

  /**
   * Reports every occurrence of a keyword that lies inside {@code text[from, to)} and meets its boundary
   * requirement, in order of end position.
   *
   * @throws IndexOutOfBoundsException when {@code from} or {@code to} is outside the text or {@code from >
   *                                   to}
   */
  public void scan(CharSequence text, int from, int to, Hit hit) {
    Objects.checkFromToIndex(from, to, text.length());
    final int[] delta = this.delta;
    final byte[] classOf = this.classOf;
    final boolean[] startPair = this.startPair;
    final int shift = this.shift;
    int state = 0;
    int i = from;
    while (i < to) {
      if (state == 0) {
        // No keyword is under way: jump to the next position where one can start. A keyword of two or
        // more chars needs its first two there; a one-char keyword marks every pair it starts.
        int c0 = classAt(text, i, classOf);
        while (true) {
          int c1 = i + 1 < to ? classAt(text, i + 1, classOf) : 0;
          if (startPair[(c0 << shift) | c1]) {
            break;
          }
          if (++i >= to) {
            return;
          }
          c0 = c1;
        }
        state = delta[c0];
      } else {
        state = delta[state + classAt(text, i, classOf)];
      }
      i++;
      if ((state & 1) != 0) {
        state &= ~1;
        report(text, state >>> shift, i, hit);
      }
    }
  }

  private static int classAt(CharSequence text, int i, byte[] classOf) {
    char c = text.charAt(i);
    return c < 128 ? classOf[c] : 0;
  }

  private void report(CharSequence text, int stateId, int end, Hit hit) {
    for (int o = outStart[stateId]; o < outStart[stateId + 1]; o++) {
      int k = outputs[o];
      int start = end - keywords[k].length();
      Boundary b = boundaries[k];
      if (b != Boundary.NONE && start > 0 && isWordChar(text.charAt(start - 1))) {
        continue;
      }
      if (b == Boundary.WHOLE_WORD && end < text.length() && isWordChar(text.charAt(end))) {
        continue;
      }
      hit.at(k, start, end);
    }
  }

  private static boolean isWordChar(char c) {
    return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        : Character.isLetterOrDigit(c);
  }

  private static int[] merge(List<Integer> own, int[] inherited) {
    // Longer keywords (those ending here on their own) come first, then the suffixes reached by failure.
    int[] all = new int[own.size() + inherited.length];
    for (int i = 0; i < own.size(); i++) {
      all[i] = own.get(i);
    }
    System.arraycopy(inherited, 0, all, own.size(), inherited.length);
    return all;
  }

  private static int[] newRow(int width) {
    int[] row = new int[width];
    Arrays.fill(row, -1);
    return row;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  private static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

  /** Collects keywords; each gets the index of its position in the order of {@link #add} calls. */
  public static final class Builder {
    private final List<String> words = new ArrayList<>();
    private final List<Boundary> bounds = new ArrayList<>();

    private Builder() {}

    /** Adds a keyword found anywhere. */
    public Builder add(String keyword) {
      return add(keyword, Boundary.NONE);
    }

    /**
     * Adds a keyword with a boundary requirement. The same keyword may be added more than once (with other
     * boundaries); every copy is reported under its own index.
     *
     * @throws IllegalArgumentException when the keyword is empty or has a char outside ASCII
     */
    public Builder add(String keyword, Boundary boundary) {
      Objects.requireNonNull(keyword, "keyword");
      Objects.requireNonNull(boundary, "boundary");
      if (keyword.isEmpty()) {
        throw new IllegalArgumentException("keyword " + words.size() + " is empty");
      }
      for (int i = 0; i < keyword.length(); i++) {
        if (keyword.charAt(i) >= 128) {
          throw new IllegalArgumentException("keyword " + words.size() + " '" + keyword
              + "' has a non-ASCII char at index " + i + "; keywords are ASCII");
        }
      }
      words.add(keyword);
      bounds.add(boundary);
      return this;
    }

    /** Index the next added keyword will get. */
    public int size() {
      return words.size();
    }

    public Keywords build() {
      return new Keywords(words, bounds);
    }
  }
}
