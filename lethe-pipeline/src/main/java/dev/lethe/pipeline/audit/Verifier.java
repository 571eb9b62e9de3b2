package dev.lethe.pipeline.audit;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.TrainingDocument;
import dev.lethe.pipeline.run.ShardTasks;
import dev.lethe.pipeline.sink.DocumentLines;
import dev.lethe.pipeline.sink.Lineage;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.pipeline.sink.Sharding;
import dev.lethe.pipeline.sink.Snapshot;
import dev.lethe.pipeline.sink.ZstdLines;
import dev.lethe.pipeline.source.Digests;
import dev.lethe.platform.training.Change;
import dev.lethe.platform.training.SuppressionEntry;
import dev.lethe.platform.training.TrainingSource;
import dev.lethe.platform.training.TrainingView;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a snapshot against its manifest and against what must not be in it:
 *
 * <ol>
 *   <li>integrity: the manifest is complete, every shard and index file exists with the recorded digest and
 *       count, no stray shard, conservation ({@code records_in == documents_out + excluded}, per source too),
 *       lineage points at each document's real shard and line, and no document id occurs twice;
 *   <li>no excluded record is present (exclusion-log ids, except exact duplicates whose copy is kept);
 *   <li>with the store: no conversation or account deleted, and no user with a do-not-train request, up to the
 *       snapshot's watermark (later ones are reported as pending: run {@code lethe forget});
 *   <li>with the store: no suppressed string, matched case- and spacing-insensitively;
 *   <li>no planted canary (case-insensitive);
 *   <li>residual PII: the filter at the {@code recall} operating point over every document, counted per label
 *       (informational: masked text is not expected to be empty of weak candidates).
 * </ol>
 *
 * Findings name document ids, shards and labels, never content.
 */
public final class Verifier {
  /** One problem found: which check, and where. */
  public record Finding(String check, String detail) implements java.io.Serializable {}

  /**
   * @param snapshotId   the snapshot verified
   * @param documents    documents read
   * @param violations   what must not be there but is, and integrity failures
   * @param pending      deletions and suppressions after the snapshot's watermark still in it (forget fixes)
   * @param checks       each check with what it covered
   * @param residualPii  spans the filter finds at recall, per label
   * @param canaries     canaries checked
   */
  public record Report(String snapshotId, long documents, List<Finding> violations, List<Finding> pending,
      Map<String, String> checks, Map<String, Long> residualPii, int canaries) {
    public boolean ok() {
      return violations.isEmpty();
    }
  }

  private static final int MAX_FINDINGS = 50;

  private Verifier() {}

  /**
   * Verifies {@code dir}; {@code store} and {@code pseudonyms} (the key the snapshot was built with) enable the
   * deletion and suppression checks and may be null.
   */
  public static Report verify(Path dir, TrainingSource store, Pseudonyms pseudonyms) throws IOException {
    return verify(dir, store, pseudonyms, Runtime.getRuntime().availableProcessors(), 1);
  }

  /**
   * As {@link #verify(Path, TrainingSource, Pseudonyms)}, scanning shards on {@code threads} threads and running the
   * recall filter on every {@code residualEvery}-th document only (1: all; the other checks cover every document).
   */
  public static Report verify(Path dir, TrainingSource store, Pseudonyms pseudonyms, int threads, int residualEvery)
      throws IOException {
    return verify(dir, store, pseudonyms, ShardTasks.threads(threads), residualEvery);
  }

