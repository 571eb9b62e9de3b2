package dev.lethe.bench.platform;

import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.Registration;
import dev.lethe.platform.http.ApiConfig;
import dev.lethe.platform.http.ApiServer;
import dev.lethe.platform.store.Database;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Loopback load test of the data controls API on the embedded SQLite store or on PostgreSQL (the same
 * tool for both, so the figures compare): requests per second and
 * p50/p99 latency for reading settings (a user route: token lookup + one read) and for starting
 * conversations (an ingest route: one write transaction with its audit entry).
 *
 * <p>Starts the real server on 127.0.0.1 in a temporary workspace, registers users, then runs each
 * scenario with closed-loop client threads (each sends its next request when the previous answers)
 * for a fixed time after a warm-up, and stops. Client and server share the machine, so on a small one
 * the figures are a lower bound.
 *
 * <pre>
 * mvn -B -q -pl lethe-bench -am package -DskipTests
 * java -cp lethe-bench/target/benchmarks.jar dev.lethe.bench.platform.PlatformLoad [threads] [seconds] [users] [db-url]
 * </pre>
 *
 * <p>{@code db-url}: a {@code jdbc:postgresql://...} URL of an empty database (credentials in it or in
 * LETHE_DB_USER / LETHE_DB_PASSWORD); without it, SQLite in a temporary folder.
 */
public final class PlatformLoad {
  private static final String ADMIN = "bench-admin-token-0123456789abcdef0123456789";
  private static final String INGEST = "bench-ingest-token-0123456789abcdef012345678";

  private PlatformLoad() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int userCount = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    String dbUrl = args.length > 3 ? args[3] : null;
    Path workspace = Files.createTempDirectory("lethe-load-");
    try (Database db = Database.open(workspace, dbUrl, Clock.systemUTC());
        DataControls dc = DataControls.builder(db, workspace).build();
        ApiServer server = ApiServer.start(dc, ApiConfig.of("127.0.0.1", 0, ADMIN, INGEST))) {
      List<String> ids = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < userCount; i++) {
        Registration r = dc.accounts().register("load" + i + "-" + workspace.getFileName() + "@example.org", null, i % 2 == 0, true);
        ids.add(r.user().id());
        tokens.add(r.token());
      }
      String base = "http://127.0.0.1:" + server.port();
      System.out.printf("PlatformLoad: %s, %d users, %d client threads, %d s per scenario after %d s warm-up, %d cores%n",
          db.engine().name(), userCount, threads, seconds, Math.max(3, seconds / 3), Runtime.getRuntime().availableProcessors());
      run("GET  /api/v1/me/settings", threads, seconds, () -> HttpRequest.newBuilder(URI.create(base + "/api/v1/me/settings"))
          .header("Authorization", "Bearer " + tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()))).GET().build());
      run("POST /api/v1/ingest/conversations", threads, seconds, () -> HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/conversations"))
          .header("Authorization", "Bearer " + INGEST).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())) + "\"}"))
          .build());
      run("GET  /api/v1/me/conversations?limit=20", threads, seconds, () -> HttpRequest.newBuilder(
              URI.create(base + "/api/v1/me/conversations?limit=20"))
          .header("Authorization", "Bearer " + tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()))).GET().build());
    } finally {
      try (Stream<Path> files = Files.walk(workspace)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  interface RequestFactory {
    HttpRequest next();
  }

  private static void run(String name, int threads, int seconds, RequestFactory requests) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long warmupEnd = System.nanoTime() + Math.max(3, seconds / 3) * 1_000_000_000L;
    long end = warmupEnd + seconds * 1_000_000_000L;
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    int[] errors = new int[threads];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int me = t;
      latencies[me] = new long[1 << 16];
      Thread w = new Thread(() -> {
        long now;
        while ((now = System.nanoTime()) < end) {
          long start = now;
          try {
            HttpResponse<Void> r = client.send(requests.next(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() >= 300) {
              errors[me]++;
            }
          } catch (IOException e) {
            errors[me]++;
          } catch (InterruptedException e) {
            return;
          }
          long done = System.nanoTime();
          if (start >= warmupEnd && done <= end) {
            if (counts[me] == latencies[me].length) {
              latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
            }
            latencies[me][counts[me]++] = done - start;
          }
        }
      }, "load-" + t);
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    System.out.printf("%-38s %8.0f req/s   p50 %6.2f ms   p99 %6.2f ms   (%d requests, %d errors)%n", name, total / (double) seconds,
        percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, total, Arrays.stream(errors).sum());
  }

  private static long percentile(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }
}
