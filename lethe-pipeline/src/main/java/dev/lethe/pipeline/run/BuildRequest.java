package dev.lethe.pipeline.run;

import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.platform.training.TrainingSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to build: configuration, key, inputs, output folder and resources.
 *
 * @param config     the configuration
 * @param pseudonyms the pseudonym key
 * @param store      the data-controls store to read conversations and memories from, or null
 * @param storeName  how the manifest names the store (no credentials)
 * @param web        crawl folders or files (JSONL, WARC, WET; {@code sites/} beside them)
 * @param partner    partner JSONL files or folders
 * @param out        the snapshot folder to write
 * @param threads    worker threads
 * @param canaries   canaries to plant per source kind and eligibility (0: none)
 * @param progress   progress callback, or null
 */
public record BuildRequest(PipelineConfig config, Pseudonyms pseudonyms, TrainingSource store, String storeName,
    List<Path> web, List<Path> partner, Path out, int threads, int canaries, Progress progress) {

  /**
   * Called on the sink thread, every 64 records and once at the end, with records done, text characters
   * processed, and bytes of the input files read so far out of their total (both 0 without files), from
   * which a caller can show a share done and an ETA.
   */
  @FunctionalInterface
  public interface Progress {
    void update(long records, long chars, long inputBytesRead, long inputBytesTotal);
  }

  public BuildRequest {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(pseudonyms, "pseudonyms");
    Objects.requireNonNull(out, "out");
    web = web == null ? List.of() : List.copyOf(web);
    partner = partner == null ? List.of() : List.copyOf(partner);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }
}