  /** As {@link #verify(Path, TrainingSource, Pseudonyms, int, int)}, scanning shards through {@code shardTasks}. */
  public static Report verify(Path dir, TrainingSource store, Pseudonyms pseudonyms, ShardTasks shardTasks, int residualEvery)
      throws IOException {
    List<Finding> violations = new ArrayList<>();
    List<Finding> pending = new ArrayList<>();
    Map<String, String> checks = new LinkedHashMap<>();
    if (!Snapshot.complete(dir)) {
      violations.add(new Finding("manifest", "no manifest.json: an unfinished build, not a snapshot"));
      return new Report(null, 0, violations, pending, checks, Map.of(), 0);
    }
    Manifest m = Manifest.read(dir);

    // Exclusions and lineage.
    Set<String> excluded = new HashSet<>();
    long exclusionLines = 0;
    try (BufferedReader r = ZstdLines.reader(dir.resolve(Snapshot.EXCLUSIONS))) {
      String line;
      while ((line = r.readLine()) != null) {
        exclusionLines++;
        Exclusion e = DocumentLines.exclusion(line);
        if (!e.reason().contentKeptElsewhere()) {
          excluded.add(e.id());
        }
      }
    }
    for (Map.Entry<String, String> f : m.files().entrySet()) {
      Path p = dir.resolve(f.getKey());
      if (!Files.isRegularFile(p)) {
        add(violations, "integrity", f.getKey() + " is missing");
      } else if (!Digests.file(p).equals(f.getValue())) {
        add(violations, "integrity", f.getKey() + " does not match its digest in the manifest");
      }
    }
    if (exclusionLines != m.counts().excluded()) {
      add(violations, "conservation", "exclusion log has " + exclusionLines + " lines, manifest says " + m.counts().excluded());
    }
    if (m.counts().recordsIn() != m.counts().documentsOut() + m.counts().excluded()) {
      add(violations, "conservation", "records_in " + m.counts().recordsIn() + " != documents_out " + m.counts().documentsOut()
          + " + excluded " + m.counts().excluded());
    }
    m.counts().bySource().forEach((k, c) -> {
      if (c.in() != c.out() + c.excluded()) {
        add(violations, "conservation", k + ": in " + c.in() + " != out " + c.out() + " + excluded " + c.excluded());
      }
    });

    // Store: deletions, opt-outs and suppression strings.
    Set<String> deletedDocs = new HashSet<>();
    Set<String> deletedSubjects = new HashSet<>();
    Map<String, Long> laterDocs = new HashMap<>();
    Map<String, Long> laterSubjects = new HashMap<>();
    List<String> suppressedNow = new ArrayList<>();
    List<String> suppressedLater = new ArrayList<>();
    if (store != null && pseudonyms != null && m.watermark() != null) {
      try (TrainingView view = store.open(); Stream<Change> changes = view.changesSince(0);
          Stream<SuppressionEntry> supp = view.suppressionList()) {
        for (Change c : (Iterable<Change>) changes::iterator) {
          boolean before = c.seq() <= m.watermark();
          List<String> ids = new ArrayList<>();
          switch (c.kind()) {
            case CONVERSATION_DELETED -> ids.add(pseudonyms.documentId(SourceKind.CONVERSATION, c.subjectId()));
            case MEMORY_DELETED -> ids.add(pseudonyms.documentId(SourceKind.MEMORY, c.subjectId()));
            case ACCOUNT_DELETED, DELETE_REQUEST_COMPLETED, DO_NOT_TRAIN -> {
              String s = pseudonyms.subject(c.userId());
              if (before) {
                deletedSubjects.add(s);
              } else {
                laterSubjects.putIfAbsent(s, c.seq());
              }
            }
            default -> { }
          }
          for (String id : ids) {
            if (before) {
              deletedDocs.add(id);
            } else {
              laterDocs.putIfAbsent(id, c.seq());
            }
          }
        }
        for (SuppressionEntry e : (Iterable<SuppressionEntry>) supp::iterator) {
          if (e.text() != null && e.text().codePoints().filter(ch -> !Character.isWhitespace(ch)).count() >= 3) {
            (e.seq() <= m.watermark() ? suppressedNow : suppressedLater).add(e.text());
          }
        }
      }
      checks.put("deletions", deletedDocs.size() + " deleted conversations/memories and " + deletedSubjects.size()
          + " deleted or opted-out users up to watermark " + m.watermark());
      checks.put("suppression", suppressedNow.size() + " suppression strings in force at the snapshot, "
          + suppressedLater.size() + " added since");
    } else {
      checks.put("deletions", "skipped: no store given");
      checks.put("suppression", "skipped: no store given");
    }
    // Lineage, streamed in id order: sorted and free of duplicates; per shard a count and an order-independent sum of
    // (id, line) hashes that the shard scan must reproduce; the documents of deleted and opted-out users.
    Map<Integer, long[]> lineageSums = new HashMap<>();
    long[] lineageCount = {0};
    String[] previous = {null};
    Lineage.documents(dir, e -> {
      lineageCount[0]++;
      if (previous[0] != null && e.id().compareTo(previous[0]) <= 0) {
        add(violations, "lineage", e.id().equals(previous[0]) ? e.id() + " is listed twice in the lineage index"
            : "the lineage index is not sorted by id at " + e.id());
      }
      previous[0] = e.id();
      long[] sum = lineageSums.computeIfAbsent(e.shard(), k -> new long[2]);
      sum[0]++;
      sum[1] += Lineage.entryHash(e.id(), e.shard(), e.line());
      if (e.subject() != null) {
        if (deletedSubjects.contains(e.subject())) {
          deletedDocs.add(e.id());
        } else if (laterSubjects.containsKey(e.subject())) {
          laterDocs.putIfAbsent(e.id(), laterSubjects.get(e.subject()));
        }
      }
    });
    List<Canaries.Planted> canaries = Canaries.read(dir);

    // Shards, as independent tasks: a document's shard is fixed by its id, so duplicates can only meet inside one shard.
    Scan scan = new Scan(m.shards().size(), lineageSums, excluded, deletedDocs, laterDocs, canaries, suppressedNow,
        suppressedLater, Math.max(1, residualEvery));
    Map<Label, Long> residual = new EnumMap<>(Label.class);
    long documents = 0;
    Set<String> listed = new HashSet<>();
    List<ShardTasks.Task<ShardResult>> tasks = new ArrayList<>();
    for (Manifest.Shard s : m.shards()) {
      listed.add(s.file());
      tasks.add(new ScanShard(scan, dir.toAbsolutePath().toString(), s));
    }
    for (ShardResult r : shardTasks.run(tasks)) {
      r.violations().forEach(x -> add(violations, x.check(), x.detail()));
      r.pending().forEach(x -> add(pending, x.check(), x.detail()));
      r.residual().forEach((k, v) -> residual.merge(k, v, Long::sum));
      documents += r.documents();
    }
    try (Stream<Path> files = Files.isDirectory(dir.resolve("shards")) ? Files.list(dir.resolve("shards")) : Stream.empty()) {
      files.map(f -> "shards/" + f.getFileName()).filter(f -> !listed.contains(f))
          .forEach(f -> add(violations, "integrity", f + " is not listed in the manifest"));
    }
    if (documents != m.counts().documentsOut()) {
      add(violations, "conservation", "shards hold " + documents + " documents, manifest says " + m.counts().documentsOut());
    }
    if (lineageCount[0] != documents) {
      add(violations, "lineage", "lineage lists " + lineageCount[0] + " documents, shards hold " + documents);
    }
    checks.put("integrity", m.shards().size() + " shards and " + m.files().size() + " files against the manifest digests");
    checks.put("conservation", m.counts().recordsIn() + " in = " + m.counts().documentsOut() + " out + " + m.counts().excluded() + " excluded");
    checks.put("excluded", excluded.size() + " excluded record ids");
    checks.put("canaries", canaries.size() + " planted canaries");
    if (residualEvery > 1) {
      checks.put("residual", "recall filter on every " + residualEvery + "th document");
    }
    Map<String, Long> res = new LinkedHashMap<>();
    residual.forEach((k, v) -> res.put(k.id(), v));
    return new Report(m.snapshotId(), documents, violations, pending, checks, res, canaries.size());
  }

