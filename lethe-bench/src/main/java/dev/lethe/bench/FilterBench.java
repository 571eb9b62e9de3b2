package dev.lethe.bench;

import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import dev.lethe.filter.detect.Detector;
import dev.lethe.filter.detect.Detectors;
import java.util.ArrayList;
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
 * Throughput of {@link PrivacyFilter#detect} on one core, over the texts of the development files, one
 * document per operation. The {@code bytes} counter is UTF-8 input per second: divide by 10^6 for MB/s.
 *
 * <pre>
 * mvn -B -q -pl lethe-bench -am package -DskipTests
 * java -jar lethe-bench/target/benchmarks.jar FilterBench -f 1 -wi 3 -i 5 -w 5s -r 10s
 * </pre>
 *
 * {@code detectors=structured} runs the structured detectors alone (e-mail, phone, URL, account numbers,
 * secrets), {@code full} the whole default filter including the context tagger.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
public class FilterBench {
  @Param({"structured", "full"})
  public String detectors;

  private PrivacyFilter filter;
  private List<String> texts;
  private long[] sizes;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    texts = BenchText.devTexts();
    sizes = texts.stream().mapToLong(t -> BenchText.utf8Bytes(List.of(t))).toArray();
    PrivacyFilter.Builder b = PrivacyFilter.builder().operatingPoint(OperatingPoint.BALANCED);
    if (detectors.equals("structured")) {
      List<Detector> list = new ArrayList<>(Detectors.structured("US"));
      b.detectors(list);
    }
    filter = b.build();
  }

  /** Bytes processed, reported per second next to the operation rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Processed {
    public long bytes;
  }

  @Benchmark
  public List<Span> detect(Processed processed) {
    int i = next;
    next = (next + 1) % texts.size();
    processed.bytes += sizes[i];
    return filter.detect(texts.get(i));
  }
}
