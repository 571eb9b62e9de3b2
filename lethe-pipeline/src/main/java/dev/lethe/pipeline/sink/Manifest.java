package dev.lethe.pipeline.sink;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lethe.pipeline.source.RecordSource.InputDigest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what a snapshot is made of and the counts that prove conservation
 * ({@code records_in == documents_out + excluded}, per source too).
 *
 * @param format          {@code lethe-snapshot/1}
 * @param snapshotId      content-derived id: equal inputs, configuration and parent give equal ids
 * @param parent          the parent snapshot's id (deletion propagation), or null
 * @param createdAt       when the build finished (the only field that differs between identical builds)
 * @param watermark       change-feed position of the data-controls view read, or null without a store
 * @param inputs          every input with its digest
 * @param configHash      {@code sha256:} of the canonical configuration (which holds no key)
 * @param config          the configuration itself
 * @param pseudonymKeyId  fingerprint of the pseudonym key (never the key): a child must use the same key
 * @param filter          Privacy Filter version, operating point, masking style and detectors
 * @param counts          conservation counts
 * @param shards          each shard file with its document count and digest
 * @param files           digests of the lineage, exclusion, canary and report files
 * @param forget          for a snapshot made by deletion propagation: what changed since the parent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String format, String snapshotId, String parent, String createdAt, Long watermark,
    List<InputDigest> inputs, String configHash, Map<String, Object> config, String pseudonymKeyId,
    Map<String, Object> filter, Counts counts, List<Shard> shards, Map<String, String> files, Forget forget) {

  public static final String FORMAT = "lethe-snapshot/1";

  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  /**
   * @param recordsIn     input records read (for a child: the parent's documents)
   * @param documentsOut  documents in the shards
   * @param excluded      records in the exclusion log added by this build
   * @param bySource      the same three numbers per source kind
   * @param byReason      exclusions per reason
   */
  public record Counts(long recordsIn, long documentsOut, long excluded, Map<String, SourceCounts> bySource,
      Map<String, Long> byReason) {}

  public record SourceCounts(long in, long out, long excluded) {}

  public record Shard(String file, long documents, String sha256, long bytes) implements java.io.Serializable {}

  /**
   * @param changesSince   the parent's watermark
   * @param changes        change-feed entries read, per kind
   * @param removed        documents removed, per reason
   * @param suppressed     documents re-masked because a new suppression string occurred in them
   * @param shardsRewritten shard files rewritten (the rest are byte-for-byte the parent's)
   */
  public record Forget(long changesSince, Map<String, Long> changes, Map<String, Long> removed, long suppressed,
      int shardsRewritten, List<String> rewritten) {}

  public void write(Path dir) throws IOException {
    AtomicFiles.write(dir.resolve(Snapshot.MANIFEST), MAPPER.writeValueAsBytes(this));
  }

  public static Manifest read(Path dir) {
    Path f = dir.resolve(Snapshot.MANIFEST);
    try {
      return MAPPER.readValue(f.toFile(), Manifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }
}
