package dev.lethe.train.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrownClusteringTest {

  /** Sentences from a random Markov chain (cumulative transition weights per row) over {@code words} words: counts without ties by symmetry. */
  private static BigramCounts markovText(long seed, int words, int sentences) {
    Random random = new Random(seed);
    double[][] next = new double[words][words];
    for (double[] row : next) {
      for (int j = 0; j < words; j++) {
        row[j] = (j == 0 ? 0 : row[j - 1]) + Math.pow(random.nextDouble(), 3);
      }
    }
    BigramCounts.Builder builder = BigramCounts.builder();
    for (int s = 0; s < sentences; s++) {
      StringBuilder text = new StringBuilder();
      int w = random.nextInt(words);
      int length = 3 + random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append('w').append(w).append(' ');
        w = sample(next[w], random);
      }
      builder.add(text.toString());
    }
    return builder.build(1);
  }

  /** A random index drawn by cumulative weights. */
  private static int sample(double[] cumulative, Random random) {
    int at = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
    return Math.min(at < 0 ? -at - 1 : at, cumulative.length - 1);
  }

  @ParameterizedTest(name = "seed {0}, {1} words, window {2}")
  @CsvSource({"1, 12, 4", "2, 20, 5", "3, 30, 6", "4, 40, 8", "5, 25, 25", "6, 9, 1"})
  void fastUpdatesChooseTheSameMergesAsRecomputingTheMutualInformation(long seed, int words, int window) {
    BigramCounts data = markovText(seed, words, 300);
    String[] fast = BrownClustering.paths(data, window, 1);
    String[] reference = new ReferenceBrown(data, Math.min(window, data.size())).paths();
    for (int w = 0; w < data.size(); w++) {
      assertThat(fast[w]).as("path of %s", data.word(w)).isEqualTo(reference[w]);
    }
  }

  @Test
  void workerThreadsDoNotChangeTheResult() {
    BigramCounts data = markovText(7, 120, 3000);
    assertThat(BrownClustering.paths(data, 16, 2)).containsExactly(BrownClustering.paths(data, 16, 1));
  }

  @Test
  void wordsUsedAlikeShareClustersAndPathsFormOnePrefixFreeTree() {
    Random random = new Random(11);
    String[] names = {"anna", "marco", "jill", "omar", "chen", "lena"};
    String[] verbs = {"called", "met", "visited", "emailed", "thanked"};
    String[] places = {"paris", "lima", "oslo", "cairo", "perth"};
    BigramCounts.Builder builder = BigramCounts.builder();
    for (int i = 0; i < 3000; i++) {
      builder.add("yesterday " + pick(names, random) + " " + pick(verbs, random) + " "
          + pick(names, random) + " in " + pick(places, random) + " .");
    }
    BigramCounts data = builder.build(1);
    String[] paths = BrownClustering.paths(data, 6, 1);
    Map<String, String> pathOf = new HashMap<>();
    for (int w = 0; w < data.size(); w++) {
      pathOf.put(data.word(w), paths[w]);
    }
    for (String[] group : List.of(names, verbs, places)) {
      assertThat(Arrays.stream(group).map(pathOf::get).distinct()).as("one path for %s", (Object) group)
          .hasSize(1);
    }
    assertThat(pathOf.get("anna")).isNotEqualTo(pathOf.get("called")).isNotEqualTo(pathOf.get("paris"));
    TreeSet<String> distinct = new TreeSet<>(pathOf.values());
    for (String p : distinct) {
      for (String q : distinct) {
        assertThat(p.equals(q) || !q.startsWith(p)).as("%s is a prefix of %s", p, q).isTrue();
      }
    }
  }

  private static String pick(String[] words, Random random) {
    return words[random.nextInt(words.length)];
  }

  /**
   * The same windowed algorithm, slot discipline and tie-breaking, with every loss computed by
   * recomputing the mutual information of the whole clustering from the word pairs.
   */
  private static final class ReferenceBrown {
    private final BigramCounts data;
    private final int window;
    private final List<List<Integer>> slots = new ArrayList<>();
    private final Map<Integer, String[]> tree = new HashMap<>();

    ReferenceBrown(BigramCounts data, int window) {
      this.data = data;
      this.window = window;
      for (int s = 0; s <= window; s++) {
        slots.add(null);
      }
    }

    String[] paths() {
      for (int w = 0; w < data.size(); w++) {
        int slot = slots.indexOf(null);
        slots.set(slot, new ArrayList<>(List.of(w)));
        if (w >= window) {
          int[] pair = best();
          slots.get(pair[0]).addAll(slots.get(pair[1]));
          slots.set(pair[1], null);
        }
      }
      // Leaves are named by their slot; a merge renames the merged cluster by its members.
      Map<Integer, String> label = new HashMap<>();
      Map<String, String[]> children = new HashMap<>();
      Map<String, List<Integer>> wordsOf = new HashMap<>();
      for (int s = 0; s < slots.size(); s++) {
        if (slots.get(s) != null) {
          label.put(s, "leaf" + s);
          wordsOf.put("leaf" + s, new ArrayList<>(slots.get(s)));
        }
      }
      int merges = 0;
      while (slots.stream().filter(x -> x != null).count() > 1) {
        int[] pair = best();
        String node = "node" + merges++;
        children.put(node, new String[] {label.get(pair[0]), label.get(pair[1])});
        label.put(pair[0], node);
        slots.get(pair[0]).addAll(slots.get(pair[1]));
        slots.set(pair[1], null);
      }
      String root = label.get(slots.indexOf(slots.stream().filter(x -> x != null).findFirst().orElseThrow()));
      String[] paths = new String[data.size()];
      assign(root, merges == 0 ? "0" : "", children, wordsOf, paths);
      return paths;
    }

    private void assign(String node, String path, Map<String, String[]> children,
        Map<String, List<Integer>> wordsOf, String[] paths) {
      if (children.containsKey(node)) {
        assign(children.get(node)[0], path + "0", children, wordsOf, paths);
        assign(children.get(node)[1], path + "1", children, wordsOf, paths);
      } else {
        for (int w : wordsOf.get(node)) {
          paths[w] = path;
        }
      }
    }

    private int[] best() {
      double base = mutualInformation(-1, -1);
      double min = Double.POSITIVE_INFINITY;
      int[] best = null;
      for (int x = 0; x < slots.size(); x++) {
        for (int y = x + 1; y < slots.size(); y++) {
          if (slots.get(x) != null && slots.get(y) != null) {
            double loss = base - mutualInformation(x, y);
            if (loss < min - 1e-9 * Math.abs(base)) {
              min = loss;
              best = new int[] {x, y};
            }
          }
        }
      }
      return best;
    }

    /** Sum over cluster pairs of p ln(p / (n(x) n(y))), with slot y counted as part of slot x. */
    private double mutualInformation(int x, int y) {
      Map<Integer, Integer> clusterOf = new HashMap<>();
      for (int s = 0; s < slots.size(); s++) {
        if (slots.get(s) != null) {
          for (int w : slots.get(s)) {
            clusterOf.put(w, s == y ? x : s);
          }
        }
      }
      Map<Integer, Long> size = new HashMap<>();
      clusterOf.forEach((w, c) -> size.merge(c, data.count(w), Long::sum));
      Map<Long, Long> pairs = new HashMap<>();
      for (int w : clusterOf.keySet()) {
        for (int i = data.rightFrom(w); i < data.rightTo(w); i++) {
          Integer right = clusterOf.get(data.rightWord(i));
          if (right != null) {
            pairs.merge(((long) clusterOf.get(w) << 32) | right, (long) data.rightCount(i), Long::sum);
          }
        }
      }
      double mi = 0;
      for (Map.Entry<Long, Long> e : pairs.entrySet()) {
        long p = e.getValue();
        int left = (int) (e.getKey() >>> 32);
        int right = (int) (long) e.getKey();
        mi += p * Math.log(p / ((double) size.get(left) * size.get(right)));
      }
      return mi;
    }
  }
}
