package dev.lethe.bench.guard;

import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import dev.lethe.filter.eval.EvalReport;
import dev.lethe.filter.eval.Predictions;
import dev.lethe.filter.eval.Scorer;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.LabeledText;
import dev.lethe.guard.Finding;
import dev.lethe.guard.Guard;
import dev.lethe.guard.GuardPolicy;
import dev.lethe.guard.GuardStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What streaming costs in delay and what deciding piece by piece costs in quality, on the development files:
 *
 * <ul>
 *   <li>hold-back: each answer streamed in 4-char tokens; for every char, how many chars arrived after it
 *       before it was sent (p50, p90, p99, max), and that delay in milliseconds at 50 tokens per second, a
 *       typical model speed; plus the CPU time of one {@code push} (p50, p99);
 *   <li>throughput in UTF-8 MB per CPU second of one thread (CPU time, so other load on the machine does not
 *       count): the filter on each whole text, the guard on each whole text, the guard streamed in tokens;
 *   <li>quality: the guard's findings (report mode, balanced) against the filter run on each whole text, both
 *       scored like {@code lethe eval} (exact F1, leak, overmask).
 * </ul>
 *
 * <pre>
 * mvn -B -q -pl lethe-bench -am package -DskipTests
 * java -cp lethe-bench/target/benchmarks.jar dev.lethe.bench.guard.GuardMeasure
 * </pre>
 */
public final class GuardMeasure {
  static final int TOKEN_CHARS = 4;
  static final double TOKENS_PER_SECOND = 50;

  private GuardMeasure() {}

  public static void main(String[] args) throws Exception {
    String shared = System.getProperty("lethe.shared", System.getenv().getOrDefault("LETHE_SHARED", "../shared"));
    Path dev = Path.of(shared, "data", "dev");
    Guard guard = Guard.builder().policy(GuardPolicy.builder().mode(GuardPolicy.Mode.REPORT).build()).build();
    PrivacyFilter filter = PrivacyFilter.builder().build();
    List<Path> files;
    try (var s = Files.list(dev)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path file : files) {
      List<LabeledText> docs = Jsonl.read(file);
      String name = file.getFileName().toString();
      holdBack(name, docs, guard);
      throughput(name, docs, filter, guard);
      Map<String, List<Scorer.CpSpan>> byGuard = new HashMap<>();
      Map<String, List<Scorer.CpSpan>> byFilter = new HashMap<>();
      for (LabeledText d : docs) {
        List<Span> spans = new ArrayList<>();
        for (Finding f : guard.check(d.text()).findings()) {
          spans.add(new Span(f.label(), f.subtype(), f.start(), f.end(), f.score(), "guard"));
        }
        byGuard.put(d.id(), Predictions.ofSpans(d, spans));
        byFilter.put(d.id(), Predictions.ofSpans(d, filter.detect(d.text())));
      }
      EvalReport g = Scorer.score(docs, byGuard, Scorer.allLabels());
      EvalReport f = Scorer.score(docs, byFilter, Scorer.allLabels());
      System.out.printf("%-22s quality   guard: exact F1 %.3f leak %.4f overmask %.4f | filter on whole text: exact F1"
          + " %.3f leak %.4f overmask %.4f%n", file.getFileName(), g.exact().f1(), g.leak(), g.overmask(),
          f.exact().f1(), f.leak(), f.overmask());
    }
  }

  private static void holdBack(String name, List<LabeledText> docs, Guard guard) {
    List<Integer> held = new ArrayList<>();
    List<Long> pushNanos = new ArrayList<>();
    for (LabeledText d : docs) {
      String text = d.text();
      GuardStream s = guard.stream(null);
      int sent = 0; // chars of the answer sent so far (report mode sends the text unchanged)
      for (int at = 0; at < text.length(); ) {
        int end = Math.min(text.length(), at + TOKEN_CHARS);
        long t0 = System.nanoTime();
        String out = s.push(text.substring(at, end));
        pushNanos.add(System.nanoTime() - t0);
        for (int i = 0; i < out.length(); i++) {
          held.add(end - (sent + i + 1));
        }
        sent += out.length();
        at = end;
      }
      String rest = s.finish();
      for (int i = 0; i < rest.length(); i++) {
        held.add(text.length() - (sent + i + 1)); // sent at the end of the answer
      }
    }
    int[] h = held.stream().mapToInt(Integer::intValue).sorted().toArray();
    long[] p = pushNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    double msPerChar = 1000 / (TOKENS_PER_SECOND * TOKEN_CHARS);
    System.out.printf("%-22s hold-back chars p50 %d p90 %d p99 %d max %d (at %.0f tokens/s: p50 %.0f ms, p99 %.0f ms);"
        + " push CPU p50 %.1f us p99 %.1f us%n", name, at(h, 0.5), at(h, 0.9), at(h, 0.99), h[h.length - 1],
        TOKENS_PER_SECOND, at(h, 0.5) * msPerChar, at(h, 0.99) * msPerChar, at(p, 0.5) / 1e3, at(p, 0.99) / 1e3);
  }

  private static void throughput(String name, List<LabeledText> docs, PrivacyFilter filter, Guard guard) {
    List<String> texts = docs.stream().map(LabeledText::text).toList();
    double mb = texts.stream().mapToLong(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum() / 1e6;
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] perSecond = new double[3];
    for (int round = 0; round < 2; round++) { // the first round warms up
      for (int kind = 0; kind < 3; kind++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        for (String t : texts) {
          switch (kind) {
            case 0 -> filter.detect(t);
            case 1 -> guard.check(t);
            default -> {
              GuardStream s = guard.stream(null);
              for (int at = 0; at < t.length(); at += TOKEN_CHARS) {
                s.push(t.substring(at, Math.min(t.length(), at + TOKEN_CHARS)));
              }
              s.finish();
            }
          }
        }
        perSecond[kind] = mb / ((cpu.getCurrentThreadCpuTime() - t0) / 1e9);
      }
    }
    System.out.printf("%-22s MB per CPU second: filter %.3f, guard whole %.3f, guard streamed %.3f%n", name,
        perSecond[0], perSecond[1], perSecond[2]);
  }

  private static int at(int[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
  }

  private static long at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
  }

}
