package dev.lethe.pipeline.audit;

import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import dev.lethe.filter.mask.Maskers;
import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.TrainingDocument;
import dev.lethe.pipeline.run.ShardTasks;
import dev.lethe.pipeline.run.SnapshotBuilder;
import dev.lethe.pipeline.sink.AtomicFiles;
import dev.lethe.pipeline.sink.DocumentLines;
import dev.lethe.pipeline.sink.Lineage;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.pipeline.sink.PrivacyReport;
import dev.lethe.pipeline.sink.Sharding;
import dev.lethe.pipeline.sink.Snapshot;
import dev.lethe.pipeline.sink.ZstdLines;
import dev.lethe.pipeline.source.Digests;
import dev.lethe.pipeline.source.RecordSource;
import dev.lethe.platform.training.Change;
import dev.lethe.platform.training.TrainingSource;
import dev.lethe.platform.training.TrainingView;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Deletion propagation: a new snapshot from a parent snapshot and what the data-controls store recorded
 * after it (deleted conversations and accounts, completed delete and do-not-train requests, deleted or
 * edited memories, new suppression strings). Documents that must leave are removed, documents holding a
 * newly suppressed string are re-masked, and only the shards that held such documents are rewritten; every
 * other shard is copied byte for byte. The exclusion log carries the parent's entries plus one per removed
 * document with its reason, and the manifest counts stay cumulative, so conservation still holds against
 * the original inputs. Edited memories are removed (the new text enters with the next full build); new
 * eligible data is not added here.
 */
public final class Forget {
  /** What a forget run did. */
  public record Result(Manifest manifest, Path dir, boolean alreadyComplete) {}

  private Forget() {}

  public static Result run(Path parentDir, Path out, TrainingSource store, Pseudonyms pseudonyms) throws IOException {
    return run(parentDir, out, store, pseudonyms, ShardTasks.threads(Runtime.getRuntime().availableProcessors()));
  }

