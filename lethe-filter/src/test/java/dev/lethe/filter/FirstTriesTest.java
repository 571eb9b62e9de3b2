package dev.lethe.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lethe.filter.eval.EvalReport;
import dev.lethe.filter.eval.Predictions;
import dev.lethe.filter.eval.Scorer;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.LabeledText;
import dev.lethe.filter.io.RedactionJson;
import dev.lethe.filter.mask.Redaction;
import dev.lethe.filter.mask.Replacement;
import java.io.BufferedWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user tries first: {@code first-tries.jsonl}, 240 short texts written for this test (none taken
 * from {@code ../shared/data}), over all eight labels. It holds plain sentences with names of many origins,
 * lower-case chat, e-mail signatures, CSV rows with a header, JSON objects, logfmt lines, French, German,
 * Spanish, Portuguese, Italian and Dutch, the examples quoted in issue 8, and 49 texts that must yield no
 * span at all: public figures in public roles, places, organisations, products, versions, UUIDs, git SHAs,
 * recipes, a card expiry alone, ratings, prices, times, log timestamps, release dates and documentation
 * placeholders. The ids name the group ({@code first-tries:12-issue}).
 *
 * <p>The filter runs as {@code lethe redact} runs by default (balanced, every label, US phone region) and
 * is scored with {@link Scorer}, the metric of {@code shared/eval/score.py}. The test prints per-label
 * P/R/F1 and every miss and false alarm, so a change in the model shows up here text by text.
 */
class FirstTriesTest {
  /**
   * Exact typed F1 the filter reaches today, rounded down to 0.01: a regression fails the build. The
   * target is {@link #TARGET} (issue 8); raised as the model improves.
   */
  static final double BASELINE = 0.81;

  /** The exact F1 issue 8 asks for on this set. */
  static final double TARGET = 0.95;

  private static List<LabeledText> docs;
  private static Map<String, List<Scorer.CpSpan>> predictions;
  private static Map<String, Redaction> redactions;

  @TempDir Path tmp;

  @BeforeAll
  static void redactAll() throws URISyntaxException {
    docs = Predictions.lastById(Jsonl.read(firstTries()));
    PrivacyFilter filter = PrivacyFilter.builder().operatingPoint(OperatingPoint.BALANCED).build();
    predictions = new LinkedHashMap<>();
    redactions = new LinkedHashMap<>();
    for (LabeledText d : docs) {
      Redaction r = filter.redact(d.text());
      redactions.put(d.id(), r);
      predictions.put(d.id(), Predictions.ofSpans(d, r.replacements().stream().map(Replacement::span).toList()));
    }
  }

  @Test
  void theSetIsWhatItSaysItIs() {
    assertThat(docs).hasSizeGreaterThanOrEqualTo(160);
    Set<String> labels = new HashSet<>();
    docs.forEach(d -> d.spans().forEach(g -> labels.add(g.label().id())));
    assertThat(labels).isEqualTo(Scorer.allLabels());
    assertThat(docs.stream().filter(d -> d.spans().isEmpty()).count()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void exactF1StaysAtLeastTheBaseline() {
    EvalReport report = Scorer.score(docs, predictions, null);
    System.out.println("first-tries.jsonl at balanced\n" + report.format() + failures());
    System.out.printf(Locale.ROOT, "exact F1 %.4f (baseline %.2f, target %.2f)%n", report.exact().f1(), BASELINE, TARGET);
    assertThat(report.exact().f1()).as("exact F1 on first-tries.jsonl").isGreaterThanOrEqualTo(BASELINE);
  }

  /** The reference scorer reads the same predictions, written as {@code lethe redact --format jsonl} writes them. */
  @Test
  void theReferenceScorerAgrees() throws Exception {
    Optional<Path> scorePy = SharedData.file("eval/score.py");
    assumeTrue(scorePy.isPresent(), "../shared/eval/score.py absent");
    assumeTrue(python3Works(), "python3 not available");
    Path pred = tmp.resolve("first-tries.pred.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(pred, StandardCharsets.UTF_8)) {
      for (LabeledText d : docs) {
        w.write(RedactionJson.line(RedactionJson.toJson(d.id(), d.text(), redactions.get(d.id()))));
        w.write('\n');
      }
    }
    Process p = new ProcessBuilder("python3", scorePy.get().toString(), firstTries().toString(), pred.toString(),
        "--json").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(Scorer.score(docs, predictions, null).toJson().toString())
        .isEqualTo(Jsonl.MAPPER.readTree(out).toString());
  }

  /** Every miss and false alarm, by document, with the text each covers. */
  private static String failures() {
    StringBuilder b = new StringBuilder();
    int misses = 0;
    int falseAlarms = 0;
    for (LabeledText d : docs) {
      CodePoints cp = CodePoints.of(d.text());
      List<Scorer.CpSpan> gold = new ArrayList<>();
      d.spans().forEach(g -> gold.add(new Scorer.CpSpan(g.label().id(), cp.toCodePoint(g.start()), cp.toCodePoint(g.end()))));
      List<Scorer.CpSpan> pred = predictions.get(d.id());
      List<String> lines = new ArrayList<>();
      for (Scorer.CpSpan g : gold) {
        if (!pred.contains(g)) {
          misses++;
          lines.add("  miss        " + describe(d, g));
        }
      }
      for (Scorer.CpSpan s : pred) {
        if (!gold.contains(s)) {
          falseAlarms++;
          lines.add("  false alarm " + describe(d, s));
        }
      }
      if (!lines.isEmpty()) {
        b.append(d.id()).append("  ").append(quote(d.text())).append('\n');
        lines.forEach(l -> b.append(l).append('\n'));
      }
    }
    return b.append(misses).append(" misses, ").append(falseAlarms).append(" false alarms\n").toString();
  }

  private static String describe(LabeledText d, Scorer.CpSpan s) {
    String t = d.text();
    return String.format(Locale.ROOT, "%-16s %s", s.label(),
        quote(t.substring(t.offsetByCodePoints(0, s.start()), t.offsetByCodePoints(0, s.end()))));
  }

  private static String quote(String s) {
    return '"' + s.replace("\n", "\\n") + '"';
  }

  private static Path firstTries() throws URISyntaxException {
    return Path.of(FirstTriesTest.class.getResource("first-tries.jsonl").toURI());
  }

  private static boolean python3Works() {
    try {
      return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return false;
    }
  }
}
