package dev.lethe.platform.http;

import dev.lethe.platform.controls.Secrets;
import dev.lethe.platform.store.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;

/**
 * The service tokens of {@code lethe serve}. The ingest token comes from {@code LETHE_INGEST_TOKEN}
 * or, when unset, is made once and kept in {@code <workspace>/service-tokens.properties} (mode 0600)
 * for a development setup. The admin token comes only from {@code LETHE_ADMIN_TOKEN} and is never
 * written anywhere: without it the admin routes are closed. A token from the environment is never
 * written to the file (an earlier file holding one is rewritten without it), and the two must differ.
 */
public final class ServiceTokens {
  static final String FILE = "service-tokens.properties";

  private ServiceTokens() {}

  /** The API configuration for {@code host:port} from {@code env} and the workspace file. */
  public static ApiConfig load(Path workspace, Map<String, String> env, String host, int port) throws IOException {
    Path file = workspace.resolve(FILE);
    Properties stored = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        stored.load(in);
      }
    }
    boolean rewrite = stored.remove("admin") != null;  // written by earlier versions: never keep it
    String ingest = env.get("LETHE_INGEST_TOKEN");
    if (ingest != null && !ingest.isBlank()) {
      rewrite |= stored.remove("ingest") != null;
    } else {
      ingest = stored.getProperty("ingest");
      if (ingest == null) {
        ingest = Secrets.newToken();
        stored.setProperty("ingest", ingest);
        rewrite = true;
      }
    }
    if (rewrite) {
      write(file, stored);
    }
    String admin = env.get("LETHE_ADMIN_TOKEN");
    return ApiConfig.of(host, port, admin == null || admin.isBlank() ? null : admin, ingest);
  }

  /** Whether {@link #load} found an admin token (so the operator routes are open). */
  public static boolean adminConfigured(Map<String, String> env) {
    String admin = env.get("LETHE_ADMIN_TOKEN");
    return admin != null && !admin.isBlank();
  }

  private static void write(Path file, Properties tokens) throws IOException {
    Path part = file.resolveSibling(FILE + ".part");
    Files.deleteIfExists(part);
    PrivateFiles.createNew(part);
    try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
      tokens.store(out, "lethe service tokens made by lethe serve (ingest only); keep secret");
    }
    Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The file {@link #load} keeps a generated ingest token in. */
  public static Path file(Path workspace) {
    return workspace.resolve(FILE);
  }
}
