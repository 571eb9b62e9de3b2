package dev.lethe.pipeline.source;

import dev.lethe.pipeline.SourceRecord;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads one input (the data-controls store, a crawl file, a partner file) as {@link SourceRecord}s, in a
 * fixed order. A record that cannot be read is emitted as {@linkplain SourceRecord#unreadable unreadable}
 * with its position, and reading goes on: one bad line never sinks the input.
 */
public interface RecordSource {

  /** Reads every record in order into {@code sink}; returns what was read, for the manifest. */
  InputDigest read(Consumer<SourceRecord> sink) throws IOException;

  /**
   * Bytes of the input read so far (of a compressed file, compressed bytes), safe to call from another
   * thread while {@link #read} runs: what progress and its ETA are based on. 0 when unknown (the store).
   */
  default long bytesRead() {
    return 0;
  }

  /**
   * One input of a snapshot as recorded in its manifest.
   *
   * @param kind    {@code store}, {@code web} or {@code partner}
   * @param name    file name, or the store's description (never credentials)
   * @param digest  {@code sha256:<hex>} of the file bytes, or of the records read from the store
   * @param records how many records were read
   * @param bytes   bytes read (file size; text size for the store)
   */
  record InputDigest(String kind, String name, String digest, long records, long bytes) {}
}
