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
    b.append(String.format(Locale.ROOT, "%-18s %6s %6s %6s%n", "contain (untyped)", fixed(contain.p(), 3),
        fixed(contain.r(), 3), fixed(contain.f1(), 3)));
    b.append(String.format(Locale.ROOT, "%-18s %6s %6s %6s%n", "chars (untyped)", fixed(charP, 3), fixed(charR, 3),
        fixed(charF1, 3)));
    b.append(String.format(Locale.ROOT, "leak %s  overmask %s  doc_leak %s%n", fixed(leak, 4), fixed(overmask, 4),
        fixed(docLeak, 4)));
    return b.toString();
  }

  private static String row(String label, Prf v) {
    return String.format(Locale.ROOT, "%-18s %6s %6s %6s %6d %6d%n", label, fixed(v.p(), 3), fixed(v.r(), 3),
        fixed(v.f1(), 3), v.pred(), v.gold());
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

  /**
   * {@code x} with {@code places} decimals the way Python's {@code "%.3f" % x} (score.py) writes it: the exact
   * binary value rounded half-even. Java's {@code %.3f} rounds the shortest decimal string half-up instead, so
   * 0.78947... stored as 0.789499999... would print differently.
   */
  static String fixed(double x, int places) {
    return new java.math.BigDecimal(x).setScale(places, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }
}
