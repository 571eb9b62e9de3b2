package dev.lethe.bench;

import dev.lethe.filter.Span;
import dev.lethe.filter.detect.secret.SecretDetector;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.LabeledText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link SecretDetector}, one document per call, on one thread:
 *
 * <ul>
 *   <li>{@code prose}: the texts of ../shared/data/dev/*.jsonl (tweets, GUM, Presidio sentences, chats),
 *       read at setup; few secrets.
 *   <li>{@code config}: generated configuration files, shell sessions and chats dense with secrets and with
 *       their look-alikes (placeholders, hashes, UUIDs).
 * </ul>
 *
 * <p>The {@code utf8Bytes} counter is the rate of UTF-8 input bytes: divide by 10^6 for MB/s per core.
 * {@link #readEveryChar} calibrates the machine: it only reads the text.
 * Run: {@code java -jar lethe-bench/target/benchmarks.jar SecretDetectorBench -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SecretDetectorBench {

  @Param({"prose", "config"})
  public String corpus;

  private final SecretDetector detector = new SecretDetector();
  private List<String> documents;
  private long corpusBytes;

  /** Counts the input bytes; JMH reports it per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Input {
    public long utf8Bytes;

    @Setup(Level.Iteration)
    public void reset() {
      utf8Bytes = 0;
    }
  }

  @Setup
  public void load() {
    documents = corpus.equals("prose") ? devTexts() : ConfigCorpus.generate(4_000, new Random(42));
    corpusBytes = documents.stream().mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length).sum();
    List<Span> found = new ArrayList<>();
    documents.forEach(d -> detector.detect(d, found));
    System.out.printf("%n%s: %d documents, %.1f MB UTF-8, %d candidate spans%n", corpus, documents.size(),
        corpusBytes / 1e6, found.size());
  }

  @Benchmark
  public int detect(Input input) {
    List<Span> out = new ArrayList<>();
    int spans = 0;
    for (String document : documents) {
      out.clear();
      detector.detect(document, out);
      spans += out.size();
    }
    input.utf8Bytes += corpusBytes;
    return spans;
  }

  /**
   * Calibration: reading every char of the corpus once, the least any detector must do. The ratio of
   * {@link #detect} to this says more across machines than MB/s alone.
   */
  @Benchmark
  public long readEveryChar(Input input) {
    long sum = 0;
    for (String document : documents) {
      for (int i = 0; i < document.length(); i++) {
        sum += document.charAt(i);
      }
    }
    input.utf8Bytes += corpusBytes;
    return sum;
  }

  private static List<String> devTexts() {
    Path dev = sharedDir().resolve("data").resolve("dev");
    try (Stream<Path> files = Files.list(dev)) {
      List<String> texts = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (LabeledText doc : Jsonl.read(file)) {
          texts.add(doc.text());
        }
      }
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dev + " (set -Dlethe.shared or LETHE_SHARED)", e);
    }
  }

  private static Path sharedDir() {
    String shared = System.getProperty("lethe.shared", System.getenv("LETHE_SHARED"));
    return Path.of(shared != null ? shared : "../shared");
  }

  /** Generated configuration-like documents: env files, YAML, JSON, shell, chat, with fake tokens. */
  static final class ConfigCorpus {
    private static final String B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String HEX = "0123456789abcdef";

    private ConfigCorpus() {}

    static List<String> generate(int documents, Random random) {
      List<String> out = new ArrayList<>(documents);
      for (int d = 0; d < documents; d++) {
        StringBuilder doc = new StringBuilder("Here is my config, why does it fail?\n\n");
        int lines = 20 + random.nextInt(30);
        for (int l = 0; l < lines; l++) {
          doc.append(line(random)).append('\n');
        }
        doc.append("\nThanks, the deploy runs on commit ").append(chars(random, HEX, 40)).append('.');
        out.add(doc.toString());
      }
      return out;
    }

    private static String line(Random r) {
      switch (r.nextInt(16)) {
        case 0:
          return "DB_PASSWORD=" + chars(r, B62, 14) + "!";
        case 1:
          return "export GITHUB_TOKEN=ghp_" + chars(r, B62, 36);
        case 2:
          return "  password: \"" + chars(r, B62, 12) + "#\"";
        case 3:
          return "DATABASE_URL=postgres://app:" + chars(r, B62, 16) + "@db.internal:5432/orders";
        case 4:
          return "{\"client_secret\": \"" + chars(r, B62, 32) + "\", \"client_id\": \"" + uuid(r) + "\"}";
        case 5:
          return "aws_access_key_id = AKIA" + chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        case 6:
          return "curl -H \"Authorization: Bearer " + chars(r, B62, 40) + "\" https://api.example.com/v1/items";
        case 7:
          return "STRIPE_KEY=sk_live_" + chars(r, B62, 24);
        case 8:
          return "api_key = \"${API_KEY}\"  # set in CI";
        case 9:
          return "sha256: " + chars(r, HEX, 64);
        case 10:
          return "request_id=" + uuid(r) + " user=42 status=200 took=" + r.nextInt(900) + "ms";
        case 11:
          return "The password reset link was sent, but the token expired after 10 minutes.";
        case 12:
          return "SLACK_WEBHOOK=https://hooks.slack.com/services/T" + chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8)
              + "/B" + chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10) + "/" + chars(r, B62, 24);
        case 13:
          return "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9." + chars(r, B62, 60) + "." + chars(r, B62, 43);
        case 14:
          return "version: 3.8.1  # see https://docs.example.com/config#passwords";
        default:
          return "my wifi password is " + chars(r, B62, 6) + "&" + r.nextInt(10) + " if you need it";
      }
    }

    private static String uuid(Random r) {
      return chars(r, HEX, 8) + "-" + chars(r, HEX, 4) + "-4" + chars(r, HEX, 3) + "-a" + chars(r, HEX, 3) + "-"
          + chars(r, HEX, 12);
    }

    private static String chars(Random r, String alphabet, int n) {
      StringBuilder s = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        s.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      return s.toString();
    }
  }
}
