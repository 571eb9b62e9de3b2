package dev.lethe.platform.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * A throwaway PostgreSQL server for the tests, started once per test JVM from the local binaries
 * (initdb + pg_ctl, e.g. Debian's postgresql-15 in /usr/lib/postgresql/15/bin, or $LETHE_PG_BIN) in a
 * temporary folder, and stopped at JVM exit. PostgreSQL refuses to run as root, so as root it runs as
 * the {@code postgres} (or {@code nobody}) OS user through runuser. Tests get a fresh database each.
 */
public final class PostgresServer {
  private static PostgresServer shared;
  private static String unavailable;

  private final Path dir;
  private final Path bin;
  private final int port;
  private final List<String> runAs;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(Path dir, Path bin, int port, List<String> runAs) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
    this.runAs = runAs;
  }

  /** The shared server, started on first use; aborts the calling test when no binaries exist. */
  public static synchronized PostgresServer shared() {
    if (unavailable != null) {
      throw new TestAbortedException(unavailable);
    }
    if (shared == null) {
      Path bin = findBinaries();
      if (bin == null) {
        unavailable = "PostgreSQL tests skipped: no initdb/pg_ctl in $LETHE_PG_BIN or /usr/lib/postgresql/*/bin"
            + " (apt-get install postgresql-15; .ci/run does this)";
        System.err.println(unavailable);
        throw new TestAbortedException(unavailable);
      }
      try {
        shared = start(bin);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("cannot start PostgreSQL from " + bin + ": " + e.getMessage(), e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
    }
    return shared;
  }

  static Path findBinaries() {
    String env = System.getenv("LETHE_PG_BIN");
    if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
      return Path.of(env);
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparingInt(b -> versionOf(b.getParent().getFileName().toString())))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static int versionOf(String name) {
    try {
      return Integer.parseInt(name.replaceAll("\\D.*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static PostgresServer start(Path bin) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("lethe-pg-");
    List<String> runAs = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      String user = userExists("postgres") ? "postgres" : "nobody";
      UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
      Files.setOwner(dir, owner);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      runAs.addAll(List.of("runuser", "-u", user, "--"));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgresServer server = new PostgresServer(dir, bin, port, runAs);
    server.run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "lethe", "-A", "trust",
        "-E", "UTF8", "--locale=C", "--no-sync");
    server.run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
        "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        "start");
    return server;
  }

  private static boolean userExists(String user) throws IOException, InterruptedException {
    return new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start().waitFor() == 0;
  }

  private void run(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(runAs);
    full.addAll(List.of(command));
    Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(dir + ".out").toFile()))
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed; see " + dir + ".out");
    }
  }

  /** A JDBC URL to a new, empty database on this server. */
  public String newDatabaseUrl() {
    String name = "t" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres")); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return url(name);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=lethe";
  }

  private void stop() {
    try {
      run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      Files.deleteIfExists(Path.of(dir + ".out"));
    } catch (IOException | InterruptedException e) {
      System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
    }
  }
}
