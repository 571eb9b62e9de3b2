package dev.lethe.guard;

import dev.lethe.filter.CodePoints;
import dev.lethe.filter.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link GuardResult} as JSON (for Jackson), the same for the HTTP route and the CLI: {@code text}, {@code
 * verdict}, {@code findings} (label, subtype, start, end, score; offsets in Unicode code points of the answer,
 * no text), {@code counts} per label and {@code request} (asked, start, end in the prompt's code points, or null).
 */
public final class GuardJson {
  private GuardJson() {}

  public static Map<String, Object> of(GuardResult r, String answer, String prompt) {
    CodePoints cp = CodePoints.of(answer);
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding f : r.findings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("label", f.label().id());
      m.put("subtype", f.subtype());
      m.put("start", cp.toCodePoint(f.start()));
      m.put("end", cp.toCodePoint(f.end()));
      m.put("score", f.score());
      findings.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("text", r.text());
    out.put("verdict", r.verdict().id());
    out.put("findings", findings);
    out.put("counts", counts(r.counts()));
    Map<String, Object> request = null;
    if (r.request() != null) {
      CodePoints pp = CodePoints.of(prompt);
      request = new LinkedHashMap<>();
      request.put("asked", r.request().asked().id());
      request.put("start", pp.toCodePoint(r.request().personStart()));
      request.put("end", pp.toCodePoint(r.request().personEnd()));
    }
    out.put("request", request);
    return out;
  }

  /** Counts per label by label id, in label order. */
  public static Map<String, Integer> counts(Map<Label, Integer> counts) {
    Map<String, Integer> out = new LinkedHashMap<>();
    new TreeMap<>(counts).forEach((l, n) -> out.put(l.id(), n));
    return out;
  }
}
