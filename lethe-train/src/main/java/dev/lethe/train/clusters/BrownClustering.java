package dev.lethe.train.clusters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Brown clustering (Brown et al. 1992) with the window of Liang (2005, "Semi-supervised learning for
 * natural language", section 3): words enter in order of frequency; once {@code C} clusters exist, each
 * new word enters as a cluster of its own and the pair of clusters whose merge loses the least average
 * mutual information between adjacent clusters is merged. When every word has entered, the {@code C}
 * clusters are merged down to one, and the order of those merges is the binary tree whose root-to-leaf
 * paths are the words' bit strings ({@code 0} for the merged cluster in the lower slot, {@code 1} for the
 * other). Ties go to the lowest pair of slots, so the same counts always give the same paths.
 *
 * <p>Written here because no library on Maven Central implements Brown clustering (the usual tool is
 * Liang's C++ {@code wcluster}). The costs: Liang's version updates all C² pair losses with logarithms on
 * every step. This one keeps the same exact losses but does the work that a rare word needs only where
 * that word has neighbours: a new cluster's pair losses are computed from the running row and column sums
 * and corrected on the new word's neighbours; after a merge, the losses of pairs that touch neither merged
 * cluster change by a per-cluster term plus a term that is zero unless the pair neighbours both merged
 * clusters; and the merged cluster's losses are derived from those of the larger merged cluster,
 * corrected on the smaller one's neighbours. Entropy terms of integer counts come from a table.
 *
 * <p>Marginals are the words' unigram counts; the mutual information is scaled by the number of tokens,
 * which changes no argmin. One instance clusters once; it is not thread-safe, but uses {@code threads}
 * worker threads inside its own steps.
 */
final class BrownClustering {
  private static final int XLOGX_TABLE = 1 << 16;
  private static final double[] XLOGX = new double[XLOGX_TABLE];

  static {
    for (int i = 1; i < XLOGX_TABLE; i++) {
      XLOGX[i] = i * Math.log(i);
    }
  }

  private final BigramCounts data;
  private final int width;
  private final int threads;
  /** Adjacent-pair counts between clusters: {@code pairs[x * width + y]}, x on the left. */
  private final long[] pairs;
  /** The mutual-information term of each cluster pair: {@code p ln p - p ln n(x) - p ln n(y)}. */
  private final double[] terms;
  /** The loss of merging x and y, for x &lt; y; +infinity where either slot is empty. */
  private final double[] loss;
  private final long[] size;
  private final double[] logSize;
  private final double[] rowTerms;
  private final double[] colTerms;
  private final long[] rowPairs;
  private final long[] colPairs;
  private final boolean[] active;
  private final int[] slotOfWord;
  private final int[] firstWord;
  private final int[] lastWord;
  private final int[] nextWord;
  // Scratch per step, sized by slot.
  private final double[] delta;
  private final double[] mergedLoss;
  private final double[] rowBest;
  private final int[] rowBestAt;

  private BrownClustering(BigramCounts data, int clusters, int threads) {
    this.data = data;
    this.width = clusters + 1;
    this.threads = threads;
    pairs = new long[width * width];
    terms = new double[width * width];
    loss = new double[width * width];
    Arrays.fill(loss, Double.POSITIVE_INFINITY);
    size = new long[width];
    logSize = new double[width];
    rowTerms = new double[width];
    colTerms = new double[width];
    rowPairs = new long[width];
    colPairs = new long[width];
    active = new boolean[width];
    slotOfWord = new int[data.size()];
    Arrays.fill(slotOfWord, -1);
    firstWord = new int[width];
    lastWord = new int[width];
    nextWord = new int[data.size()];
    delta = new double[width];
    mergedLoss = new double[width];
    rowBest = new double[width];
    rowBestAt = new int[width];
  }

  /** Every this many words entered, the progress callback hears how many have. */
  static final int PROGRESS_EVERY = 10_000;

  /**
   * Clusters the vocabulary of {@code data} into at most {@code clusters} leaves and returns each word's
   * bit string, indexed by word rank.
   */
  static String[] paths(BigramCounts data, int clusters, int threads) {
    return paths(data, clusters, threads, entered -> { });
  }

  /** {@link #paths(BigramCounts, int, int)}, telling {@code progress} how many words have entered. */
  static String[] paths(BigramCounts data, int clusters, int threads, IntConsumer progress) {
    if (clusters < 1 || threads < 1) {
      throw new IllegalArgumentException("clusters and threads must be positive: " + clusters + ", " + threads);
    }
    int c = Math.max(1, Math.min(clusters, data.size()));
    return new BrownClustering(data, c, threads).run(c, progress);
  }

  private String[] run(int clusters, IntConsumer progress) {
    int v = data.size();
    if (v == 0) {
      return new String[0];
    }
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "brown-clustering");
      t.setDaemon(true);
      return t;
    }) : null;
    try {
      for (int w = 0; w < v; w++) {
        int slot = w < clusters ? w : freeSlot();
        insert(w, slot, pool);
        if (w >= clusters) {
          int[] best = best(pool);
          merge(best[0], best[1], pool);
        }
        if ((w + 1) % PROGRESS_EVERY == 0) {
          progress.accept(w + 1);
        }
      }
      return hierarchy(clusters, pool);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private int freeSlot() {
    for (int s = 0; s < width; s++) {
      if (!active[s]) {
        return s;
      }
    }
    throw new IllegalStateException("no free slot");
  }

  /** Merges the leaves down to one cluster and reads each leaf's path off the tree of those merges. */
  private String[] hierarchy(int clusters, ExecutorService pool) {
    int[] nodeOfSlot = new int[width];
    List<int[]> children = new ArrayList<>();
    List<Integer> leafSlot = new ArrayList<>();
    for (int s = 0; s < width; s++) {
      if (active[s]) {
        nodeOfSlot[s] = children.size();
        children.add(null);
        leafSlot.add(s);
      }
    }
    // Each leaf's words, captured before the merges below chain them together.
    List<int[]> leafWords = new ArrayList<>();
    for (int s : leafSlot) {
      leafWords.add(members(s));
    }
    for (int left = leafSlot.size(); left > 1; left--) {
      int[] best = best(pool);
      merge(best[0], best[1], pool);
      children.add(new int[] {nodeOfSlot[best[0]], nodeOfSlot[best[1]]});
      nodeOfSlot[best[0]] = children.size() - 1;
    }
    String[] nodePath = new String[children.size()];
    nodePath[children.size() - 1] = leafSlot.size() == 1 ? "0" : "";
    for (int node = children.size() - 1; node >= 0; node--) {
      int[] kids = children.get(node);
      if (kids != null) {
        nodePath[kids[0]] = nodePath[node] + '0';
        nodePath[kids[1]] = nodePath[node] + '1';
      }
    }
    String[] paths = new String[data.size()];
    for (int leaf = 0; leaf < leafWords.size(); leaf++) {
      for (int w : leafWords.get(leaf)) {
        paths[w] = nodePath[leaf];
      }
    }
    return paths;
  }

  private int[] members(int slot) {
    int[] out = new int[16];
    int n = 0;
    for (int w = firstWord[slot]; w >= 0; w = nextWord[w]) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = w;
    }
    return Arrays.copyOf(out, n);
  }

  static double xlogx(long v) {
    return v < XLOGX_TABLE ? XLOGX[(int) v] : v * Math.log(v);
  }

  /** The mutual-information term of {@code count} pairs between clusters of log sizes lnx and lny. */
  private static double term(long count, double lnx, double lny) {
    return count == 0 ? 0 : xlogx(count) - count * (lnx + lny);
  }

  /** {@code xlogx(s + t) - xlogx(s) - xlogx(t)}: zero unless both counts are positive. */
  private static double mix(long s, long t) {
    return s == 0 || t == 0 ? 0 : xlogx(s + t) - xlogx(s) - xlogx(t);
  }

  private int at(int x, int y) {
    return x * width + y;
  }

  private int lossAt(int x, int y) {
    return x < y ? x * width + y : y * width + x;
  }

  /** Pair counts into slot {@code s}, by left slot, as one array. */
  private long[] column(int s) {
    long[] out = new long[width];
    for (int d = 0; d < width; d++) {
      out[d] = pairs[at(d, s)];
    }
    return out;
  }

  /** Slots other than {@code s} adjacent to {@code s}: on its right when {@code right}, else on its left. */
  private int[] neighbours(int s, boolean right) {
    int[] out = new int[width];
    int n = 0;
    for (int d = 0; d < width; d++) {
      if (d != s && active[d] && (right ? pairs[at(s, d)] : pairs[at(d, s)]) > 0) {
        out[n++] = d;
      }
    }
    return Arrays.copyOf(out, n);
  }

  // ---------------------------------------------------------------- a new word enters

  private void insert(int word, int s, ExecutorService pool) {
    active[s] = true;
    size[s] = data.count(word);
    logSize[s] = Math.log(size[s]);
    slotOfWord[word] = s;
    firstWord[s] = word;
    lastWord[s] = word;
    nextWord[word] = -1;
    for (int i = data.rightFrom(word); i < data.rightTo(word); i++) {
      int y = slotOfWord[data.rightWord(i)];
      if (y >= 0) {
        pairs[at(s, y)] += data.rightCount(i);
      }
    }
    for (int i = data.leftFrom(word); i < data.leftTo(word); i++) {
      int y = slotOfWord[data.leftWord(i)];
      if (y >= 0 && data.leftWord(i) != word) {
        pairs[at(y, s)] += data.leftCount(i);
      }
    }
    int[] right = neighbours(s, true);
    int[] left = neighbours(s, false);
    boolean[] touched = new boolean[width];
    for (int d : right) {
      touched[d] = true;
    }
    for (int d : left) {
      touched[d] = true;
    }
    terms[at(s, s)] = term(pairs[at(s, s)], logSize[s], logSize[s]);
    rowPairs[s] = pairs[at(s, s)];
    colPairs[s] = pairs[at(s, s)];
    rowTerms[s] = terms[at(s, s)];
    colTerms[s] = terms[at(s, s)];
    List<Integer> touchedSlots = new ArrayList<>();
    for (int d = 0; d < width; d++) {
      if (!touched[d]) {
        continue;
      }
      touchedSlots.add(d);
      terms[at(s, d)] = term(pairs[at(s, d)], logSize[s], logSize[d]);
      terms[at(d, s)] = term(pairs[at(d, s)], logSize[d], logSize[s]);
      rowPairs[s] += pairs[at(s, d)];
      colPairs[s] += pairs[at(d, s)];
      rowTerms[s] += terms[at(s, d)];
      colTerms[s] += terms[at(d, s)];
    }
    // Pairs of old clusters: only those with a member adjacent to the new cluster change.
    long[] toS = column(s);
    for (int c : touchedSlots) {
      for (int c2 = 0; c2 < width; c2++) {
        if (c2 == c || c2 == s || !active[c2] || (touched[c2] && c2 < c)) {
          continue;
        }
        long t = toS[c] + toS[c2];
        long t2 = pairs[at(s, c)] + pairs[at(s, c2)];
        double lnMerged = Math.log(size[c] + size[c2]);
        loss[lossAt(c, c2)] += terms[at(c, s)] + terms[at(s, c)] + terms[at(c2, s)] + terms[at(s, c2)]
            - term(t, lnMerged, logSize[s]) - term(t2, logSize[s], lnMerged);
      }
    }
    for (int d : touchedSlots) {
      rowPairs[d] += pairs[at(d, s)];
      colPairs[d] += pairs[at(s, d)];
      rowTerms[d] += terms[at(d, s)];
      colTerms[d] += terms[at(s, d)];
    }
    parallel(pool, x -> {
      if (x != s && active[x]) {
        loss[lossAt(x, s)] = lossWithSparse(x, s, right, left);
      }
    });
  }

  /**
   * The loss of merging x with y, in time proportional to y's neighbours: a term of the merged cluster
   * with a slot d that y does not neighbour is x's term plus {@code p(x,d) ln(n(x)/n(xy))}.
   */
  private double lossWithSparse(int x, int y, int[] rightOfY, int[] leftOfY) {
    double lnMerged = Math.log(size[x] + size[y]);
    double lambda = logSize[x] - lnMerged;
    double rest = rowTerms[x] - terms[at(x, x)] - terms[at(x, y)]
        + lambda * (rowPairs[x] - pairs[at(x, x)] - pairs[at(x, y)])
        + colTerms[x] - terms[at(x, x)] - terms[at(y, x)]
        + lambda * (colPairs[x] - pairs[at(x, x)] - pairs[at(y, x)]);
    for (int d : rightOfY) {
      if (d != x) {
        long pxd = pairs[at(x, d)];
        long q = pxd + pairs[at(y, d)];
        rest += xlogx(q) - q * (lnMerged + logSize[d]) - terms[at(x, d)] - lambda * pxd;
      }
    }
    for (int d : leftOfY) {
      if (d != x) {
        long pdx = pairs[at(d, x)];
        long q = pdx + pairs[at(d, y)];
        rest += xlogx(q) - q * (lnMerged + logSize[d]) - terms[at(d, x)] - lambda * pdx;
      }
    }
    long inner = pairs[at(x, x)] + pairs[at(x, y)] + pairs[at(y, x)] + pairs[at(y, y)];
    double before = rowTerms[x] + rowTerms[y] + colTerms[x] + colTerms[y]
        - terms[at(x, x)] - terms[at(y, y)] - terms[at(x, y)] - terms[at(y, x)];
    return before - rest - term(inner, lnMerged, lnMerged);
  }

  // ---------------------------------------------------------------- the best pair

  private int[] best(ExecutorService pool) {
    parallel(pool, x -> {
      double min = Double.POSITIVE_INFINITY;
      int minAt = -1;
      int base = x * width;
      for (int y = x + 1; y < width; y++) {
        if (loss[base + y] < min) {
          min = loss[base + y];
          minAt = y;
        }
      }
      rowBest[x] = min;
      rowBestAt[x] = minAt;
    });
    int bx = -1;
    double min = Double.POSITIVE_INFINITY;
    for (int x = 0; x < width; x++) {
      if (rowBestAt[x] >= 0 && rowBest[x] < min) {
        min = rowBest[x];
        bx = x;
      }
    }
    if (bx < 0) {
      throw new IllegalStateException("no pair of clusters to merge");
    }
    return new int[] {bx, rowBestAt[bx]};
  }

  // ---------------------------------------------------------------- a merge

  /** Merges slot b into slot a (a &lt; b); b becomes free. */
  private void merge(int a, int b, ExecutorService pool) {
    int[] rightA = neighbours(a, true);
    int[] leftA = neighbours(a, false);
    int[] rightB = neighbours(b, true);
    int[] leftB = neighbours(b, false);
    boolean bSmaller = rightB.length + leftB.length <= rightA.length + leftA.length;
    int base = bSmaller ? a : b;
    int added = bSmaller ? b : a;
    int[] rightAdded = bSmaller ? rightB : rightA;
    int[] leftAdded = bSmaller ? leftB : leftA;

    long merged = size[a] + size[b];
    double lnU = Math.log(merged);
    double alpha = logSize[a] - lnU;
    double beta = logSize[b] - lnU;
    long[] rowU = new long[width];
    long[] colU = new long[width];
    double[] termCU = new double[width];
    double[] termUC = new double[width];
    long inner = pairs[at(a, a)] + pairs[at(a, b)] + pairs[at(b, a)] + pairs[at(b, b)];
    double termUU = term(inner, lnU, lnU);
    double rowTermsU = termUU;
    double colTermsU = termUU;
    for (int c = 0; c < width; c++) {
      if (!active[c] || c == a || c == b) {
        continue;
      }
      rowU[c] = pairs[at(a, c)] + pairs[at(b, c)];
      colU[c] = pairs[at(c, a)] + pairs[at(c, b)];
      termUC[c] = term(rowU[c], lnU, logSize[c]);
      termCU[c] = term(colU[c], logSize[c], lnU);
      rowTermsU += termUC[c];
      colTermsU += termCU[c];
      double change = termCU[c] + termUC[c]
          - terms[at(c, a)] - terms[at(c, b)] - terms[at(a, c)] - terms[at(b, c)];
      delta[c] = change - alpha * (pairs[at(c, a)] + pairs[at(a, c)]) - beta * (pairs[at(c, b)] + pairs[at(b, c)]);
    }
    final double rowTermsMerged = rowTermsU;
    final double colTermsMerged = colTermsU;

    // New losses of (c, u), from the old loss of (c, base) corrected on the added cluster's neighbours.
    parallel(pool, c -> {
      if (!active[c] || c == a || c == b) {
        return;
      }
      double lnCb = Math.log(size[c] + size[base]);
      long innerCb = pairs[at(c, c)] + pairs[at(c, base)] + pairs[at(base, c)] + pairs[at(base, base)];
      double beforeCb = rowTerms[c] + rowTerms[base] + colTerms[c] + colTerms[base]
          - terms[at(c, c)] - terms[at(base, base)] - terms[at(c, base)] - terms[at(base, c)];
      double restCb = beforeCb - term(innerCb, lnCb, lnCb) - loss[lossAt(c, base)];
      double lnCu = Math.log(size[c] + merged);
      double mu = lnCb - lnCu;
      long toAdded = pairs[at(c, added)] + pairs[at(base, added)];
      long fromAdded = pairs[at(added, c)] + pairs[at(added, base)];
      double rest = restCb - term(toAdded, lnCb, logSize[added]) - term(fromAdded, logSize[added], lnCb);
      rest += mu * (rowPairs[c] + rowPairs[base] - pairs[at(c, c)] - pairs[at(base, c)]
          - pairs[at(c, base)] - pairs[at(base, base)] - toAdded);
      rest += mu * (colPairs[c] + colPairs[base] - pairs[at(c, c)] - pairs[at(c, base)]
          - pairs[at(base, c)] - pairs[at(base, base)] - fromAdded);
      for (int d : rightAdded) {
        if (d != c && d != a && d != b) {
          long q = pairs[at(c, d)] + pairs[at(base, d)];
          long q3 = q + pairs[at(added, d)];
          rest += term(q3, lnCu, logSize[d]) - term(q, lnCb, logSize[d]) - mu * q;
        }
      }
      for (int d : leftAdded) {
        if (d != c && d != a && d != b) {
          long q = pairs[at(d, c)] + pairs[at(d, base)];
          long q3 = q + pairs[at(d, added)];
          rest += term(q3, logSize[d], lnCu) - term(q, logSize[d], lnCb) - mu * q;
        }
      }
      double rowTermsC = rowTerms[c] + termCU[c] - terms[at(c, a)] - terms[at(c, b)];
      double colTermsC = colTerms[c] + termUC[c] - terms[at(a, c)] - terms[at(b, c)];
      long innerCu = pairs[at(c, c)] + rowU[c] + colU[c] + inner;
      double before = rowTermsC + rowTermsMerged + colTermsC + colTermsMerged
          - terms[at(c, c)] - termUU - termCU[c] - termUC[c];
      mergedLoss[c] = before - rest - term(innerCu, lnCu, lnCu);
    });

    // Every other pair: a per-cluster change, plus a mixing term where the pair neighbours both a and b.
    // The columns of a and b are copied so that the inner loop reads memory in order.
    long[] toA = column(a);
    long[] toB = column(b);
    int rowA = a * width;
    int rowB = b * width;
    parallel(pool, c -> {
      if (!active[c] || c == a || c == b) {
        return;
      }
      long ca = toA[c];
      long cb = toB[c];
      long ac = pairs[rowA + c];
      long bc = pairs[rowB + c];
      double dc = delta[c];
      int row = c * width;
      for (int c2 = c + 1; c2 < width; c2++) {
        if (!active[c2] || c2 == a || c2 == b) {
          continue;
        }
        double change = dc + delta[c2];
        long s = ca + toA[c2];
        long t = cb + toB[c2];
        if (s != 0 && t != 0) {
          change -= mix(s, t);
        }
        long s2 = ac + pairs[rowA + c2];
        long t2 = bc + pairs[rowB + c2];
        if (s2 != 0 && t2 != 0) {
          change -= mix(s2, t2);
        }
        loss[row + c2] += change;
      }
    });

    // Commit the merged cluster into slot a and free slot b.
    for (int c = 0; c < width; c++) {
      if (!active[c] || c == a || c == b) {
        continue;
      }
      rowTerms[c] += termCU[c] - terms[at(c, a)] - terms[at(c, b)];
      colTerms[c] += termUC[c] - terms[at(a, c)] - terms[at(b, c)];
      pairs[at(a, c)] = rowU[c];
      pairs[at(c, a)] = colU[c];
      terms[at(a, c)] = termUC[c];
      terms[at(c, a)] = termCU[c];
      loss[lossAt(c, a)] = mergedLoss[c];
    }
    pairs[at(a, a)] = inner;
    terms[at(a, a)] = termUU;
    rowTerms[a] = rowTermsMerged;
    colTerms[a] = colTermsMerged;
    rowPairs[a] += rowPairs[b];
    colPairs[a] += colPairs[b];
    size[a] = merged;
    logSize[a] = lnU;
    for (int d = 0; d < width; d++) {
      pairs[at(b, d)] = 0;
      pairs[at(d, b)] = 0;
      terms[at(b, d)] = 0;
      terms[at(d, b)] = 0;
      loss[lossAt(b, d)] = Double.POSITIVE_INFINITY;
    }
    loss[at(a, b)] = Double.POSITIVE_INFINITY;
    size[b] = 0;
    rowPairs[b] = 0;
    colPairs[b] = 0;
    rowTerms[b] = 0;
    colTerms[b] = 0;
    active[b] = false;
    for (int w = firstWord[b]; w >= 0; w = nextWord[w]) {
      slotOfWord[w] = a;
    }
    nextWord[lastWord[a]] = firstWord[b];
    lastWord[a] = lastWord[b];
    firstWord[b] = -1;
  }

  /**
   * Runs {@code body} for every slot, split over the worker threads by interleaved slots (the rows of the
   * triangular loss matrix shrink). Each slot's work writes only that slot's cells, so the result does not
   * depend on scheduling.
   */
  private void parallel(ExecutorService pool, IntConsumer body) {
    if (pool == null) {
      for (int x = 0; x < width; x++) {
        body.accept(x);
      }
      return;
    }
    List<Callable<Void>> tasks = new ArrayList<>(threads);
    for (int k = 0; k < threads; k++) {
      int first = k;
      tasks.add(() -> {
        for (int x = first; x < width; x += threads) {
          body.accept(x);
        }
        return null;
      });
    }
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("clustering interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("clustering failed", e.getCause());
    }
  }
}
