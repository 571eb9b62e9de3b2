package dev.lethe.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold users' data or secrets (the database, export ZIPs, outbox mails, the service-token
 * file): readable and writable by the service's OS user only (0600; folders 0700), whatever the umask.
 * On a file system without POSIX permissions the files are created normally.
 */
public final class PrivateFiles {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /** Creates {@code file}, which must not exist, with mode 0600. */
  public static Path createNew(Path file) throws IOException {
    return POSIX ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
  }

  /** Creates {@code folder} and missing parents; the folder itself gets mode 0700 when it is new. */
  public static Path folder(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return folder;
    }
    Path parent = folder.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      return POSIX ? Files.createDirectory(folder, attribute(FOLDER)) : Files.createDirectory(folder);
    } catch (FileAlreadyExistsException raced) {
      return folder;
    }
  }

  /** Sets mode 0600 on {@code file} if it exists. */
  public static void restrict(Path file) {
    if (POSIX && Files.exists(file)) {
      try {
        Files.setPosixFilePermissions(file, FILE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot restrict the permissions of " + file, e);
      }
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> perms) {
    return PosixFilePermissions.asFileAttribute(perms);
  }
}
