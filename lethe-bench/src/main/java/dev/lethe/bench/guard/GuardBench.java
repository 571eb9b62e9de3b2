package dev.lethe.bench.guard;

import dev.lethe.bench.BenchText;
import dev.lethe.guard.Guard;
import dev.lethe.guard.GuardStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the output guard on one core over the development texts, one text per operation: {@code
 * input=whole} guards each text in one call, {@code input=tokens} streams it in chunks of 4 chars, the size of
 * a model token (the output is the same; this measures what streaming costs). The {@code bytes} counter is UTF-8
 * input per second.
 *
 * <pre>
 * mvn -B -q -pl lethe-bench -am package -DskipTests
 * java -jar lethe-bench/target/benchmarks.jar GuardBench -f 1 -wi 2 -i 3 -w 5s -r 10s
 * </pre>
 *
 * Compare with {@code FilterBench detectors=full}, the filter alone over the same texts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class GuardBench {
  static final int TOKEN_CHARS = 4;

  @Param({"whole", "tokens"})
  public String input;

  private Guard guard;
  private List<String> texts;
  private long[] sizes;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    texts = BenchText.devTexts();
    sizes = texts.stream().mapToLong(t -> BenchText.utf8Bytes(List.of(t))).toArray();
    guard = Guard.builder().build();
  }

  /** Bytes guarded, reported per second next to the operation rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Processed {
    public long bytes;
  }

  @Benchmark
  public String guard(Processed processed) {
    int i = next;
    next = (next + 1) % texts.size();
    processed.bytes += sizes[i];
    String text = texts.get(i);
    if (input.equals("whole")) {
      return guard.check(text).text();
    }
    GuardStream s = guard.stream(null);
    StringBuilder out = new StringBuilder(text.length());
    for (int at = 0; at < text.length(); at += TOKEN_CHARS) {
      out.append(s.push(text.substring(at, Math.min(text.length(), at + TOKEN_CHARS))));
    }
    return out.append(s.finish()).toString();
  }
}
