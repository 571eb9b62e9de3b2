package dev.lethe.pipeline.sink;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.lethe.pipeline.source.Digests;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * A zstd-compressed JSONL file written to a temporary name and published atomically on {@link #commit()}:
 * counts its lines and digests its compressed bytes as they are written. Not thread-safe. The same lines
 * written the same way give the same bytes (single-threaded zstd, fixed level, checksum on).
 */
public final class ZstdLines implements AutoCloseable {
  private final Path target;
  private final Path tmp;
  private final MessageDigest digest = Digests.sha256();
  private final Writer writer;
  private long lines;
  private boolean closed;
  private String sha256;
  private long bytes;

  public ZstdLines(Path target, int level) throws IOException {
    this(target, AtomicFiles.tmp(target), level);
  }

  /**
   * Writes to {@code tmp} instead of {@code <target>.tmp}: a distributed task attempt writes under a name of its
   * own, so a retried attempt never shares a file with a failed one; the driver publishes the winner.
   */
  public ZstdLines(Path target, Path tmp, int level) throws IOException {
    this.target = target;
    this.tmp = tmp;
    Files.createDirectories(target.toAbsolutePath().getParent());
    OutputStream file = Files.newOutputStream(tmp);
    ZstdOutputStream z = new ZstdOutputStream(new DigestOutputStream(new java.io.BufferedOutputStream(file, 1 << 16), digest), level);
    z.setChecksum(true);
    this.writer = new BufferedWriter(new OutputStreamWriter(z, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Appends one line (without its newline); returns its 0-based line number. */
  public long append(String line) throws IOException {
    writer.write(line);
    writer.write('\n');
    return lines++;
  }

  public long lines() {
    return lines;
  }

  /** Finishes the file and publishes it under its final name; returns its digest. */
  public String commit() throws IOException {
    close();
    bytes = Files.size(tmp);
    AtomicFiles.publish(tmp, target);
    return sha256;
  }

  /** {@code sha256:<hex>} of the compressed file; known after {@link #commit()}. */
  public String sha256() {
    return sha256;
  }

  public long bytes() {
    return bytes;
  }

  /** Closes without publishing (an aborted build leaves only the temporary file). */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      writer.close();
      sha256 = Digests.format(digest);
    }
  }

  /** Reads a zstd JSONL file. */
  public static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(new ZstdInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)),
        StandardCharsets.UTF_8), 1 << 16);
  }
}
