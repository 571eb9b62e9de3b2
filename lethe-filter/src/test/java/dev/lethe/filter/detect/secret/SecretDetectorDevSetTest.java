package dev.lethe.filter.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.Span;
import dev.lethe.filter.detect.SpanResolver;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.LabeledText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The detector on the shared development data (skipped when ../shared is absent): the secrets of the chat
 * set are found with their exact boundaries, and the prose sets (tweets, GUM, Presidio) get no secret at
 * the balanced operating point. Misses and false alarms are printed, to see what changed.
 */
class SecretDetectorDevSetTest {
  private static final SecretDetector DETECTOR = new SecretDetector();

  private static Path devFile(String name) {
    String shared = System.getProperty("lethe.shared", System.getenv("LETHE_SHARED"));
    Path file = shared == null ? null : Path.of(shared, "data", "dev", name);
    Assumptions.assumeTrue(file != null && Files.isRegularFile(file), "shared dev data absent: " + name);
    return file;
  }

  private static List<Span> balanced(String text) {
    List<Span> found = new ArrayList<>();
    DETECTOR.detect(text, found);
    found.removeIf(s -> s.score() < OperatingPoint.BALANCED.threshold(Label.SECRET));
    return SpanResolver.resolve(found);
  }

  @Test
  void findsTheSecretsOfTheChatSetWithExactBoundaries() {
    int gold = 0;
    int predicted = 0;
    int exact = 0;
    for (LabeledText doc : Jsonl.read(devFile("chat-dev.jsonl"))) {
      List<LabeledText.Gold> secrets = doc.spans().stream().filter(g -> g.label() == Label.SECRET).toList();
      List<Span> found = balanced(doc.text());
      gold += secrets.size();
      predicted += found.size();
      for (Span s : found) {
        boolean match = secrets.stream().anyMatch(g -> g.start() == s.start() && g.end() == s.end());
        if (match) {
          exact++;
        } else if (doc.ignore().stream().anyMatch(r -> r.start() < s.end() && s.start() < r.end())) {
          predicted--;
        } else {
          System.out.printf("false alarm %s [%s] %s %.2f%n", doc.id(), s.textIn(doc.text()), s.subtype(),
              s.score());
        }
      }
      for (LabeledText.Gold g : secrets) {
        if (found.stream().noneMatch(s -> g.start() == s.start() && g.end() == s.end())) {
          System.out.printf("missed %s [%s]%n", doc.id(), g.textIn(doc.text()));
        }
      }
    }
    double recall = (double) exact / gold;
    double precision = (double) exact / predicted;
    System.out.printf("chat-dev secret: gold %d, predicted %d, exact %d, P %.3f R %.3f%n", gold, predicted,
        exact, precision, recall);
    // The rules were developed looking at this set: these are regression bounds, not an estimate.
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void reportsNoSecretInProseCorpora() {
    int docs = 0;
    List<String> alarms = new ArrayList<>();
    for (String name : List.of("btc.jsonl", "gum.jsonl", "presidio-synth.jsonl")) {
      for (LabeledText doc : Jsonl.read(devFile(name))) {
        docs++;
        for (Span s : balanced(doc.text())) {
          alarms.add(doc.id() + " [" + s.textIn(doc.text()) + "] " + s.subtype());
        }
      }
    }
    alarms.forEach(a -> System.out.println("prose alarm " + a));
    assertThat(docs).isGreaterThan(1000);
    assertThat(alarms).hasSizeLessThanOrEqualTo(3);
  }
}
