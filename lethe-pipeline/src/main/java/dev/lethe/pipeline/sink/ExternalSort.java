package dev.lethe.pipeline.sink;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Lines sorted on disk: lines are added in any order, held in memory up to {@code runLines} at a time, each
 * full batch sorted and written as a compressed run file, and the runs merged into one sorted stream. Memory
 * holds one run, whatever the number of lines. Stable: equal lines come back in the order they were added.
 *
 * <p>Hand-written because the lineage index needs exactly this and nothing more (sorted runs plus a k-way
 * merge, about a hundred lines); external-sorting libraries for Java sort whole text files with their own
 * temporary-file handling, which would bypass the snapshot folder's {@code .tmp} clean-up.
 */
public final class ExternalSort implements AutoCloseable {
  /** Lines per run: a run of lineage lines (about 120 bytes each) takes some 40 MB of heap. */
  public static final int DEFAULT_RUN_LINES = 200_000;

  private final Path dir;
  private final String prefix;
  private final int runLines;
  private final List<String> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();

  /** Runs go to {@code dir/<prefix>-N.tmp} (the snapshot folder's clean-up removes leftovers of a crash). */
  public ExternalSort(Path dir, String prefix, int runLines) {
    if (runLines < 1) {
      throw new IllegalArgumentException("runLines must be at least 1");
    }
    this.dir = dir;
    this.prefix = prefix;
    this.runLines = runLines;
  }

  public void add(String line) throws IOException {
    buffer.add(line);
    if (buffer.size() >= runLines) {
      spill();
    }
  }

  private void spill() throws IOException {
    buffer.sort(null);
    Files.createDirectories(dir);
    Path run = dir.resolve(prefix + "-" + runs.size() + AtomicFiles.TMP);
    try (Writer w = new BufferedWriter(new OutputStreamWriter(new ZstdOutputStream(Files.newOutputStream(run), 1),
        StandardCharsets.UTF_8), 1 << 16)) {
      for (String l : buffer) {
        w.write(l);
        w.write('\n');
      }
    }
    runs.add(run);
    buffer.clear();
  }

  /** Hands every line to {@code sink} in sorted order, then deletes the runs. Call once. */
  public void drain(Consumer<String> sink) throws IOException {
    if (runs.isEmpty()) {
      buffer.sort(null);
      buffer.forEach(sink);
      buffer.clear();
      return;
    }
    if (!buffer.isEmpty()) {
      spill();
    }
    record Head(String line, int run) {}
    List<BufferedReader> readers = new ArrayList<>();
    try {
      PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
        int c = a.line().compareTo(b.line());
        return c != 0 ? c : Integer.compare(a.run(), b.run());
      });
      for (int i = 0; i < runs.size(); i++) {
        BufferedReader r = new BufferedReader(new InputStreamReader(new ZstdInputStream(Files.newInputStream(runs.get(i))),
            StandardCharsets.UTF_8), 1 << 16);
        readers.add(r);
        String l = r.readLine();
        if (l != null) {
          heads.add(new Head(l, i));
        }
      }
      while (!heads.isEmpty()) {
        Head h = heads.poll();
        sink.accept(h.line());
        String next = readers.get(h.run()).readLine();
        if (next != null) {
          heads.add(new Head(next, h.run()));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      for (BufferedReader r : readers) {
        r.close();
      }
      close();
    }
  }

  /** Deletes the run files. */
  @Override
  public void close() throws IOException {
    for (Path p : runs) {
      Files.deleteIfExists(p);
    }
    runs.clear();
    buffer.clear();
  }
}
