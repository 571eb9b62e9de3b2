package dev.lethe.pipeline.source;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Finding input files and opening them, decompressing {@code .gz} and {@code .zst}. */
public final class Inputs {
  private Inputs() {}

  /** Files under {@code root} (itself when it is a file) whose names end with one of {@code suffixes}, sorted. */
  public static List<Path> files(Path root, String... suffixes) {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("input not found: " + root);
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        for (String suf : suffixes) {
          if (Files.isRegularFile(p) && n.endsWith(suf)) {
            out.add(p);
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** The file's bytes, decompressed by extension. */
  public static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    String n = file.getFileName().toString();
    if (n.endsWith(".gz")) {
      return new GZIPInputStream(in, 1 << 16);
    }
    if (n.endsWith(".zst")) {
      return new ZstdInputStream(in);
    }
    return in;
  }
}