  /** What one shard's scan found. */
  private record ShardResult(long documents, List<Finding> violations, List<Finding> pending, Map<Label, Long> residual)
      implements java.io.Serializable {}

  /** The recall-point filter, built once per JVM when a scan first needs it (its tagger model is the big part). */
  private static final class Recall {
    static final PrivacyFilter FILTER = PrivacyFilter.builder().operatingPoint(OperatingPoint.RECALL).build();
  }

  /** One shard's scan. */
  private record ScanShard(Scan scan, String dir, Manifest.Shard shard) implements ShardTasks.Task<ShardResult> {
    @Override
    public ShardResult call() throws IOException {
      return scan.shard(Path.of(dir), shard);
    }
  }

  /** The per-document checks, shared read-only by the shard tasks; serialisable, so the tasks can travel. */
  private record Scan(int shardCount, Map<Integer, long[]> lineageSums, Set<String> excluded,
      Set<String> deletedDocs, Map<String, Long> laterDocs, List<Canaries.Planted> canaries, List<String> suppressedNow,
      List<String> suppressedLater, int residualEvery) implements java.io.Serializable {

    ShardResult shard(Path dir, Manifest.Shard s) throws IOException {
      PrivacyFilter suppNow = suppressedNow.isEmpty() ? null : PrivacyFilter.builder().detectors(List.of()).suppress(suppressedNow).build();
      PrivacyFilter suppLater = suppressedLater.isEmpty() ? null
          : PrivacyFilter.builder().detectors(List.of()).suppress(suppressedLater).build();
      PrivacyFilter recall = Recall.FILTER;
      List<Finding> violations = new ArrayList<>();
      List<Finding> pending = new ArrayList<>();
      Map<Label, Long> residual = new EnumMap<>(Label.class);
      Path p = dir.resolve(s.file());
      if (!Files.isRegularFile(p)) {
        add(violations, "integrity", s.file() + " is missing");
        return new ShardResult(0, violations, pending, residual);
      }
      if (!Digests.file(p).equals(s.sha256())) {
        add(violations, "integrity", s.file() + " does not match its digest in the manifest");
      }
      List<String> canaryValues = canaries.stream().map(c -> c.value().toLowerCase(Locale.ROOT)).toList();
      int shard = Forget.shardIndex(s.file());
      Set<String> seen = new HashSet<>();
      long lineNo = 0;
      long lineageSum = 0;
      try (BufferedReader r = ZstdLines.reader(p)) {
        String line;
        while ((line = r.readLine()) != null) {
          TrainingDocument d = DocumentLines.document(line);
          String id = d.id();
          if (!seen.add(id)) {
            add(violations, "duplicates", id + " occurs more than once");
          }
          if (Sharding.shardOf(id, shardCount) != shard) {
            add(violations, "integrity", id + " is in " + s.file() + " but its id hashes to another shard");
          }
          lineageSum += Lineage.entryHash(id, shard, lineNo);
          if (excluded.contains(id)) {
            add(violations, "excluded", id + " is in the exclusion log but present in " + s.file());
          }
          if (deletedDocs.contains(id)) {
            add(violations, "deleted", id + " was deleted or opted out before the snapshot but is in " + s.file());
          } else if (laterDocs.containsKey(id)) {
            add(pending, "deleted", id + " left after the snapshot (change " + laterDocs.get(id) + "): run lethe forget");
          }
          String lower = d.text().toLowerCase(Locale.ROOT);
          for (int i = 0; i < canaryValues.size(); i++) {
            if (lower.contains(canaryValues.get(i))) {
              add(violations, "canary", "canary planted in " + canaries.get(i).record() + " found in " + id);
            }
          }
          if (suppNow != null && !suppNow.detect(d.text()).isEmpty()) {
            add(violations, "suppression", id + " in " + s.file() + " holds a suppressed string");
          } else if (suppLater != null && !suppLater.detect(d.text()).isEmpty()) {
            add(pending, "suppression", id + " holds a string suppressed after the snapshot: run lethe forget");
          }
          if (lineNo % residualEvery == 0) {
            for (Span sp : recall.detect(d.text())) {
              residual.merge(sp.label(), 1L, Long::sum);
            }
          }
          lineNo++;
        }
      }
      long[] listed = lineageSums.getOrDefault(shard, new long[2]);
      if (listed[0] != lineNo || listed[1] != lineageSum) {
        add(violations, "lineage", "the lineage index lists " + listed[0] + " documents in " + s.file() + ", which holds " + lineNo
            + (listed[0] == lineNo ? ", but their ids or lines differ" : ""));
      }
      if (lineNo != s.documents()) {
        add(violations, "integrity", s.file() + " has " + lineNo + " documents, manifest says " + s.documents());
      }
      return new ShardResult(lineNo, violations, pending, residual);
    }
  }

  private static void add(List<Finding> list, String check, String detail) {
    if (list.size() < MAX_FINDINGS) {
      list.add(new Finding(check, detail));
    } else if (list.size() == MAX_FINDINGS) {
      list.add(new Finding("more", "further findings not listed"));
    }
  }
}
