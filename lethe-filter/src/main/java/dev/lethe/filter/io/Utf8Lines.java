package dev.lethe.filter.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an input stream line by line, decoding each line as strict UTF-8 on its own, so one line with
 * invalid bytes is reported with its number and every other line is still read. ({@code BufferedReader}
 * either replaces bad bytes silently or fails the whole stream.) Lines end at {@code \n}; a trailing
 * {@code \r} is dropped. A line longer than the limit is skipped without being held in memory and reported
 * as an error with its length. Not thread-safe.
 */
public final class Utf8Lines implements AutoCloseable {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private long number;
  private long bytesRead;
  private final long maxLineBytes;

  /** Lines of any length (bounded only by memory). */
  public Utf8Lines(InputStream in) {
    this(in, Long.MAX_VALUE);
  }

  /** Lines of at most {@code maxLineBytes} bytes; a longer one is skipped and reported as an error. */
  public Utf8Lines(InputStream in, long maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive");
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** One line: its 1-based number and either its text or why it could not be decoded. */
  public record Line(long number, String text, String error) {}

  /** The next line, or null at the end of the stream. */
  public Line next() throws IOException {
    byte[] line = new byte[256];
    int len = 0;
    long total = 0;  // the line's length, also past the limit
    boolean any = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buf);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          if (!any) {
            return null;
          }
          break;
        }
        bytesRead += limit;
      }
      any = true;
      int nl = -1;
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? limit : nl;
      int chunk = end - pos;
      total += chunk;
      if (total <= maxLineBytes) {
        if (len + chunk > line.length) {
          line = Arrays.copyOf(line, (int) Math.min(Math.max(line.length * 2L, len + chunk), Integer.MAX_VALUE - 8));
        }
        System.arraycopy(buf, pos, line, len, chunk);
        len += chunk;
      }
      pos = end;
      if (nl >= 0) {
        pos++;
        break;
      }
    }
    number++;
    if (total > maxLineBytes) {
      return new Line(number, null, "line of " + total + " bytes is over the limit of " + maxLineBytes + " bytes");
    }
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    try {
      return new Line(number, decoder.decode(ByteBuffer.wrap(line, 0, len)).toString(), null);
    } catch (CharacterCodingException e) {
      return new Line(number, null, "invalid UTF-8 at byte offset " + firstInvalid(line, len) + " of the line");
    }
  }

  /** Bytes consumed from the stream so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Byte offset of the first malformed sequence in the line. */
  private int firstInvalid(byte[] line, int len) {
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, len);
    decoder.reset();
    CoderResult r = decoder.decode(bytes, CharBuffer.allocate(len + 1), true);
    return r.isError() ? bytes.position() : len;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
