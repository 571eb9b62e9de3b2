package dev.lethe.filter.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.filter.io.Jsonl;
import java.util.Locale;
import java.util.Map;

/** The metrics of one evaluation run, printable as {@code score.py} prints them. */
public record EvalReport(int docs, int missingPredictions, Prf exact, Map<String, Prf> exactByLabel,
    Prf contain, double charP, double charR, double charF1, double leak, double overmask, double docLeak) {

  public EvalReport {
    exactByLabel = Map.copyOf(exactByLabel);
  }

  /** The text report, line for line as {@code score.py} prints it. */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "docs %d  missing predictions %d%n", docs, missingPredictions));
    b.append(String.format(Locale.ROOT, "%-18s %6s %6s %6s %6s %6s%n", "label", "P", "R", "F1", "pred", "gold"));
    new java.util.TreeMap<>(exactByLabel).forEach((l, v) -> b.append(row(l, v)));
    b.append(row("exact (micro)", exact));
    b.append(String.format(Locale.ROOT, "%-18s %6.3f %6.3f %6.3f%n", "contain (untyped)", contain.p(), contain.r(), contain.f1()));
    b.append(String.format(Locale.ROOT, "%-18s %6.3f %6.3f %6.3f%n", "chars (untyped)", charP, charR, charF1));
    b.append(String.format(Locale.ROOT, "leak %.4f  overmask %.4f  doc_leak %.4f%n", leak, overmask, docLeak));
    return b.toString();
  }

  private static String row(String label, Prf v) {
    return String.format(Locale.ROOT, "%-18s %6.3f %6.3f %6.3f %6d %6d%n", label, v.p(), v.r(), v.f1(), v.pred(), v.gold());
  }

  /** The JSON report, with the keys of {@code score.py --json}. */
  public ObjectNode toJson() {
    ObjectNode o = Jsonl.MAPPER.createObjectNode();
    o.put("docs", docs);
    o.put("missing_predictions", missingPredictions);
    o.set("exact", prf(exact));
    ObjectNode by = o.putObject("exact_by_label");
    new java.util.TreeMap<>(exactByLabel).forEach((l, v) -> by.set(l, prf(v)));
    o.set("contain", prf(contain));
    o.putObject("chars").put("p", charP).put("r", charR).put("f1", charF1);
    o.put("leak", leak);
    o.put("overmask", overmask);
    o.put("doc_leak", docLeak);
    return o;
  }

  private static ObjectNode prf(Prf v) {
    return Jsonl.MAPPER.createObjectNode().put("p", v.p()).put("r", v.r()).put("f1", v.f1())
        .put("pred", v.pred()).put("gold", v.gold());
  }
}
