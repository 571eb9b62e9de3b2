package dev.lethe.spark;

import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.TrainingDocument;
import dev.lethe.pipeline.audit.Canaries;
import dev.lethe.pipeline.run.BuildRequest;
import dev.lethe.pipeline.run.SnapshotBuilder;
import dev.lethe.pipeline.sink.AtomicFiles;
import dev.lethe.pipeline.sink.DocumentLines;
import dev.lethe.pipeline.sink.Lineage;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.pipeline.sink.PrivacyReport;
import dev.lethe.pipeline.sink.Sharding;
import dev.lethe.pipeline.sink.Snapshot;
import dev.lethe.pipeline.sink.SnapshotSink;
import dev.lethe.pipeline.sink.ZstdLines;
import dev.lethe.pipeline.source.RecordSource;
import dev.lethe.pipeline.source.StoreSource;
import dev.lethe.pipeline.stage.PiiStats;
import dev.lethe.pipeline.stage.Stages;
import dev.lethe.platform.training.TrainingView;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * {@code lethe build} on Apache Spark, writing the same snapshot as {@link SnapshotBuilder} (same shards, lineage,
 * exclusion log, report and manifest digests) from the same pipeline code:
 *
 * <ol>
 *   <li>Sources: the store is read on the driver in one point-in-time view (its records are parallelised); every
 *       crawl and partner file is one task that reads it with the pipeline's reader. Each record carries its input
 *       position (source number, record number), which fixes every later order.
 *   <li>Stages: {@link Stages} (eligibility, minimisation, Privacy Filter, density gate, duplicate key) as a plain
 *       map; built once per executor JVM from a broadcast {@link Plan} ({@link ExecutorStages}).
 *   <li>Exact duplicates: a shuffle of small keys only (id key, text key, position). As in {@link SnapshotSink}, a
 *       document whose id an earlier document took is a duplicate id; among the others, one whose text key an
 *       earlier one has is a duplicate text; the first in input order wins.
 *   <li>Shards: documents partitioned by shard ({@link Sharding}) and sorted by input position with the losers'
 *       markers; each shard task writes its file under a name of its own attempt.
 *   <li>Lineage (sorted by id, subjects by subject), the exclusion log (input order) and the report's counts come
 *       back to the driver as sorted streams of small lines and are written there through the pipeline's writers.
 *   <li>Commit: the winning attempts' shard files are renamed onto their final names, other attempts' files are
 *       deleted, and {@link SnapshotBuilder#finish} writes the report and the manifest, last. A job that fails leaves
 *       no manifest: nothing reads the folder as a snapshot, and the same command run again rebuilds it.
 * </ol>
 *
 * Canaries ({@code --canaries N}) are chosen as the local runner chooses them, the first N records of each kind and
 * eligibility in input order: a first pass over the inputs finds each file's first candidates, the driver picks,
 * and the stage tasks plant the chosen ones.
 *
 * <p>Output does not depend on the number of executors, partitions, or retried tasks.
 */
public final class SparkBuild {
  /**
   * Local property ({@link JavaSparkContext#setLocalProperty}) for the tests of retries and failed jobs, never set in
   * production: {@code true} makes the first attempt of one stage task and of one shard-writing task fail half-way;
   * {@code always} makes every attempt of that shard-writing task fail, and so the job.
   */
  public static final String INJECT_FAILURE = "spark.lethe.injectTaskFailure";

  private SparkBuild() {}

  /** What every executor needs to build the stages: the configuration, the crawl's site folders, suppression strings. */
  public record Plan(PipelineConfig config, List<String> crawlDirs, List<String> suppressed) implements Serializable {}

  /** One record as read, with its input position; or, with {@code digest} set, the end of an input file. */
  record Raw(long order, SourceRecord record, Digest digest) implements Serializable {}

  /** One record through the stages, with its input position; or, with {@code digest} set, the end of an input file. */
  record Row(long order, Stages.Outcome outcome, Digest digest) implements Serializable {}

  /** A file's {@link RecordSource.InputDigest}, able to travel back to the driver. */
  record Digest(int source, String kind, String name, String digest, long records, long bytes) implements Serializable {
    RecordSource.InputDigest toInput() {
      return new RecordSource.InputDigest(kind, name, digest, records, bytes);
    }
  }

  /** A readable record that could carry a canary: its position, id, kind and eligibility. */
  record Candidate(long order, String id, SourceKind kind, boolean eligible) implements Serializable {
    static Candidate of(long order, SourceRecord r, Stages stages) {
      return r.text() == null ? null : new Candidate(order, r.id(), r.kind(), stages.eligibility().apply(r) == null);
    }

    /** The first {@code n} candidates of each kind and eligibility in one file: the only ones that can be chosen. */
    static Iterator<Candidate> firstOfFile(int source, RecordSource input, Stages stages, int n) throws IOException {
      List<Candidate> out = new ArrayList<>();
      Map<SourceKind, int[]> counts = new java.util.EnumMap<>(SourceKind.class);
      long[] index = {0};
      input.read(r -> {
        Candidate c = of(SparkBuild.order(source, index[0]++), r, stages);
        if (c != null && counts.computeIfAbsent(c.kind(), k -> new int[2])[c.eligible() ? 1 : 0]++ < n) {
          out.add(c);
        }
      });
      return out.iterator();
    }
  }

  /** A kept document's duplicate keys: what the duplicate shuffle moves instead of the document. */
  record Key(long order, long idKey, long textKey, String id, SourceKind source, int shard) implements Serializable {}

  /** A document position within its shard; a loser's marker sorts before the document it removes. */
  record ShardKey(int shard, long order, boolean loser) implements Serializable {}

  /** One exclusion-log line with what the report counts of it. */
  record Excluded(String line, SourceKind source, Reason reason, PiiStats stats) implements Serializable {}

  /** One written shard file, not yet published. */
  record ShardFile(int shard, long documents, String sha256, long bytes, String tmp, PrivacyReport kept) implements Serializable {}

  /** Partitions by shard number. */
  static final class ShardPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int shards;

    ShardPartitioner(int shards) {
      this.shards = shards;
    }

    @Override
    public int numPartitions() {
      return shards;
    }

    @Override
    public int getPartition(Object key) {
      return ((ShardKey) key).shard();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ShardPartitioner p && p.shards == shards;
    }

    @Override
    public int hashCode() {
      return shards;
    }
  }

  /** Input position, then a loser's marker before the document. */
  static final class ByPosition implements Comparator<ShardKey>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(ShardKey a, ShardKey b) {
      int c = Long.compare(a.order(), b.order());
      return c != 0 ? c : Boolean.compare(b.loser(), a.loser());
    }
  }

  /** The position of record {@code index} of source {@code source}: sources in build order, records in file order. */
  static long order(int source, long index) {
    return ((long) source << 40) | index;
  }

  /** Builds the snapshot of {@code req} on {@code jsc}; {@code req.threads()} and {@code req.progress()} are not used. */
  public static SnapshotBuilder.Result build(JavaSparkContext jsc, BuildRequest req) throws IOException {
    Path dir = req.out().toAbsolutePath();
    if (Snapshot.complete(dir)) {
      return new SnapshotBuilder.Result(Manifest.read(dir), dir, true, Canaries.read(dir), null);
    }
    SnapshotBuilder.prepareFolder(dir);
    PipelineConfig cfg = req.config();
    Pseudonyms pseudonyms = req.pseudonyms();
    String injected = jsc.getLocalProperty(INJECT_FAILURE);
    boolean inject = "true".equals(injected);
    boolean injectAlways = "always".equals(injected);

    Long watermark = null;
    List<String> suppressed = List.of();
    List<Tuple2<SourceRecord, Long>> storeRecords = new ArrayList<>();
    Digest storeDigest = null;
    if (req.store() != null) {
      try (TrainingView view = req.store().open()) {
        watermark = view.watermark();
        suppressed = SnapshotBuilder.suppressed(view);
        long[] n = {0};
        RecordSource.InputDigest d = new StoreSource(view, pseudonyms, req.storeName())
            .read(r -> storeRecords.add(new Tuple2<>(r, order(0, n[0]++))));
        storeDigest = new Digest(0, d.kind(), d.name(), d.digest(), d.records(), d.bytes());
      }
    }
    int first = req.store() == null ? 0 : 1;  // the store is source 0
    List<Tuple2<Integer, SnapshotBuilder.InputFile>> files = new ArrayList<>();
    for (SnapshotBuilder.InputFile f : SnapshotBuilder.inputFiles(req)) {
      files.add(new Tuple2<>(first + files.size(), f));
    }
    Plan plan = new Plan(cfg, SnapshotBuilder.crawlDirs(req.web()).stream().map(p -> p.toAbsolutePath().toString()).toList(),
        suppressed);
    Broadcast<Plan> bplan = jsc.broadcast(plan);
    Broadcast<Pseudonyms> bkeys = jsc.broadcast(pseudonyms);
    long planId = bplan.id();
    Stages driverStages = SnapshotBuilder.stages(cfg, SnapshotBuilder.crawlDirs(req.web()), suppressed);

    // Canaries: the first N records of each kind and eligibility in input order, as the local runner chooses them.
    Map<Long, Canaries.Planted> chosen = new java.util.HashMap<>();
    List<Canaries.Planted> planted = new ArrayList<>();
    if (req.canaries() > 0) {
      int n = req.canaries();
      List<Candidate> candidates = new ArrayList<>();
      for (Tuple2<SourceRecord, Long> t : storeRecords) {
        Candidate c = Candidate.of(t._2(), t._1(), driverStages);
        if (c != null) {
          candidates.add(c);
        }
      }
      candidates.addAll(jsc.parallelize(files, Math.max(1, files.size()))
          .flatMap(t -> Candidate.firstOfFile(t._1(), t._2().open(bkeys.value(), bplan.value().config().readLimits()),
              ExecutorStages.of(planId, bplan.value()), n))
          .collect());
      candidates.sort(Comparator.comparingLong(Candidate::order));
      Canaries canaries = new Canaries(n, pseudonyms, driverStages.eligibility());
      Map<SourceKind, int[]> counts = new java.util.EnumMap<>(SourceKind.class);
      for (Candidate c : candidates) {
        int[] k = counts.computeIfAbsent(c.kind(), x -> new int[2]);
        if (k[c.eligible() ? 1 : 0]++ < n) {
          Canaries.Planted p = canaries.canary(c.id(), c.kind(), c.eligible());
          chosen.put(c.order(), p);
          planted.add(p);
        }
      }
    }
    Broadcast<Map<Long, Canaries.Planted>> bchosen = jsc.broadcast(chosen);

    // Sources, spread over the cores (a file is read by one task, however large), then the stages.
    JavaRDD<Raw> raw = jsc.parallelize(files, Math.max(1, files.size()))
        .flatMap(t -> new FileRows(t._1(), t._2().open(bkeys.value(), bplan.value().config().readLimits())));
    if (!storeRecords.isEmpty()) {
      raw = jsc.parallelize(storeRecords.stream().map(t -> new Raw(t._2(), t._1(), null)).toList(), jsc.defaultParallelism())
          .union(raw);
    }
    raw = raw.repartition(Math.max(raw.getNumPartitions(), 4 * jsc.defaultParallelism()));
    JavaRDD<Row> rows = raw.mapPartitions(it -> staged(it, ExecutorStages.of(planId, bplan.value()), bchosen.value(), inject));
    rows = rows.persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      List<RecordSource.InputDigest> digests = new ArrayList<>();
      if (storeDigest != null) {
        digests.add(storeDigest.toInput());
      }
      rows.filter(r -> r.digest() != null).map(Row::digest).collect().stream()
          .sorted(Comparator.comparingInt(Digest::source)).forEach(d -> digests.add(d.toInput()));
      JavaRDD<Row> outcomes = rows.filter(r -> r.digest() == null);

      // Exact duplicates, on keys only.
      int shards = cfg.shards();
      JavaRDD<Key> keys = outcomes.filter(r -> r.outcome() instanceof Stages.Kept).map(r -> {
        Stages.Kept k = (Stages.Kept) r.outcome();
        String id = k.document().id();
        return new Key(r.order(), SnapshotSink.idKey(id), SnapshotSink.textKey(k.textKey()), id, k.document().source(),
            Sharding.shardOf(id, shards));
      });
      JavaRDD<Tuple2<Key, Reason>> byId = keys.groupBy(Key::idKey).flatMap(g -> firstWins(g._2(), Reason.DUPLICATE_ID));
      JavaRDD<Tuple2<Key, Reason>> byText = byId.filter(t -> t._2() == null).map(Tuple2::_1).groupBy(Key::textKey)
          .flatMap(g -> firstWins(g._2(), Reason.DUPLICATE_TEXT));
      JavaRDD<Tuple2<Key, Reason>> losers = byId.filter(t -> t._2() != null).union(byText.filter(t -> t._2() != null))
          .persist(StorageLevel.MEMORY_AND_DISK());

      // Shards: documents and losers' markers by shard, in input order.
      JavaPairRDD<ShardKey, Stages.Kept> docs = outcomes.filter(r -> r.outcome() instanceof Stages.Kept)
          .mapToPair(r -> new Tuple2<>(new ShardKey(Sharding.shardOf(((Stages.Kept) r.outcome()).document().id(), shards),
              r.order(), false), (Stages.Kept) r.outcome()));
      JavaPairRDD<ShardKey, Stages.Kept> markers = losers.mapToPair(t -> new Tuple2<>(new ShardKey(t._1().shard(), t._1().order(),
          true), null));
      JavaPairRDD<ShardKey, Stages.Kept> placed = docs.union(markers)
          .repartitionAndSortWithinPartitions(new ShardPartitioner(shards), new ByPosition());
      String out = dir.toString();
      int level = cfg.zstdLevel();
      List<ShardFile> written = placed.mapPartitionsWithIndex((shard, it) -> List.of(writeShard(out, shard, level, it, inject, injectAlways))
          .iterator(), true).collect();

      // Lineage: where each kept document went, sorted by id; each user's documents, sorted by subject.
      Map<String, String> fileDigests = new TreeMap<>();
      JavaRDD<Tuple2<String, String>> entries = placed.mapPartitionsWithIndex((shard, it) -> lineage(shard, it), true);
      try (ZstdLines w = new ZstdLines(dir.resolve(Snapshot.DOCUMENTS), level)) {
        for (Iterator<String> it = entries.mapToPair(e -> e).filter(e -> e._1().charAt(0) != '\t').sortByKey().values()
            .toLocalIterator(); it.hasNext(); ) {
          w.append(it.next());
        }
        fileDigests.put(Snapshot.DOCUMENTS, w.commit());
      }
      try (ZstdLines w = new ZstdLines(dir.resolve(Snapshot.SUBJECTS), Lineage.SUBJECTS_LEVEL)) {
        Lineage.SubjectLines lines = new Lineage.SubjectLines(w);
        for (Iterator<String> it = entries.filter(e -> e._1().charAt(0) == '\t').map(e -> e._2()).sortBy(s -> s, true,
            jsc.defaultParallelism()).toLocalIterator(); it.hasNext(); ) {
          lines.accept(it.next());
        }
        lines.finish();
        fileDigests.put(Snapshot.SUBJECTS, w.commit());
      }

      // The exclusion log in input order, counted into the report; the shard tasks counted the kept documents.
      PrivacyReport report = new PrivacyReport();
      JavaPairRDD<Long, Excluded> dropped = outcomes.filter(r -> r.outcome() instanceof Stages.Dropped).mapToPair(r -> {
        Stages.Dropped d = (Stages.Dropped) r.outcome();
        return new Tuple2<>(r.order(), new Excluded(DocumentLines.toLine(d.exclusion()), d.exclusion().source(),
            d.exclusion().reason(), d.stats()));
      });
      JavaPairRDD<Long, Excluded> duplicates = losers.mapToPair(t -> new Tuple2<>(t._1().order(), new Excluded(
          DocumentLines.toLine(SnapshotSink.duplicate(t._1().id(), t._1().source(), t._2())), t._1().source(), t._2(), null)));
      try (ZstdLines w = new ZstdLines(dir.resolve(Snapshot.EXCLUSIONS), level)) {
        for (Iterator<Excluded> it = dropped.union(duplicates).sortByKey().values().toLocalIterator(); it.hasNext(); ) {
          Excluded e = it.next();
          w.append(e.line());
          report.excluded(e.source(), e.reason(), e.stats());
        }
        fileDigests.put(Snapshot.EXCLUSIONS, w.commit());
      }

      // Commit: the winning attempts' shards under their final names, then report and manifest.
      List<Manifest.Shard> list = new ArrayList<>();
      for (ShardFile f : written.stream().sorted(Comparator.comparingInt(ShardFile::shard)).toList()) {
        String name = Sharding.fileName(f.shard());
        AtomicFiles.publish(Path.of(f.tmp()), dir.resolve(name));
        list.add(new Manifest.Shard(name, f.documents(), f.sha256(), f.bytes()));
        report.merge(f.kept());
      }
      deleteLeftovers(dir.resolve("shards"));
      losers.unpersist(false);
      return SnapshotBuilder.finish(req, watermark, digests, new SnapshotSink.Committed(list, fileDigests), report, planted,
          driverStages.masking().filter());
    } finally {
      rows.unpersist(false);
      bplan.destroy();
      bkeys.destroy();
      bchosen.destroy();
    }
  }

  /** A partition's records through the stages, the chosen canaries planted; a digest passes as it is. */
  private static Iterator<Row> staged(Iterator<Raw> it, Stages stages, Map<Long, Canaries.Planted> canaries, boolean inject) {
    TaskContext task = TaskContext.get();
    boolean fail = inject && task != null && task.partitionId() == 0 && task.attemptNumber() == 0;
    return new Iterator<>() {
      private long seen;

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Row next() {
        Raw r = it.next();
        if (r.digest() != null) {
          return new Row(r.order(), null, r.digest());
        }
        if (fail && ++seen == 3) {
          throw new IllegalStateException("injected failure: stage task killed after three records");
        }
        Canaries.Planted canary = canaries.get(r.order());
        return new Row(r.order(), stages.apply(canary == null ? r.record() : Canaries.planted(r.record(), canary)), null);
      }
    };
  }

  /** The first key in input order wins; the others lose for {@code reason}; the winner is paired with null. */
  private static Iterator<Tuple2<Key, Reason>> firstWins(Iterable<Key> group, Reason reason) {
    List<Key> all = new ArrayList<>();
    group.forEach(all::add);
    all.sort(Comparator.comparingLong(Key::order));
    List<Tuple2<Key, Reason>> out = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      out.add(new Tuple2<>(all.get(i), i == 0 ? null : reason));
    }
    return out.iterator();
  }

  /** Writes one shard's documents (losers skipped) under this attempt's own name; counts them for the report. */
  private static ShardFile writeShard(String out, int shard, int level, Iterator<Tuple2<ShardKey, Stages.Kept>> it,
      boolean inject, boolean injectAlways) throws IOException {
    TaskContext task = TaskContext.get();
    Path target = Path.of(out).resolve(Sharding.fileName(shard));
    Path tmp = target.resolveSibling(target.getFileName() + ".attempt-" + task.taskAttemptId() + AtomicFiles.TMP);
    PrivacyReport kept = new PrivacyReport();
    ZstdLines w = new ZstdLines(target, tmp, level);
    try {
      for (Stages.Kept k : placedDocuments(it)) {
        TrainingDocument doc = k.document();
        w.append(DocumentLines.toLine(doc));
        kept.kept(doc.source(), k.stats());
        if (shard == 1 && w.lines() == 2 && (injectAlways || inject && task.attemptNumber() == 0)) {
          throw new IllegalStateException("injected failure: shard task killed after two documents");
        }
      }
    } finally {
      w.close();
    }
    return new ShardFile(shard, w.lines(), w.sha256(), Files.size(tmp), tmp.toString(), kept);
  }

  /**
   * One shard's lineage: {@code (id, lineage line)} for every document, and {@code ("\t", subject key)} for each
   * document of a user.
   */
  private static Iterator<Tuple2<String, String>> lineage(int shard, Iterator<Tuple2<ShardKey, Stages.Kept>> it) {
    List<Tuple2<String, String>> out = new ArrayList<>();
    long line = 0;
    long[] orders = {0};
    for (Stages.Kept k : placedDocuments(it, orders)) {
      TrainingDocument doc = k.document();
      out.add(new Tuple2<>(doc.id(), DocumentLines.lineage(doc.id(), shard, line++, doc.source(), k.subject())));
      if (k.subject() != null) {
        out.add(new Tuple2<>("\t", Lineage.subjectKey(k.subject(), orders[0], doc.id())));
      }
    }
    return out.iterator();
  }

  private static Iterable<Stages.Kept> placedDocuments(Iterator<Tuple2<ShardKey, Stages.Kept>> it) {
    return placedDocuments(it, new long[1]);
  }

  /** The documents of a sorted shard partition that no marker removes; {@code order[0]} is the current one's position. */
  private static Iterable<Stages.Kept> placedDocuments(Iterator<Tuple2<ShardKey, Stages.Kept>> it, long[] order) {
    return () -> new Iterator<>() {
      private Stages.Kept next;

      @Override
      public boolean hasNext() {
        long removed = -1;
        while (next == null && it.hasNext()) {
          Tuple2<ShardKey, Stages.Kept> t = it.next();
          if (t._1().loser()) {
            removed = t._1().order();
          } else if (t._1().order() != removed) {
            next = t._2();
            order[0] = t._1().order();
          }
        }
        return next != null;
      }

      @Override
      public Stages.Kept next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Stages.Kept k = next;
        next = null;
        return k;
      }
    };
  }

  /** Deletes the shard files of failed or duplicate task attempts. */
  private static void deleteLeftovers(Path shards) throws IOException {
    if (!Files.isDirectory(shards)) {
      return;
    }
    try (Stream<Path> s = Files.list(shards)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(AtomicFiles.TMP)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
