package dev.lethe.insights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.insights.dp.GaussianMechanism;
import dev.lethe.insights.dp.PrivacyLedger;
import dev.lethe.pipeline.sink.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON and HTML forms of a release. Every number carries its noise: the user and conversation counts come
 * with the discrete Gaussian's sigma and a 95% interval ({@code value ± ci95} holds the exact bounded count with
 * probability 0.95 before selection; released user counts are biased upwards by selection near the threshold).
 */
public final class InsightsReport {
  public static final String JSON_FILE = "insights.json";
  public static final String HTML_FILE = "insights.html";
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private InsightsReport() {}

  public static ObjectNode json(InsightsResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("dataset", r.dataset());
    o.put("released_at", r.releasedAt());
    InsightQuery q = r.query();
    ObjectNode query = o.putObject("query");
    q.dimensions().forEach(d -> query.withArray("dimensions").add(d.id()));
    query.put("k", q.k()).put("max_partitions_per_user", q.maxPartitions()).put("max_conversations_per_user_and_cell", q.maxRowsPerCell());
    GaussianMechanism m = r.mechanism();
    ObjectNode p = o.putObject("privacy");
    p.put("accounting", "zCDP").put("rho", q.rho().toPlainString()).put("delta", q.delta().toPlainString());
    p.put("mechanism", "discrete Gaussian (exact sampler), partition selection at noisy users >= threshold and exact users >= k");
    p.put("sigma2_users", m.sigma2Users().toString()).put("sigma_users", Reports.round(m.sigmaUsers())).put("ci95_users", m.ci95Users());
    p.put("sigma2_conversations", m.sigma2Conversations().toString()).put("sigma_conversations", Reports.round(m.sigmaConversations()))
        .put("ci95_conversations", m.ci95Conversations());
    p.put("threshold_users", m.threshold());
    PrivacyLedger.Status s = r.ledger();
    p.putObject("ledger").put("budget_rho", s.budgetRho().toPlainString()).put("spent_rho", s.spentRho().toPlainString())
        .put("remaining_rho", s.remainingRho().toPlainString()).put("budget_delta", s.budgetDelta().toPlainString())
        .put("spent_delta", s.spentDelta().toPlainString()).put("releases", s.releases());
    for (InsightsResult.Cell c : r.cells()) {
      ObjectNode cell = o.withArray("cells").addObject();
      c.key().forEach(cell.putObject("key")::put);
      cell.putObject("users").put("value", c.users()).put("sigma", Reports.round(m.sigmaUsers())).put("ci95", m.ci95Users());
      cell.putObject("conversations").put("value", c.conversations()).put("sigma", Reports.round(m.sigmaConversations()))
          .put("ci95", m.ci95Conversations());
    }
    if (r.cells().isEmpty()) {
      o.putArray("cells");
    }
    return o;
  }

  public static String html(InsightsResult r) {
    GaussianMechanism m = r.mechanism();
    InsightQuery q = r.query();
    String title = "Usage insights by " + q.dimensions().stream().map(Dimension::id).collect(Collectors.joining(" x "));
    StringBuilder h = new StringBuilder(String.format(Reports.HEAD, Reports.esc(title)));
    h.append("<h1>").append(Reports.esc(title)).append("</h1>");
    h.append("<p>Released ").append(Reports.esc(r.releasedAt())).append(" under ").append(q.rho().toPlainString())
        .append("-zCDP (delta ").append(q.delta().toPlainString()).append(" for partition selection). Each user counts in at most ")
        .append(q.maxPartitions()).append(" cells with at most ").append(q.maxRowsPerCell())
        .append(" conversations each; a cell appears only with at least ").append(q.k())
        .append(" distinct users and a noisy user count of at least ").append(m.threshold()).append(".</p>");
    h.append("<p>Noise: discrete Gaussian, users sigma ").append(Reports.round(m.sigmaUsers())).append(" (95%: ±").append(m.ci95Users())
        .append("), conversations sigma ").append(Reports.round(m.sigmaConversations())).append(" (95%: ±").append(m.ci95Conversations())
        .append("). Budget: ").append(r.ledger().spentRho().toPlainString()).append(" of ")
        .append(r.ledger().budgetRho().toPlainString()).append(" rho spent over ").append(r.ledger().releases()).append(" releases.</p>");
    if (r.cells().isEmpty()) {
      h.append("<p><b>No cell passed the thresholds.</b></p>");
    } else {
      List<Reports.Bar> bars = r.cells().stream()
          .map(c -> new Reports.Bar(String.join(" / ", c.key().values()), c.users(), m.ci95Users())).toList();
      h.append("<h2>Distinct users</h2>").append(Reports.barChart(bars));
      h.append("<h2>Conversations</h2>").append(Reports.barChart(r.cells().stream()
          .map(c -> new Reports.Bar(String.join(" / ", c.key().values()), c.conversations(), m.ci95Conversations())).toList()));
      h.append("<h2>Table</h2><table><tr>");
      q.dimensions().forEach(d -> h.append("<th>").append(d.id()).append("</th>"));
      h.append("<th>users</th><th>conversations</th></tr>");
      for (InsightsResult.Cell c : r.cells()) {
        h.append("<tr>");
        c.key().values().forEach(v -> h.append("<td>").append(Reports.esc(v)).append("</td>"));
        h.append("<td class=\"n\">").append(c.users()).append(" ± ").append(m.ci95Users()).append("</td><td class=\"n\">")
            .append(c.conversations()).append(" ± ").append(m.ci95Conversations()).append("</td></tr>");
      }
      h.append("</table>");
    }
    return h.append("</body></html>").toString();
  }

  /** Writes insights.json and insights.html into {@code dir}, each atomically. */
  public static void write(InsightsResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(dir.resolve(JSON_FILE), MAPPER.writeValueAsBytes(json(r)));
    AtomicFiles.write(dir.resolve(HTML_FILE), html(r).getBytes(StandardCharsets.UTF_8));
  }
}
