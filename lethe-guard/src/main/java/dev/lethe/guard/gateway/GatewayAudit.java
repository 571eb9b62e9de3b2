package dev.lethe.guard.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The audit trail of the gateway: one JSON line per request with what was done and how much, never any text
 * (no prompt, answer, name or key). Each record is written with one append, so a crash leaves at most a
 * missing last line, never a half-written one among the others.
 */
final class GatewayAudit implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final FileChannel out;

  private GatewayAudit(FileChannel out) {
    this.out = out;
  }

  /** An audit to {@code file}, appended to. */
  static GatewayAudit open(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    return new GatewayAudit(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND));
  }

  void write(Map<String, Object> record) {
    try {
      byte[] line = (json.writeValueAsString(record) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      synchronized (this) {
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) {
          out.write(b);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the gateway audit", e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
