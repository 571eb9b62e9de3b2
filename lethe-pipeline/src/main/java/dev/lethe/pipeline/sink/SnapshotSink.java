package dev.lethe.pipeline.sink;

import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.TrainingDocument;
import dev.lethe.pipeline.stage.PiiStats;
import dev.lethe.pipeline.stage.Stages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the outcomes of a build, in input order, into a snapshot folder: documents to their shards (by a
 * stable hash of the id), the lineage index (sorted on disk, {@link Lineage}), the exclusion log and the privacy report. Exact duplicates (same
 * normalised text, or same document id) are removed here, keeping the first in input order, because that
 * is the one step that needs every record's key. Used by one thread. Nothing is visible under a final name
 * until {@link #commit()}; the manifest, written by the caller after it, is what makes the snapshot exist.
 */
public final class SnapshotSink implements AutoCloseable {
  private final Path dir;
  private final List<ZstdLines> shards = new ArrayList<>();
  private final Lineage lineage;
  private final ZstdLines exclusions;
  private final Set<Long> texts = new HashSet<>();
  private final Set<Long> ids = new HashSet<>();
  private final PrivacyReport report = new PrivacyReport();
  private final int shardCount;

  public SnapshotSink(Path dir, int shardCount, int zstdLevel) throws IOException {
    this.dir = dir;
    this.shardCount = shardCount;
    for (int i = 0; i < shardCount; i++) {
      shards.add(new ZstdLines(dir.resolve(Sharding.fileName(i)), zstdLevel));
    }
    lineage = new Lineage(dir, zstdLevel);
    exclusions = new ZstdLines(dir.resolve(Snapshot.EXCLUSIONS), zstdLevel);
  }

  /** Takes the next outcome in input order. */
  public void accept(Stages.Outcome outcome) throws IOException {
    if (outcome instanceof Stages.Dropped d) {
      exclude(d.exclusion(), d.stats());
      return;
    }
    Stages.Kept k = (Stages.Kept) outcome;
    TrainingDocument doc = k.document();
    if (!ids.add(idKey(doc.id()))) {
      exclude(duplicate(doc.id(), doc.source(), Reason.DUPLICATE_ID), null);
      return;
    }
    if (!texts.add(textKey(k.textKey()))) {
      exclude(duplicate(doc.id(), doc.source(), Reason.DUPLICATE_TEXT), null);
      return;
    }
    int shard = Sharding.shardOf(doc.id(), shardCount);
    long line = shards.get(shard).append(DocumentLines.toLine(doc));
    lineage.add(doc.id(), shard, line, doc.source(), k.subject());
    report.kept(doc.source(), k.stats());
  }

  /** The exclusion of a duplicate ({@link Reason#DUPLICATE_ID} or {@link Reason#DUPLICATE_TEXT}), whichever runner found it. */
  public static Exclusion duplicate(String id, SourceKind source, Reason reason) {
    return new Exclusion(id, source, "input", reason,
        reason == Reason.DUPLICATE_ID ? "document id already taken" : "same normalised text as an earlier document");
  }

  private void exclude(Exclusion e, PiiStats stats) throws IOException {
    exclusions.append(DocumentLines.toLine(e));
    report.excluded(e.source(), e.reason(), stats);
  }

  /**
   * The seen-set key of a document id, 64-bit FNV-1a: ids are keyed hashes already, this only packs them.
   * A distributed runner deduplicates on the same key so that both runners decide alike.
   */
  public static long idKey(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  /** The seen-set key of a {@link dev.lethe.pipeline.stage.TextKey}: its first 64 bits. */
  public static long textKey(String hex) {
    return Long.parseUnsignedLong(hex.substring(0, 16), 16);
  }

  public PrivacyReport report() {
    return report;
  }

  /** Publishes shards, lineage and the exclusion log under their final names; returns what the manifest lists. */
  public Committed commit() throws IOException {
    List<Manifest.Shard> list = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      ZstdLines z = shards.get(i);
      long n = z.lines();
      String sha = z.commit();
      list.add(new Manifest.Shard(Sharding.fileName(i), n, sha, z.bytes()));
    }
    Map<String, String> files = new TreeMap<>();
    files.put(Snapshot.EXCLUSIONS, exclusions.commit());
    files.putAll(lineage.commit());
    return new Committed(list, files);
  }

  /** The published shard list and file digests. */
  public record Committed(List<Manifest.Shard> shards, Map<String, String> files) {}

  @Override
  public void close() throws IOException {
    for (ZstdLines z : shards) {
      z.close();
    }
    lineage.close();
    exclusions.close();
  }
}
