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
 * <p>An instance is immutable and thread-safe; {@link #scan} allocates nothing (it copies the text chunk by
 * chunk into a buffer of its thread, as array access is several times faster than {@code charAt}).
 *
 * <p>Written by hand because the Aho-Corasick libraries for Java (org.ahocorasick:ahocorasick,
 * ahocorasick-doublearray) walk a pointer-based trie and allocate an object per match (and per scan), which
 * is several times too slow for detectors that must scan 100 MB/s per core. Here the automaton is a
 * complete transition table over a small alphabet (the chars that occur in keywords), and positions where
 * no keyword can start are skipped with a three-char filter.
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
  /** Row width of {@link #delta}: the number of classes, rounded up to an even number. */
  private final int width;
  /**
   * The automaton: {@code delta[state + class]} is the next state, stored as its row offset ({@code id *
   * width}) with bit 0 set when the next state ends at least one keyword. Rows are as narrow as the
   * alphabet, so that the rows in use stay in the fastest caches.
   */
  private final int[] delta;
  /**
   * Start filter: bit {@code c} of {@code startTriples[a * 64 + b]} is set when some keyword may start with
   * chars of filter classes a, b, c (a shorter keyword sets every bit it leaves open). Filter classes are
   * the classes capped at 63, so a large alphabet only makes the filter coarser, never wrong.
   */
  private final long[] startTriples;
  private final byte[] filterClassOf;
  private static final int FILTER_SHIFT = 6;
  private static final int FILTER_CLASSES = 1 << FILTER_SHIFT;

  /** Chars copied from the text at a time, and chars beyond a chunk the start filter looks at. */
  private static final int CHUNK = 4096;
  private static final int LOOKAHEAD = 2;
  /** Pads the buffer after the end of the scan: not ASCII, so in no keyword. */
  private static final char NO_KEYWORD = '\uFFFF';
  private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);
  /** Keyword indices ending in state id {@code s}: {@code outputs[outStart[s] .. outStart[s + 1])}. */
  private final int[] outStart;
  private final int[] outputs;
  private final String[] keywords;
  private final Boundary[] boundaries;

  private Keywords(List<String> words, List<Boundary> bounds) {
    this.keywords = words.toArray(new String[0]);
    this.boundaries = bounds.toArray(new Boundary[0]);

    // Letters get the low class numbers, so that they keep distinct classes in the start filter.
    classOf = new byte[128];
    boolean[] used = new boolean[128];
    for (String w : keywords) {
      for (int i = 0; i < w.length(); i++) {
        used[lower(w.charAt(i))] = true;
      }
    }
    int classes = 1;
    for (int pass = 0; pass < 2; pass++) {
      for (char c = 0; c < 128; c++) {
        boolean letter = c >= 'a' && c <= 'z';
        if (used[c] && letter == (pass == 0)) {
          classOf[c] = (byte) classes;
          classOf[upper(c)] = (byte) classes;
          classes++;
        }
      }
    }
    filterClassOf = new byte[128];
    for (int c = 0; c < 128; c++) {
      filterClassOf[c] = (byte) Math.min(classOf[c], FILTER_CLASSES - 1);
    }
    // An even width: bit 0 of a stored state is the output flag.
    width = classes + (classes & 1);

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

    delta = new int[states * width];
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
        delta[s * width + c] = t * width | (out[t].length > 0 ? 1 : 0);
      }
    }
    startTriples = new long[FILTER_CLASSES * FILTER_CLASSES];
    for (String w : keywords) {
      int first = filterClassOf[lower(w.charAt(0))];
      if (w.length() == 1) {
        Arrays.fill(startTriples, first * FILTER_CLASSES, (first + 1) * FILTER_CLASSES, -1L);
      } else if (w.length() == 2) {
        startTriples[first * FILTER_CLASSES + filterClassOf[lower(w.charAt(1))]] = -1L;
      } else {
        startTriples[first * FILTER_CLASSES + filterClassOf[lower(w.charAt(1))]] |=
            1L << filterClassOf[lower(w.charAt(2))];
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
    Buffer buffer = BUFFER.get();
    // A hit handler that scans again on this thread gets a buffer of its own.
    char[] chars = buffer.busy ? new char[Math.min(CHUNK, to - from) + 2 * LOOKAHEAD] : buffer.chars;
    boolean owner = !buffer.busy;
    buffer.busy = true;
    try {
      int state = 0;
      for (int chunk = from; chunk < to; chunk += CHUNK) {
        int end = Math.min(to, chunk + CHUNK);
        int copied = Math.min(to, end + LOOKAHEAD) - chunk;
        copy(text, chunk, chunk + copied, chars);
        // Past the end of the scan the start filter sees chars that start no keyword.
        chars[copied] = NO_KEYWORD;
        chars[copied + 1] = NO_KEYWORD;
        state = scanChunk(chars, end - chunk, chunk, state, text, hit);
      }
    } finally {
      if (owner) {
        buffer.busy = false;
      }
    }
  }

  /**
   * Runs the automaton over {@code chars[0, n)}, which hold the text from {@code offset}; the two chars
   * after them are the next chars of the text (or {@link #NO_KEYWORD}), seen only by the start filter.
   *
   * @return the state at the end of the chunk, where the next chunk continues
   */
  private int scanChunk(char[] chars, int n, int offset, int state, CharSequence text, Hit hit) {
    final int[] delta = this.delta;
    final byte[] classOf = this.classOf;
    final long[] startTriples = this.startTriples;
    final byte[] filterClassOf = this.filterClassOf;
    int i = 0;
    while (i < n) {
      if (state == 0) {
        // No keyword is under way: jump to the next position where one may start, judged by the three
        // chars there. Restarting the automaton at the root there is exact: a keyword prefix that began
        // at a skipped position cannot be extended by the chars that follow it.
        // Chars outside ASCII share the classes of ASCII chars here (c & 0x7F): that only lets the filter
        // pass more positions, never fewer, as keywords are ASCII. The classes of the next two chars are
        // carried, not recomputed, so that no iteration waits on the arithmetic of the one before.
        int first = filterClassOf[chars[i] & 0x7F];
        int second = filterClassOf[chars[i + 1] & 0x7F];
        while (true) {
          int third = filterClassOf[chars[i + 2] & 0x7F];
          if ((startTriples[(first << FILTER_SHIFT) | second] & (1L << third)) != 0) {
            break;
          }
          if (++i >= n) {
            return 0;
          }
          first = second;
          second = third;
        }
        state = delta[classOf(chars[i], classOf)];
      } else {
        state = delta[state + classOf(chars[i], classOf)];
      }
      i++;
      if ((state & 1) != 0) {
        state &= ~1;
        report(text, state / width, offset + i, hit);
      }
    }
    return state;
  }

  private static int classOf(char c, byte[] classes) {
    return c < 128 ? classes[c] : 0;
  }

  private static void copy(CharSequence text, int from, int to, char[] into) {
    if (text instanceof String s) {
      s.getChars(from, to, into, 0);
    } else if (text instanceof StringBuilder b) {
      b.getChars(from, to, into, 0);
    } else {
      for (int i = from; i < to; i++) {
        into[i - from] = text.charAt(i);
      }
    }
  }

  /** A thread's copy of the text being scanned: array access is several times faster than charAt. */
  private static final class Buffer {
    final char[] chars = new char[CHUNK + 2 * LOOKAHEAD];
    boolean busy;
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
