package dev.lethe.pipeline.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file publication: content goes to {@code <name>.tmp}, is forced to disk, and is renamed
 * atomically onto its final name, so a reader sees the old state or the whole new file, never a part.
 */
public final class AtomicFiles {
  public static final String TMP = ".tmp";

  private AtomicFiles() {}

  public static Path tmp(Path target) {
    return target.resolveSibling(target.getFileName() + TMP);
  }

  /** Forces {@code tmp} to disk and renames it onto {@code target}, then forces the folder entry. */
  public static void publish(Path tmp, Path target) throws IOException {
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /** Writes {@code bytes} to {@code target} atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = tmp(target);
    Files.write(tmp, bytes);
    publish(tmp, target);
  }

  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot open a folder for sync; the rename itself is still atomic
    }
  }
}
