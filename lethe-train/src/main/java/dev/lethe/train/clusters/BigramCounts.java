package dev.lethe.train.clusters;

import dev.lethe.filter.tagger.Tokens;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Word and adjacent-word-pair counts of a text, over a vocabulary of the words seen at least a cut-off
 * number of times, ranked by count (descending, then by word, so the ranking is deterministic).
 *
 * <p>Words are the tokens of {@link Tokens} lower-cased with {@link Locale#ROOT}: the tagger reads text
 * the same way, and a name written in lower case in a chat must meet its capitalised uses. A pair is
 * counted only inside one unit of text (a paragraph, an utterance, a post) and only when both words are
 * in the vocabulary. Pairs are kept as sparse lists by left word and by right word.
 */
final class BigramCounts {
  private final String[] words;
  private final long[] counts;
  private final long tokens;
  private final int[] rightStart;
  private final int[] rightWord;
  private final int[] rightCount;
  private final int[] leftStart;
  private final int[] leftWord;
  private final int[] leftCount;

  private BigramCounts(String[] words, long[] counts, long tokens, long[] pairKeys, int[] pairCounts,
      int pairs) {
    this.words = words;
    this.counts = counts;
    this.tokens = tokens;
    int v = words.length;
    rightStart = new int[v + 1];
    rightWord = new int[pairs];
    rightCount = new int[pairs];
    for (int i = 0; i < pairs; i++) {
      rightStart[(int) (pairKeys[i] >>> 32) + 1]++;
      rightWord[i] = (int) pairKeys[i];
      rightCount[i] = pairCounts[i];
    }
    prefixSums(rightStart);
    // The same pairs keyed by right word: a counting sort keeps the left words ascending in each list.
    leftStart = new int[v + 1];
    leftWord = new int[pairs];
    leftCount = new int[pairs];
    for (int i = 0; i < pairs; i++) {
      leftStart[rightWord[i] + 1]++;
    }
    prefixSums(leftStart);
    int[] fill = Arrays.copyOf(leftStart, v);
    for (int left = 0; left < v; left++) {
      for (int i = rightStart[left]; i < rightStart[left + 1]; i++) {
        int at = fill[rightWord[i]]++;
        leftWord[at] = left;
        leftCount[at] = rightCount[i];
      }
    }
  }

  private static void prefixSums(int[] a) {
    for (int i = 1; i < a.length; i++) {
      a[i] += a[i - 1];
    }
  }

  /** Number of words in the vocabulary. */
  int size() {
    return words.length;
  }

  /** The word of rank {@code w} (0 = most frequent). */
  String word(int w) {
    return words[w];
  }

  long count(int w) {
    return counts[w];
  }

  /** All tokens read, in or out of the vocabulary. */
  long tokens() {
    return tokens;
  }

  /** Distinct pairs counted. */
  int pairs() {
    return rightWord.length;
  }

  /** Index range in {@link #rightWord}/{@link #rightCount} of the words that follow {@code w}. */
  int rightFrom(int w) {
    return rightStart[w];
  }

  int rightTo(int w) {
    return rightStart[w + 1];
  }

  int rightWord(int i) {
    return rightWord[i];
  }

  int rightCount(int i) {
    return rightCount[i];
  }

  /** Index range in {@link #leftWord}/{@link #leftCount} of the words that precede {@code w}. */
  int leftFrom(int w) {
    return leftStart[w];
  }

  int leftTo(int w) {
    return leftStart[w + 1];
  }

  int leftWord(int i) {
    return leftWord[i];
  }

  int leftCount(int i) {
    return leftCount[i];
  }

  static Builder builder() {
    return new Builder();
  }

  /** Reads units of text, then counts over the vocabulary chosen by {@link #build(int)}. */
  static final class Builder {
    private static final int BOUNDARY = -1;
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[1 << 16];
    private long[] seen = new long[1 << 16];
    private int[] stream = new int[1 << 20];
    private int length;
    private long tokens;

    private Builder() {}

    /** Adds one unit of text; no pair spans two units. */
    Builder add(String text) {
      Tokens tokens = Tokens.of(text);
      if (tokens.size() == 0) {
        return this;
      }
      ensure(tokens.size() + 1);
      for (int i = 0; i < tokens.size(); i++) {
        String word = text.substring(tokens.start(i), tokens.end(i)).toLowerCase(Locale.ROOT);
        int id = ids.computeIfAbsent(word, this::newId);
        seen[id]++;
        stream[length++] = id;
      }
      stream[length++] = BOUNDARY;
      this.tokens += tokens.size();
      return this;
    }

    private int newId(String word) {
      int id = ids.size();
      if (id == names.length) {
        names = Arrays.copyOf(names, id * 2);
        seen = Arrays.copyOf(seen, id * 2);
      }
      names[id] = word;
      return id;
    }

    private void ensure(int more) {
      if (length + more > stream.length) {
        stream = Arrays.copyOf(stream, Math.max(stream.length * 2, length + more));
      }
    }

    /** Tokens read so far. */
    long tokens() {
      return tokens;
    }

    /** Distinct words read so far. */
    int distinctWords() {
      return ids.size();
    }

    /** Counts over the words seen at least {@code minCount} times. */
    BigramCounts build(int minCount) {
      if (minCount < 1) {
        throw new IllegalArgumentException("minCount must be at least 1, was " + minCount);
      }
      int distinct = ids.size();
      Integer[] kept = IntStream.range(0, distinct)
          .filter(id -> seen[id] >= minCount).boxed().toArray(Integer[]::new);
      Arrays.sort(kept, Comparator.<Integer>comparingLong(id -> -seen[id]).thenComparing(id -> names[id]));
      int[] rank = new int[distinct];
      Arrays.fill(rank, -1);
      String[] words = new String[kept.length];
      long[] counts = new long[kept.length];
      for (int r = 0; r < kept.length; r++) {
        rank[kept[r]] = r;
        words[r] = names[kept[r]];
        counts[r] = seen[kept[r]];
      }
      long[] keys = new long[Math.max(1, length)];
      int n = 0;
      for (int i = 0; i + 1 < length; i++) {
        int a = stream[i];
        int b = stream[i + 1];
        if (a != BOUNDARY && b != BOUNDARY && rank[a] >= 0 && rank[b] >= 0) {
          keys[n++] = ((long) rank[a] << 32) | rank[b];
        }
      }
      Arrays.parallelSort(keys, 0, n);
      int pairs = 0;
      int[] pairCounts = new int[Math.max(1, n)];
      for (int i = 0; i < n; i++) {
        if (pairs > 0 && keys[pairs - 1] == keys[i]) {
          pairCounts[pairs - 1]++;
        } else {
          keys[pairs] = keys[i];
          pairCounts[pairs++] = 1;
        }
      }
      return new BigramCounts(words, counts, tokens, keys, pairCounts, pairs);
    }
  }
}