  /** As {@link #run(Path, Path, TrainingSource, Pseudonyms)}, scanning and rewriting shards through {@code tasks}. */
  public static Result run(Path parentDir, Path out, TrainingSource store, Pseudonyms pseudonyms, ShardTasks tasks)
      throws IOException {
    if (!Snapshot.complete(parentDir)) {
      throw new IllegalArgumentException(parentDir + " is not a complete snapshot (no manifest.json)");
    }
    if (Snapshot.complete(out)) {
      return new Result(Manifest.read(out), out, true);
    }
    Manifest parent = Manifest.read(parentDir);
    if (!pseudonyms.keyId().equals(parent.pseudonymKeyId())) {
      throw new IllegalArgumentException("the pseudonym key (id " + pseudonyms.keyId() + ") is not the one snapshot "
          + parent.snapshotId() + " was built with (id " + parent.pseudonymKeyId() + "): its documents cannot be matched");
    }
    if (parent.watermark() == null) {
      throw new IllegalArgumentException("snapshot " + parent.snapshotId() + " read no data-controls store: nothing to propagate");
    }
    PipelineConfig cfg = Manifest.MAPPER.convertValue(parent.config(), PipelineConfig.class);
    SnapshotBuilder.prepareFolder(out);

    Map<String, Reason> removed = new LinkedHashMap<>();
    Map<String, Long> changeKinds = new TreeMap<>();
    List<String> newSuppressions = new ArrayList<>();
    long watermark;
    MessageDigest changeDigest = Digests.sha256();
    List<Change> read = new ArrayList<>();
    Set<String> named = new HashSet<>();  // subjects whose every document a change removes
    try (TrainingView view = store.open(); Stream<Change> changes = view.changesSince(parent.watermark())) {
      watermark = view.watermark();
      for (Change c : (Iterable<Change>) changes::iterator) {
        changeKinds.merge(c.kind().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
        changeDigest.update((c.seq() + " " + c.kind() + " " + pseudonyms.subject(c.userId()) + " "
            + (c.subjectId() == null ? "" : pseudonyms.digest("subject", c.subjectId())) + "\n").getBytes(StandardCharsets.UTF_8));
        read.add(c);
        if (EnumSet.of(Change.Kind.ACCOUNT_DELETED, Change.Kind.DELETE_REQUEST_COMPLETED, Change.Kind.DO_NOT_TRAIN).contains(c.kind())) {
          named.add(pseudonyms.subject(c.userId()));
        }
      }
    }
    // The lineage index is streamed: only the subjects and documents the changes name are held.
    Map<String, List<String>> subjects = new HashMap<>();
    Lineage.subjects(parentDir, (subject, docs) -> {
      if (named.contains(subject)) {
        subjects.put(subject, docs);
      }
    });
    for (Change c : read) {
      String subject = pseudonyms.subject(c.userId());
      switch (c.kind()) {
        case CONVERSATION_DELETED -> removed.putIfAbsent(pseudonyms.documentId(SourceKind.CONVERSATION, c.subjectId()), Reason.CONVERSATION_DELETED);
        case ACCOUNT_DELETED, DELETE_REQUEST_COMPLETED -> subjects.getOrDefault(subject, List.of())
            .forEach(d -> removed.putIfAbsent(d, Reason.ACCOUNT_DELETED));
        case DO_NOT_TRAIN -> subjects.getOrDefault(subject, List.of()).forEach(d -> removed.putIfAbsent(d, Reason.DO_NOT_TRAIN));
        case MEMORY_DELETED -> removed.putIfAbsent(pseudonyms.documentId(SourceKind.MEMORY, c.subjectId()), Reason.MEMORY_DELETED);
        case MEMORY_UPDATED -> removed.putIfAbsent(pseudonyms.documentId(SourceKind.MEMORY, c.subjectId()), Reason.MEMORY_UPDATED);
        case SUPPRESSION_ADDED -> {
          if (c.text() != null && c.text().codePoints().filter(ch -> !Character.isWhitespace(ch)).count() >= 3) {
            newSuppressions.add(c.text());
          }
        }
        case TRAINING_SETTING_CHANGED -> { }
      }
    }

    // Which shards change: those holding a removed document, and (with new suppression strings) those holding a match.
    Map<String, Integer> shardOf = new HashMap<>();
    Map<Integer, List<Long>> removedLines = new HashMap<>();
    Lineage.documents(parentDir, e -> {
      if (removed.containsKey(e.id())) {
        shardOf.put(e.id(), e.shard());
        removedLines.computeIfAbsent(e.shard(), k -> new ArrayList<>()).add(e.line());
      }
    });
    removedLines.values().forEach(l -> l.sort(null));
    removed.keySet().retainAll(shardOf.keySet());
    Set<Integer> affected = new TreeSet<>();
    removed.keySet().forEach(id -> affected.add(shardOf.get(id)));
    String from = parentDir.toAbsolutePath().toString();
    String to = out.toAbsolutePath().toString();
    if (!newSuppressions.isEmpty()) {
      List<Manifest.Shard> others = parent.shards().stream().filter(s -> !affected.contains(shardIndex(s.file()))).toList();
      List<ShardTasks.Task<Boolean>> scans = new ArrayList<>();
      for (Manifest.Shard s : others) {
        scans.add(new Match(from, s.file(), newSuppressions));
      }
      List<Boolean> hit = tasks.run(scans);
      for (int i = 0; i < others.size(); i++) {
        if (hit.get(i)) {
          affected.add(shardIndex(others.get(i).file()));
        }
      }
    }

    // Write shards: rewritten or copied, one task each.
    Set<String> gone = new HashSet<>(removed.keySet());
    List<ShardTasks.Task<Rewritten>> jobs = new ArrayList<>();
    for (Manifest.Shard s : parent.shards()) {
      boolean rewrite = affected.contains(shardIndex(s.file()));
      jobs.add(new Rewrite(from, to, s, rewrite, rewrite ? gone : Set.of(), newSuppressions, cfg));
    }
    List<Manifest.Shard> shards = new ArrayList<>();
    long remasked = 0;
    for (Rewritten r : tasks.run(jobs)) {
      shards.add(r.shard());
      remasked += r.remasked();
    }

    // Lineage, subjects, exclusions, canaries.
    Map<String, String> files = new TreeMap<>();
    // A kept document moves up by the removed documents before it in its shard; the id order stays.
    try (ZstdLines w = new ZstdLines(out.resolve(Snapshot.DOCUMENTS), cfg.zstdLevel())) {
      Lineage.documents(parentDir, e -> {
        if (!removed.containsKey(e.id())) {
          long at = e.line() - before(removedLines.getOrDefault(e.shard(), List.of()), e.line());
          w.append(DocumentLines.lineage(e.id(), e.shard(), at, e.source(), e.subject()));
        }
      });
      files.put(Snapshot.DOCUMENTS, w.commit());
    }
    try (ZstdLines w = new ZstdLines(out.resolve(Snapshot.SUBJECTS), Lineage.SUBJECTS_LEVEL)) {
      Lineage.subjects(parentDir, (subject, docs) -> {
        List<String> left = docs.stream().filter(d -> !removed.containsKey(d)).toList();
        if (!left.isEmpty()) {
          w.append(DocumentLines.subjects(subject, left));
        }
      });
      files.put(Snapshot.SUBJECTS, w.commit());
    }
    Map<String, Long> removedByReason = new TreeMap<>();
    Map<String, long[]> bySource = new TreeMap<>();
    parent.counts().bySource().forEach((k, c) -> bySource.put(k, new long[] {c.in(), c.out(), c.excluded()}));
    Map<String, Long> byReason = new TreeMap<>(parent.counts().byReason());
    try (ZstdLines w = new ZstdLines(out.resolve(Snapshot.EXCLUSIONS), cfg.zstdLevel());
        BufferedReader r = ZstdLines.reader(parentDir.resolve(Snapshot.EXCLUSIONS))) {
      String line;
      while ((line = r.readLine()) != null) {
        w.append(line);
      }
      for (Map.Entry<String, Reason> e : removed.entrySet()) {
        SourceKind kind = SourceKind.fromId(switch (e.getKey().charAt(0)) {
          case 'c' -> "conversation";
          case 'm' -> "memory";
          case 'w' -> "web";
          default -> "partner";
        });
        w.append(DocumentLines.toLine(new Exclusion(e.getKey(), kind, "snapshot " + parent.snapshotId(), e.getValue(),
            "change after watermark " + parent.watermark())));
        removedByReason.merge(e.getValue().id(), 1L, Long::sum);
        byReason.merge(e.getValue().id(), 1L, Long::sum);
        long[] c = bySource.computeIfAbsent(kind.id(), k -> new long[3]);
        c[1]--;
        c[2]++;
      }
      files.put(Snapshot.EXCLUSIONS, w.commit());
    }
    if (Files.exists(parentDir.resolve(Snapshot.CANARIES))) {
      Path tmp = AtomicFiles.tmp(out.resolve(Snapshot.CANARIES));
      Files.copy(parentDir.resolve(Snapshot.CANARIES), tmp);
      AtomicFiles.publish(tmp, out.resolve(Snapshot.CANARIES));
      files.put(Snapshot.CANARIES, Digests.file(out.resolve(Snapshot.CANARIES)));
    }

    long outDocs = shards.stream().mapToLong(Manifest.Shard::documents).sum();
    Map<String, Manifest.SourceCounts> counts = new LinkedHashMap<>();
    bySource.forEach((k, c) -> counts.put(k, new Manifest.SourceCounts(c[0], c[1], c[2])));
    List<String> rewritten = affected.stream().map(Sharding::fileName).toList();
    Manifest.Forget forget = new Manifest.Forget(parent.watermark(), changeKinds, removedByReason, remasked, rewritten.size(), rewritten);
    List<RecordSource.InputDigest> inputs = List.of(
        new RecordSource.InputDigest("snapshot", parent.snapshotId(), Digests.file(parentDir.resolve(Snapshot.MANIFEST)),
            parent.counts().documentsOut(), 0),
        new RecordSource.InputDigest("changes", "store changes after watermark " + parent.watermark() + " up to " + watermark,
            Digests.format(changeDigest), changeKinds.values().stream().mapToLong(Long::longValue).sum(), 0));
    String id = SnapshotBuilder.snapshotId(parent.snapshotId(), cfg, pseudonyms.keyId(), inputs);
    writeReport(out, id, parent, counts, byReason, forget);
    files.put(Snapshot.REPORT_JSON, Digests.file(out.resolve(Snapshot.REPORT_JSON)));
    files.put(Snapshot.REPORT_HTML, Digests.file(out.resolve(Snapshot.REPORT_HTML)));
    Manifest m = new Manifest(Manifest.FORMAT, id, parent.snapshotId(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        watermark, inputs, parent.configHash(), parent.config(), parent.pseudonymKeyId(), parent.filter(),
        new Manifest.Counts(parent.counts().recordsIn(), outDocs, parent.counts().excluded() + removed.size(), counts, byReason),
        shards, files, forget);
    m.write(out);
    return new Result(m, out, false);
  }

  static int shardIndex(String file) {
    String n = file.substring(file.indexOf("shard-") + 6, file.indexOf(".jsonl"));
    return Integer.parseInt(n);
  }

  /** The suppression filter of strings added after the parent, masking in the parent's style. */
  private static PrivacyFilter suppression(List<String> strings, PipelineConfig cfg) {
    return PrivacyFilter.builder().detectors(List.of()).masker(Maskers.create(cfg.style(), null, cfg.phoneRegion()))
        .suppress(strings).build();
  }

  /** Whether a shard holds a newly suppressed string. */
  private record Match(String parentDir, String file, List<String> strings) implements ShardTasks.Task<Boolean> {
    @Override
    public Boolean call() throws IOException {
      PrivacyFilter f = PrivacyFilter.builder().detectors(List.of()).suppress(strings).build();
      try (BufferedReader r = ZstdLines.reader(Path.of(parentDir).resolve(file))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!f.detect(DocumentLines.document(line).text()).isEmpty()) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** What became of one shard. */
  private record Rewritten(Manifest.Shard shard, long remasked) implements java.io.Serializable {}

  /**
   * One shard of the child: copied byte for byte, or rewritten without the removed documents and with newly
   * suppressed strings masked.
   */
  private record Rewrite(String parentDir, String outDir, Manifest.Shard shard, boolean rewrite, Set<String> removed,
      List<String> suppress, PipelineConfig cfg) implements ShardTasks.Task<Rewritten> {
    @Override
    public Rewritten call() throws IOException {
      Path source = Path.of(parentDir).resolve(shard.file());
      Path target = Path.of(outDir).resolve(shard.file());
      if (!rewrite) {
        Files.createDirectories(target.getParent());
        Path tmp = AtomicFiles.tmp(target);
        Files.copy(source, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.publish(tmp, target);
        return new Rewritten(shard, 0);
      }
      PrivacyFilter suppression = suppress.isEmpty() ? null : suppression(suppress, cfg);
      long remasked = 0;
      try (ZstdLines w = new ZstdLines(target, cfg.zstdLevel()); BufferedReader r = ZstdLines.reader(source)) {
        String line;
        while ((line = r.readLine()) != null) {
          TrainingDocument d = DocumentLines.document(line);
          if (removed.contains(d.id())) {
            continue;
          }
          if (suppression != null) {
            List<Span> hits = suppression.detect(d.text());
            if (!hits.isEmpty()) {
              d = d.withText(suppression.redact(d.text()).text());
              remasked++;
            }
          }
          w.append(DocumentLines.toLine(d));
        }
        long n = w.lines();
        String sha = w.commit();
        return new Rewritten(new Manifest.Shard(shard.file(), n, sha, w.bytes()), remasked);
      }
    }
  }

  /** How many of the sorted {@code lines} are below {@code line}. */
  private static long before(List<Long> lines, long line) {
    int i = java.util.Collections.binarySearch(lines, line);
    return i >= 0 ? i : -i - 1;
  }

  private static void writeReport(Path out, String id, Manifest parent, Map<String, Manifest.SourceCounts> counts,
      Map<String, Long> byReason, Manifest.Forget forget) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("snapshot_id", id);
    m.put("parent", parent.snapshotId());
    m.put("by_source", counts);
    m.put("exclusions_by_reason", byReason);
    m.put("forget", forget);
    AtomicFiles.write(out.resolve(Snapshot.REPORT_JSON), Manifest.MAPPER.writeValueAsBytes(m));
    String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Privacy report " + id
        + "</title></head><body style=\"font:14px system-ui,sans-serif;margin:2em\"><h1>Privacy report</h1><p>Snapshot <code>" + id
        + "</code>, made from <code>" + parent.snapshotId() + "</code> by deletion propagation: " + forget.shardsRewritten()
        + " of " + parent.shards().size() + " shards rewritten, " + forget.suppressed() + " documents re-masked for new"
        + " suppression strings. Masked-span statistics are those of the parent's report.</p><h2>Documents removed, per reason</h2>"
        + PrivacyReport.bars(forget.removed(), "#a5523b") + "<h2>All exclusions, per reason</h2>" + PrivacyReport.bars(byReason, "#a5523b")
        + "</body></html>\n";
    AtomicFiles.write(out.resolve(Snapshot.REPORT_HTML), html.getBytes(StandardCharsets.UTF_8));
  }
}
