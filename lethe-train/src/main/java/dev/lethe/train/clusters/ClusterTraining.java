package dev.lethe.train.clusters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Learns the word clusters of {@link Clusters} from the unlabelled text of {@link TextSource#DEFAULT}:
 * reads the fetched snapshots, counts words and adjacent pairs ({@link BigramCounts}), runs
 * {@link BrownClustering} and writes {@code word<TAB>bits<TAB>count}, gzip-compressed, replacing the output
 * only once it is complete. The same snapshots and options give a byte-identical file.
 *
 * <pre>
 * java -Xmx8g -cp lethe-cli/target/lethe.jar dev.lethe.train.clusters.ClusterTraining \
 *     --mirrors /work/.mirror --out lethe-train/src/main/resources/dev/lethe/train/clusters/clusters.tsv.gz
 * </pre>
 */
public final class ClusterTraining {

  /**
   * How to cluster.
   *
   * @param clusters leaves of the cluster tree (Liang's window C)
   * @param minCount words seen fewer times are left out of the vocabulary
   * @param threads worker threads of the clustering
   */
  public record Options(int clusters, int minCount, int threads) {
    /** What made the committed file: 1000 clusters of the words seen at least twice, on every core. */
    public static final Options DEFAULT = new Options(1000, 2, Runtime.getRuntime().availableProcessors());

    public Options {
      if (clusters < 1 || minCount < 1 || threads < 1) {
        throw new IllegalArgumentException("clusters, minCount and threads must be positive: " + clusters + ", "
            + minCount + ", " + threads);
      }
    }
  }

  /**
   * What a run read and made.
   *
   * @param sources what each source gave, with the commit read
   * @param sourceTokens tokens read from each source, in the order of {@code sources}
   * @param tokens tokens read
   * @param distinctWords distinct lower-cased words read
   * @param vocabulary words clustered (seen at least {@link Options#minCount} times)
   * @param countSeconds time to read and count
   * @param clusterSeconds time to cluster
   * @param peakHeapBytes the largest heap in use during the run, summed over heap pools
   */
  public record Report(List<TextSource.Read> sources, List<Long> sourceTokens, long tokens, int distinctWords, int vocabulary,
      double countSeconds, double clusterSeconds, long peakHeapBytes) {

    /** The report as lines for a terminal, with the sources as a Markdown table. */
    public void print(PrintStream out) {
      out.println("| repository | commit | licence | genre | files | absent | units | tokens |");
      out.println("|---|---|---|---|---|---|---|---|");
      for (int i = 0; i < sources.size(); i++) {
        TextSource.Read r = sources.get(i);
        out.printf("| %s | %s | %s | %s | %d | %d | %,d | %,d |%n", r.source().repo(), r.commit(),
            r.source().license(), r.source().genre(), r.files(), r.missingFiles(), r.units(), sourceTokens.get(i));
        if (r.heldOutUnits() > 0 || r.skippedFiles() > 0) {
          out.printf("  (%s: %d units skipped as held-out text, %d files without the expected format)%n",
              r.source().repo(), r.heldOutUnits(), r.skippedFiles());
        }
      }
      out.printf("tokens %,d; distinct words %,d; vocabulary %,d%n", tokens, distinctWords, vocabulary);
      out.printf("counting %.1f s; clustering %.1f s; peak heap %,d MiB%n", countSeconds, clusterSeconds,
          peakHeapBytes >> 20);
    }
  }

  private ClusterTraining() {}

  /** {@link #run(Path, Path, Options)} with {@link Options#DEFAULT}. */
  public static Report run(Path mirrors, Path out) throws IOException {
    return run(mirrors, out, Options.DEFAULT);
  }

  /**
   * Learns clusters from the snapshots under {@code mirrors} and writes them to {@code out}.
   *
   * @throws IOException when a source's snapshot is absent (the message says which to fetch) or unreadable,
   *     or the output cannot be written; {@code out} is then left as it was
   */
  public static Report run(Path mirrors, Path out, Options options) throws IOException {
    resetPeaks();
    long started = System.nanoTime();
    BigramCounts.Builder text = BigramCounts.builder();
    List<TextSource.Read> reads = new ArrayList<>();
    List<Long> sourceTokens = new ArrayList<>();
    for (TextSource source : TextSource.DEFAULT) {
      long before = text.tokens();
      reads.add(source.read(mirrors, text::add));
      sourceTokens.add(text.tokens() - before);
    }
    BigramCounts counts = text.build(options.minCount());
    long counted = System.nanoTime();
    System.err.printf("clustering %,d words of %,d tokens into %d clusters%n", counts.size(), counts.tokens(),
        options.clusters());
    String[] paths = BrownClustering.paths(counts, options.clusters(), options.threads(), entered ->
        System.err.printf("clustering: %,d of %,d words in, %.0f s%n", entered, counts.size(),
            (System.nanoTime() - counted) / 1e9));
    long clustered = System.nanoTime();
    write(counts, paths, out);
    return new Report(List.copyOf(reads), List.copyOf(sourceTokens), counts.tokens(), text.distinctWords(), counts.size(),
        (counted - started) / 1e9, (clustered - counted) / 1e9, peakHeap());
  }

  /** Writes the clusters sorted by path, count (descending) and word, through a temporary file. */
  static void write(BigramCounts counts, String[] paths, Path out) throws IOException {
    CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();
    Integer[] order = new Integer[counts.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.<Integer, String>comparing(w -> paths[w])
        .thenComparingLong(w -> -counts.count(w)).thenComparing(counts::word));
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
    try {
      try (Writer w = new BufferedWriter(new OutputStreamWriter(
          new GZIPOutputStream(Files.newOutputStream(temp), 1 << 16), StandardCharsets.UTF_8))) {
        for (int word : order) {
          // A lone surrogate cannot be written as UTF-8; such a token cannot be looked up either.
          if (utf8.canEncode(counts.word(word))) {
            w.write(counts.word(word) + '\t' + paths[word] + '\t' + counts.count(word) + '\n');
          }
        }
      }
      Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  /**
   * {@code --mirrors DIR} (default {@code /work/.mirror}), {@code --out FILE} (default the committed
   * resource under the working directory), {@code --clusters N}, {@code --min-count N}, {@code --threads N}.
   */
  public static void main(String[] args) throws IOException {
    Path mirrors = Path.of("/work/.mirror");
    Path out = Path.of("lethe-train/src/main/resources" + Clusters.RESOURCE);
    Options d = Options.DEFAULT;
    int clusters = d.clusters();
    int minCount = d.minCount();
    int threads = d.threads();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args[++i];
      switch (flag) {
        case "--mirrors" -> mirrors = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--clusters" -> clusters = Integer.parseInt(value);
        case "--min-count" -> minCount = Integer.parseInt(value);
        case "--threads" -> threads = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + flag
            + " (known: --mirrors, --out, --clusters, --min-count, --threads)");
      }
    }
    Report report = run(mirrors, out, new Options(clusters, minCount, threads));
    report.print(System.out);
    System.out.println("wrote " + out);
  }
}
