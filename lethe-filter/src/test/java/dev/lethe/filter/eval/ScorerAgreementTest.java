package dev.lethe.filter.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.SharedData;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.LabeledText;
import dev.lethe.filter.io.RedactionJson;
import dev.lethe.filter.mask.Redaction;
import dev.lethe.filter.mask.Replacement;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Scorer} must print the numbers of the reference scorer {@code shared/eval/score.py}. Runs the
 * filter on each dev file, writes the predictions as `lethe redact --format jsonl` does, and compares the
 * JSON reports of both scorers. Skipped, with the reason, when the data or python3 is missing.
 */
class ScorerAgreementTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"chat-dev", "presidio-synth", "btc", "gum"})
  void agreesWithTheReferenceScorer(String name) throws Exception {
    Optional<Path> gold = SharedData.file("data/dev/" + name + ".jsonl");
    Optional<Path> scorePy = SharedData.file("eval/score.py");
    assumeTrue(gold.isPresent() && scorePy.isPresent(), "../shared/data/dev/" + name + ".jsonl or score.py absent");
    assumeTrue(python3Works(), "python3 not available");

    List<LabeledText> docs = Jsonl.read(gold.get());
    PrivacyFilter filter = PrivacyFilter.builder().build();
    Path pred = tmp.resolve(name + ".pred.jsonl");
    Map<String, List<Scorer.CpSpan>> predictions = new HashMap<>();
    try (BufferedWriter w = Files.newBufferedWriter(pred, StandardCharsets.UTF_8)) {
      for (LabeledText d : docs) {
        Redaction r = filter.redact(d.text());
        w.write(RedactionJson.line(RedactionJson.toJson(d.id(), d.text(), r)));
        w.write('\n');
        predictions.put(d.id(), Predictions.ofSpans(d, r.replacements().stream().map(Replacement::span).toList()));
      }
    }
    JsonNode reference = Jsonl.MAPPER.readTree(run("python3", scorePy.get().toString(), gold.get().toString(),
        pred.toString(), "--json"));
    JsonNode fromFile = Scorer.score(Predictions.lastById(docs), Predictions.read(pred), null).toJson();
    JsonNode inMemory = Scorer.score(Predictions.lastById(docs), predictions, null).toJson();
    assertThat(fromFile.toString()).isEqualTo(reference.toString());
    assertThat(inMemory.toString()).isEqualTo(reference.toString());
  }

  private static boolean python3Works() {
    try {
      return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return false;
    }
  }

  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
