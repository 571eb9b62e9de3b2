package dev.lethe.pipeline.sink;

import dev.lethe.pipeline.source.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Which shard a document goes to: a stable hash (SHA-256) of its id, independent of run, thread and JVM. */
public final class Sharding {
  private Sharding() {}

  public static int shardOf(String documentId, int shards) {
    byte[] d = Digests.sha256().digest(documentId.getBytes(StandardCharsets.UTF_8));
    long v = ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL);
    return (int) (v % shards);
  }

  /** {@code shards/shard-00003.jsonl.zst}. */
  public static String fileName(int shard) {
    return String.format(Locale.ROOT, "shards/shard-%05d.jsonl.zst", shard);
  }
}
