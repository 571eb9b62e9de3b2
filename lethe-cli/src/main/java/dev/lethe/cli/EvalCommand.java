package dev.lethe.cli;

import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.eval.DevSplit;
import dev.lethe.filter.eval.EvalReport;
import dev.lethe.filter.eval.Predictions;
import dev.lethe.filter.eval.Scorer;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.LabeledText;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Score PII detection against a labelled JSONL file.", "",
        "Runs the Privacy Filter on GOLD (or reads --pred) and prints the metrics of CONVENTIONS.md,"
            + " the same numbers as shared/eval/score.py: exact typed P/R/F1 per label, containment, characters,"
            + " leak, overmask and doc_leak."},
    footer = {"", "Example:", "  lethe eval ../shared/data/dev/chat-dev.jsonl --operating-point recall"})
final class EvalCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "GOLD", description = "Labelled JSONL (id, text, spans, ignore).")
  Path gold;

  @Option(names = "--pred", paramLabel = "PRED", description = "Score these predictions instead of running the filter.")
  Path pred;

  @Option(names = "--json", description = "Print the report as JSON (the keys of score.py --json).")
  boolean json;

  @Option(names = "--split", paramLabel = "SPLIT",
      description = "Score only documents of this split of DevSplit: heldout | calibration | train.")
  String split;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin FilterOptions filterOptions;

  @Override
  public Integer call() {
    List<LabeledText> docs = Predictions.lastById(Jsonl.read(gold));
    if (split != null) {
      DevSplit wanted = DevSplit.fromId(split);
      docs = docs.stream().filter(d -> DevSplit.of(d.id()) == wanted).toList();
    }
    Map<String, List<Scorer.CpSpan>> predictions;
    if (pred != null) {
      predictions = Predictions.read(pred);
    } else {
      PrivacyFilter filter = filterOptions.builder().build();
      predictions = new HashMap<>();
      try (OrderedParallel<LabeledText, Map.Entry<String, List<Scorer.CpSpan>>> par = new OrderedParallel<>(
          Math.max(1, threads), d -> Map.entry(d.id(), Predictions.ofSpans(d, filter.detect(d.text()))),
          e -> predictions.put(e.getKey(), e.getValue()))) {
        docs.forEach(par::submit);
        par.finish();
      }
    }
    Set<String> labels = filterOptions.labels == null ? null : new HashSet<>(filterOptions.labels);
    EvalReport report = Scorer.score(docs, predictions, labels);
    if (json) {
      System.out.println(report.toJson().toPrettyString());
    } else {
      if (pred == null) {
        System.out.println("operating point " + filterOptions.operatingPoint);
      }
      System.out.print(report.format());
    }
    return 0;
  }
}
