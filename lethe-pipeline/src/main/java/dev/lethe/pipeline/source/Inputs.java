package dev.lethe.pipeline.source;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.netpreserve.jwarc.ParsingException;

/** Finding input files and opening them, decompressing {@code .gz} and {@code .zst}. */
public final class Inputs {
  private Inputs() {}

  /**
   * Files under {@code root} (itself when it is a file) whose names end with one of {@code suffixes}, sorted.
   * An entry with a matching name that cannot be opened (a broken link, a symlink loop, no permission) is
   * listed too, so that reading it reports the problem instead of skipping the file unnoticed; only
   * directories are left out.
   */
  public static List<Path> files(Path root, String... suffixes) {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException((Files.isSymbolicLink(root) ? "input is a broken link or a symlink loop: "
          : "input not found: ") + root);
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        for (String suf : suffixes) {
          if (n.endsWith(suf) && !Files.isDirectory(p)) {
            out.add(p);
            break;
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("cannot list input folder " + root + ": " + problem(e), e);
    }
    return out;
  }

  /**
   * The file's bytes, decompressed by extension; an empty file is an empty stream whatever its name.
   * {@code read} counts the bytes of the file (compressed) consumed so far, for progress.
   */
  public static InputStream open(Path file, AtomicLong read) throws IOException {
    if (Files.size(file) == 0) {
      return InputStream.nullInputStream();
    }
    InputStream in = new BufferedInputStream(new Counting(Files.newInputStream(file), read), 1 << 16);
    String n = file.getFileName().toString();
    try {
      if (n.endsWith(".gz")) {
        return new GZIPInputStream(in, 1 << 16);
      }
      if (n.endsWith(".zst")) {
        return new ZstdInputStream(in);
      }
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return in;
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    private final AtomicLong read;

    Counting(InputStream in, AtomicLong read) {
      super(in);
      this.read = read;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        read.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read.addAndGet(n);
      }
      return n;
    }
  }

  /** The digest of the file for the manifest, or {@code unreadable} when its bytes cannot be read. */
  static String digestOrUnreadable(Path file) {
    try {
      return Digests.file(file);
    } catch (IOException e) {
      return "unreadable";
    }
  }

  /** The file's size, or 0 when it cannot be read. */
  public static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * What an I/O failure means, in words a data engineer can act on, without a path (the exclusion log names
   * the file in its origin) and never with content.
   */
  public static String problem(Throwable e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (t instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (t instanceof NoSuchFileException) {
      return "no such file (a broken link?)";
    }
    if (t instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT);  // "too many levels of symbolic links", "is a directory"
    }
    if (t instanceof EOFException) {
      return "unexpected end of data (truncated file)";
    }
    if (t instanceof ZipException z) {
      return "corrupt gzip data (" + z.getMessage() + ")";
    }
    if (t instanceof ParsingException p) {
      String m = p.getBaseMessage();  // then ": " and the bytes around the error, which are content
      return m.contains(":") ? m.substring(0, m.indexOf(':')) : m;
    }
    String m = t instanceof IOException ? t.getMessage() : null;  // other exceptions may quote the input
    return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }
}
