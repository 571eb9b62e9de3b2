package dev.lethe.bench.pipeline;

import dev.lethe.filter.PrivacyFilter;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.run.BuildRequest;
import dev.lethe.pipeline.run.SnapshotBuilder;
import dev.lethe.pipeline.source.Inputs;
import dev.lethe.pipeline.source.PartnerSource;
import dev.lethe.pipeline.source.RecordSource;
import dev.lethe.pipeline.source.ReadLimits;
import dev.lethe.pipeline.source.StoreSource;
import dev.lethe.pipeline.source.WebJsonlSource;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import dev.lethe.platform.training.TrainingView;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end throughput of the snapshot builder against the Privacy Filter's own throughput on the same texts.
 *
 * <pre>
 * # the filter alone, one thread, on every Nth record of the corpus (default every 10th)
 * java -cp lethe-bench/target/benchmarks.jar dev.lethe.bench.pipeline.PipelineThroughput filter CORPUS [N]
 * # the whole build (store + web + partner -> snapshot), in-process, with THREADS workers
 * /usr/bin/time -v java -Xmx2g -cp lethe-bench/target/benchmarks.jar dev.lethe.bench.pipeline.PipelineThroughput build CORPUS OUT [THREADS]
 * </pre>
 *
 * Both count megabytes of record text (10^6 characters: what the filter reads), so their ratio per core says how
 * much of the build's time the rest of the pipeline (reading, JSON, policy, hashing, compression, writing) costs.
 * Both also report megabytes per CPU-second of the process, which a machine shared with other work skews less
 * than wall-clock time.
 */
public final class PipelineThroughput {
  private PipelineThroughput() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: PipelineThroughput filter CORPUS [EVERY] | build CORPUS OUT [THREADS]");
      System.exit(2);
    }
    Path corpus = Path.of(args[1]);
    if (args[0].equals("filter")) {
      filter(corpus, args.length > 2 ? Integer.parseInt(args[2]) : 10);
    } else {
      build(corpus, Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors());
    }
  }

  static void filter(Path corpus, int every) throws IOException {
    List<String> texts = new ArrayList<>();
    long[] n = new long[1];
    Pseudonyms p = Pseudonyms.development();
    java.util.function.Consumer<SourceRecord> take = r -> {
      if (r.text() != null && n[0]++ % every == 0) {
        texts.add(r.text().strip());
      }
    };
    try (Database db = Database.sqlite(corpus.resolve("workspace/lethe.db"), Clock.systemUTC());
        TrainingView view = TrainingSource.of(db).open()) {
      new StoreSource(view, p, "corpus").read(take);
    }
    for (Path f : Inputs.files(corpus.resolve("web"), ".jsonl")) {
      new WebJsonlSource(f, p, ReadLimits.DEFAULT).read(take);
    }
    for (Path f : Inputs.files(corpus.resolve("partner"), ".jsonl")) {
      new PartnerSource(f, p, ReadLimits.DEFAULT).read(take);
    }
    PrivacyFilter filter = SnapshotBuilder.filter(PipelineConfig.defaults(), List.of());
    long chars = texts.stream().mapToLong(String::length).sum();
    long spans = 0;
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    for (String t : texts) {
      spans += filter.redact(t).replacements().size();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpuNanos() - cpu0) / 1e9;
    System.out.printf(Locale.ROOT, "filter alone, 1 thread: %,d texts (every %dth record), %.1f MB of text, %,d spans in %.1f s"
        + " (%.1f s of CPU): %.2f MB/s, %.2f MB per CPU-second%n", texts.size(), every, chars / 1e6, spans, s, cpu, chars / 1e6 / s,
        chars / 1e6 / cpu);
  }

  static void build(Path corpus, Path out, int threads) throws IOException {
    long[] chars = new long[1];
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    SnapshotBuilder.Result r;
    try (Database db = Database.sqlite(corpus.resolve("workspace/lethe.db"), Clock.systemUTC())) {
      r = SnapshotBuilder.build(new BuildRequest(PipelineConfig.defaults(), Pseudonyms.development(), TrainingSource.of(db), "corpus",
          List.of(corpus.resolve("web")), List.of(corpus.resolve("partner")), out, threads, 0, (records, c, read, total) -> chars[0] = c));
    }
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpuNanos() - cpu0) / 1e9;
    long inputBytes = r.manifest().inputs().stream().mapToLong(RecordSource.InputDigest::bytes).sum();
    int cores = Math.min(threads, Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "build, %d threads: %,d records, %.1f MB of text (%.1f MB of input) in %.1f s: %.2f MB/s, %.2f MB/s per core;"
            + " %,d documents out, %,d excluded; %.1f s of CPU: %.2f MB per CPU-second%n", threads, r.manifest().counts().recordsIn(),
        chars[0] / 1e6, inputBytes / 1e6, s, chars[0] / 1e6 / s, chars[0] / 1e6 / s / cores, r.manifest().counts().documentsOut(),
        r.manifest().counts().excluded(), cpu, chars[0] / 1e6 / cpu);
  }

  /** CPU time of the whole process (every thread, GC and JIT included), so that a shared machine does not skew the ratio. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
