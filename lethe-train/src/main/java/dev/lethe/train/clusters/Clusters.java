package dev.lethe.train.clusters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Brown word clusters learnt in the project from unlabelled text ({@link ClusterTraining}, sources and
 * numbers in {@code docs/clusters.md}). A word's cluster is a bit string, a path from the root of the
 * cluster tree: words with a long common prefix are used alike, so the prefixes of 4, 6, 10 and 20 bits
 * are word-class features of coarser to finer grain (Ratinov and Roth 2009).
 *
 * <p>Keys are words as {@link dev.lethe.filter.tagger.Tokens} cuts them, lower-cased with
 * {@link java.util.Locale#ROOT}: look a token up lower-cased.
 *
 * <p>File format, UTF-8 and gzip: one line per word, {@code word<TAB>bits<TAB>count}, where count is the
 * word's frequency in the training text; lines are sorted by bits, then by count (descending), then by word.
 */
public final class Clusters {
  /** Class-path location of the committed clusters. */
  public static final String RESOURCE = "/dev/lethe/train/clusters/clusters.tsv.gz";

  private Clusters() {}

  /**
   * The committed clusters, read afresh on every call (2 s on a loaded 2-core machine: call once and keep
   * the map): an immutable map from lower-cased word to bit string.
   */
  public static Map<String, String> load() {
    try (InputStream in = Clusters.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " on the class path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  /**
   * Reads a gzip-compressed cluster file.
   *
   * @throws IllegalArgumentException naming the line when a line is not {@code word<TAB>bits<TAB>count},
   *     or a word appears twice
   */
  public static Map<String, String> read(InputStream gzip) throws IOException {
    Map<String, String> paths = new HashMap<>();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(gzip), StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        String[] fields = line.split("\t", -1);
        if (fields.length != 3 || fields[0].isEmpty() || !isBits(fields[1]) || !isCount(fields[2])) {
          throw new IllegalArgumentException("line " + number + ": expected word<TAB>bits<TAB>count, got '"
              + line + "'");
        }
        if (paths.put(fields[0], fields[1]) != null) {
          throw new IllegalArgumentException("line " + number + ": word '" + fields[0] + "' appears twice");
        }
      }
    }
    return Map.copyOf(paths);
  }

  private static boolean isBits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c == '0' || c == '1');
  }

  private static boolean isCount(String s) {
    return !s.isEmpty() && s.length() < 19 && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
