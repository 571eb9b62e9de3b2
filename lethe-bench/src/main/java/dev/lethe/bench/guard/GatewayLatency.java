package dev.lethe.bench.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.guard.gateway.FakeUpstream;
import dev.lethe.guard.gateway.Gateway;
import dev.lethe.guard.gateway.GatewayConfig;
import dev.lethe.platform.controls.DataControls;
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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency per chat completion, p50 and p99 (JMH sample time), straight to a fake model on localhost ({@code
 * path=direct}) and through the gateway on a real {@code ApiServer} ({@code path=gateway}); the difference is
 * what the gateway adds: masking the prompt, guarding and restoring the answer, the extra HTTP hop. The fake
 * model answers at once (a real one takes seconds), so the figures isolate the gateway's own cost.
 *
 * <pre>
 * mvn -B -q -pl lethe-bench -am package -DskipTests
 * java -jar lethe-bench/target/benchmarks.jar GatewayLatency -f 1 -wi 2 -i 3 -w 5s -r 10s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class GatewayLatency {
  static final String INGEST = "bench-ingest-token-bench-ingest-token-0001";
  static final String PROMPT = "Please write a friendly reminder to Dana Whitfield (dana.whitfield@proton.me) that the"
      + " plumber comes to 4417 Larkspur Ln, Apt 2C, Raleigh, NC 27606 on March 3. Keep it short.";
  /** A typical answer: the prompt's placeholders, a few new details, about 600 chars. */
  static final String ANSWER = "Hi <PRIVATE_PERSON_1>,\n\nJust a friendly reminder that the plumber is coming to"
      + " <PRIVATE_ADDRESS_1> on <PRIVATE_DATE_1>. Please make sure someone is home between 9 and 11 in the morning so"
      + " they can get to the kitchen sink. If anything changes, call the office at (919) 555-0187 or reply to this"
      + " email, and we will find another slot that works for you. The technician, Marco Bellini, will bring the"
      + " replacement parts with him, so the repair should not take more than an hour.\n\nThanks for your patience,"
      + " and sorry again for the trouble.\n\nBest regards,\nThe building office";

  @Param({"direct", "gateway"})
  public String path;

  @Param({"false", "true"})
  public boolean stream;

  private Path dir;
  private Database db;
  private DataControls dc;
  private FakeUpstream upstream;
  private Gateway gateway;
  private ApiServer server;
  private HttpClient client;
  private HttpRequest request;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("lethe-gateway-bench");
    db = Database.sqlite(dir.resolve("lethe.db"), Clock.systemUTC());
    dc = DataControls.builder(db, dir).build();
    upstream = FakeUpstream.start(r -> ANSWER);
    upstream.chunkChars(4);
    String config = "{\"upstream\": {\"url\": \"" + upstream.url() + "\"}}";
    gateway = Gateway.start(GatewayConfig.parse(config, dir, k -> null), dc);
    server = ApiServer.start(dc, ApiConfig.of("127.0.0.1", 0, INGEST.replace("ingest", "admin0"), INGEST),
        gateway.routes());
    client = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    ObjectNode body = json.createObjectNode().put("model", "bench").put("stream", stream);
    body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
    String url = path.equals("direct") ? upstream.url() + "/chat/completions"
        : "http://127.0.0.1:" + server.port() + "/v1/chat/completions";
    request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + INGEST)
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    server.close();
    gateway.close();
    upstream.close();
    dc.close();
    db.close();
  }

  @Benchmark
  public String completion() throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode());
    }
    return r.body();
  }
}
