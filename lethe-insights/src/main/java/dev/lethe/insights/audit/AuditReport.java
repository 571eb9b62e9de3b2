package dev.lethe.insights.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.insights.Reports;
import dev.lethe.pipeline.sink.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the re-identification audit found: totals per check, the riskiest documents with why, and the exclusion
 * list for the next snapshot. Names documents, attribute kinds and counts; never a value or a text.
 */
public record AuditReport(String snapshotId, long documents, long subjects, Auditor.Options options,
    long documentsWithResidual, Map<String, Long> residualByLabel, long documentsWithQuasiIdentifiers, long documentsBelowK,
    Map<String, Long> documentsByAttribute, List<Combination> combinations, long rareNgrams, long documentsWithRareNgrams,
    int canariesPlanted, int canariesPresent, List<CanaryExposure> exposure, List<Risk> riskiest, List<Exclusion> exclusions) {
  public static final String JSON_FILE = "audit.json";
  public static final String HTML_FILE = "audit.html";
  /** The list of documents to drop or mask in the next snapshot (docs/insights.md describes it). */
  public static final String EXCLUSIONS_FILE = "audit-exclusions.json";
  public static final String EXCLUSIONS_FORMAT = "lethe-audit-exclusions/1";
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public AuditReport {
    residualByLabel = Map.copyOf(residualByLabel);
    documentsByAttribute = Map.copyOf(documentsByAttribute);
    combinations = List.copyOf(combinations);
    exposure = List.copyOf(exposure);
    riskiest = List.copyOf(riskiest);
    exclusions = List.copyOf(exclusions);
  }

  /** Documents with a given combination of attribute kinds ({@code age+city}), and how many of them are below k. */
  public record Combination(String attributes, long documents, long belowK) {}

  /** A risky document: its score, the k of its quasi-identifiers (null without any) and the reasons. */
  public record Risk(String id, double score, Integer k, List<String> reasons) {}

  /** Exposure of one canary under a model's scores. */
  public record CanaryExposure(String canary, int rank, int candidates, double exposure, double maxExposure) {}

  /** A document to act on in the next snapshot; {@code mask} lists the quasi-identifier spans (code points). */
  public record Exclusion(String id, Auditor.Action action, String reason, List<MaskSpan> mask) {}

  /** A span to mask, in Unicode code points of the document's text, end exclusive. */
  public record MaskSpan(String attribute, int start, int end) {}

  public ObjectNode json() {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("snapshot_id", snapshotId);
    o.put("documents", documents).put("subjects", subjects);
    o.putObject("options").put("k_threshold", options.kThreshold()).put("ngram", options.ngram())
        .put("min_ngram_documents", options.minNgramDocs()).put("residual_filter", options.residual() ? "recall" : "off")
        .put("action", options.action().name().toLowerCase(Locale.ROOT));
    ObjectNode res = o.putObject("residual_identifiers");
    res.put("documents", documentsWithResidual);
    residualByLabel.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> res.with("by_label").put(e.getKey(), e.getValue()));
    ObjectNode qi = o.putObject("quasi_identifiers");
    qi.put("documents", documentsWithQuasiIdentifiers).put("below_k", documentsBelowK);
    documentsByAttribute.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> qi.with("documents_by_attribute").put(e.getKey(), e.getValue()));
    ArrayNode combos = qi.putArray("combinations");
    combinations.forEach(c -> combos.addObject().put("attributes", c.attributes()).put("documents", c.documents())
        .put("below_k", c.belowK()));
    o.putObject("rare_ngrams").put("unique_to_one_user", rareNgrams).put("documents", documentsWithRareNgrams);
    ObjectNode can = o.putObject("canaries");
    can.put("planted", canariesPlanted).put("present", canariesPresent);
    ArrayNode ex = can.putArray("exposure");
    exposure.forEach(e -> ex.addObject().put("canary", e.canary()).put("rank", e.rank()).put("candidates", e.candidates())
        .put("exposure_bits", Reports.round(e.exposure())).put("max_bits", Reports.round(e.maxExposure())));
    ArrayNode risky = o.putArray("riskiest");
    for (Risk r : riskiest) {
      ObjectNode n = risky.addObject().put("id", r.id()).put("score", Reports.round(r.score()));
      if (r.k() != null) {
        n.put("k", r.k());
      }
      r.reasons().forEach(n.putArray("reasons")::add);
    }
    o.put("exclusions", exclusions.size());
    return o;
  }

  public ObjectNode exclusionsJson() {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", EXCLUSIONS_FORMAT);
    o.put("snapshot_id", snapshotId);
    o.put("k_threshold", options.kThreshold());
    ArrayNode list = o.putArray("documents");
    for (Exclusion e : exclusions) {
      ObjectNode n = list.addObject().put("id", e.id()).put("action", e.action().name().toLowerCase(Locale.ROOT))
          .put("reason", e.reason());
      if (e.action() == Auditor.Action.MASK) {
        ArrayNode spans = n.putArray("mask");
        e.mask().forEach(s -> spans.addObject().put("attribute", s.attribute()).put("start", s.start()).put("end", s.end()));
      }
    }
    return o;
  }

  public String html() {
    StringBuilder h = new StringBuilder(String.format(Reports.HEAD, "Re-identification audit"));
    h.append("<h1>Re-identification audit</h1><p>Snapshot ").append(Reports.esc(String.valueOf(snapshotId))).append(": ")
        .append(documents).append(" documents of ").append(subjects).append(" users or sources. k threshold ")
        .append(options.kThreshold()).append(".</p><table>");
    row(h, "documents with residual direct identifiers (filter at recall)", documentsWithResidual);
    row(h, "documents stating quasi-identifiers", documentsWithQuasiIdentifiers);
    row(h, "of them below k", documentsBelowK);
    row(h, options.ngram() + "-grams found only in one user's documents", rareNgrams);
    row(h, "documents holding such n-grams", documentsWithRareNgrams);
    row(h, "canaries planted / present", canariesPlanted + " / " + canariesPresent);
    row(h, "documents on the exclusion list", exclusions.size());
    h.append("</table>");
    if (!combinations.isEmpty()) {
      h.append("<h2>Documents below k, per combination of quasi-identifiers</h2>").append(Reports.barChart(combinations.stream()
          .map(c -> new Reports.Bar(c.attributes() + " (" + c.documents() + ")", c.belowK(), 0)).toList()));
    }
    if (!residualByLabel.isEmpty()) {
      h.append("<h2>Residual direct identifiers per label</h2>").append(Reports.barChart(residualByLabel.entrySet().stream()
          .sorted(Map.Entry.comparingByKey()).map(e -> new Reports.Bar(e.getKey(), e.getValue(), 0)).toList()));
    }
    if (!exposure.isEmpty()) {
      h.append("<h2>Canary exposure</h2><table><tr><th>canary</th><th>rank</th><th>candidates</th><th>exposure (bits)</th><th>max</th></tr>");
      exposure.forEach(e -> h.append("<tr><td>").append(Reports.esc(e.canary())).append("</td><td class=\"n\">").append(e.rank())
          .append("</td><td class=\"n\">").append(e.candidates()).append("</td><td class=\"n\">")
          .append(Reports.round(e.exposure())).append("</td><td class=\"n\">").append(Reports.round(e.maxExposure()))
          .append("</td></tr>"));
      h.append("</table>");
    }
    h.append("<h2>Riskiest documents</h2><table><tr><th>document</th><th>score</th><th>k</th><th>why</th></tr>");
    for (Risk r : riskiest) {
      h.append("<tr><td>").append(Reports.esc(r.id())).append("</td><td class=\"n\">").append(Reports.round(r.score()))
          .append("</td><td class=\"n\">").append(r.k() == null ? "" : r.k()).append("</td><td>")
          .append(Reports.esc(String.join("; ", r.reasons()))).append("</td></tr>");
    }
    return h.append("</table></body></html>").toString();
  }

  private static void row(StringBuilder h, String what, Object value) {
    h.append("<tr><td>").append(Reports.esc(what)).append("</td><td class=\"n\">").append(value).append("</td></tr>");
  }

  /** Writes audit.json, audit.html and audit-exclusions.json into {@code dir}, each atomically. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(dir.resolve(JSON_FILE), MAPPER.writeValueAsBytes(json()));
    AtomicFiles.write(dir.resolve(HTML_FILE), html().getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(dir.resolve(EXCLUSIONS_FILE), MAPPER.writeValueAsBytes(exclusionsJson()));
  }
}
