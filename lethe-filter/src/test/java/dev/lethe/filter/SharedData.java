package dev.lethe.filter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates ../shared (dev data, lexicons, reference scorer) for tests; absent on some machines. */
public final class SharedData {
  private SharedData() {}

  /** The shared folder from the lethe.shared property or LETHE_SHARED, if it exists. */
  public static Optional<Path> root() {
    String p = System.getProperty("lethe.shared", System.getenv("LETHE_SHARED"));
    if (p == null) {
      p = "../../shared";
    }
    Path path = Path.of(p).toAbsolutePath().normalize();
    return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
  }

  /** A file under the shared folder, if present. */
  public static Optional<Path> file(String relative) {
    return root().map(r -> r.resolve(relative)).filter(Files::exists);
  }
}
