package dev.lethe.pipeline.sink;

import dev.lethe.filter.Label;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.stage.PiiStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The privacy report of a build: records in and out per source, exclusions per reason, masked spans per
 * label and source, and a histogram of PII density (masked spans per 1,000 characters of each filtered
 * document). Accumulated by the single sink thread; written as {@code report.json} and as
 * {@code report.html}, a self-contained page with SVG bar charts (no scripts, no external assets).
 */
public final class PrivacyReport implements java.io.Serializable {
  /** Upper bounds of the density buckets (spans per 1,000 chars); the last bucket is open. */
  static final double[] BUCKETS = {0, 1, 2, 5, 10, 20};
  static final String[] BUCKET_NAMES = {"0", "0-1", "1-2", "2-5", "5-10", "10-20", ">20"};

  private final Map<SourceKind, long[]> io = new EnumMap<>(SourceKind.class);  // in, out, excluded
  private final Map<Reason, Long> reasons = new EnumMap<>(Reason.class);
  private final Map<SourceKind, long[]> spans = new EnumMap<>(SourceKind.class);
  private final long[] density = new long[BUCKET_NAMES.length];

  public void kept(SourceKind source, PiiStats stats) {
    counts(source)[0]++;
    counts(source)[1]++;
    long[] s = spans.computeIfAbsent(source, k -> new long[Label.values().length]);
    for (Label l : Label.values()) {
      s[l.ordinal()] += stats.count(l);
    }
    density(stats);
  }

  public void excluded(SourceKind source, Reason reason, PiiStats statsIfFiltered) {
    counts(source)[0]++;
    counts(source)[2]++;
    reasons.merge(reason, 1L, Long::sum);
    if (statsIfFiltered != null) {
      density(statsIfFiltered);
    }
  }

  /** Adds {@code other}'s counts to this report (partial reports of a distributed build); returns this. */
  public PrivacyReport merge(PrivacyReport other) {
    other.io.forEach((k, c) -> {
      long[] mine = counts(k);
      for (int i = 0; i < c.length; i++) {
        mine[i] += c[i];
      }
    });
    other.reasons.forEach((k, v) -> reasons.merge(k, v, Long::sum));
    other.spans.forEach((k, s) -> {
      long[] mine = spans.computeIfAbsent(k, x -> new long[Label.values().length]);
      for (int i = 0; i < s.length; i++) {
        mine[i] += s[i];
      }
    });
    for (int i = 0; i < density.length; i++) {
      density[i] += other.density[i];
    }
    return this;
  }

  private void density(PiiStats stats) {
    double d = stats.density();
    int b = 0;
    while (b < BUCKETS.length && d > BUCKETS[b]) {
      b++;
    }
    density[b]++;
  }

  private long[] counts(SourceKind s) {
    return io.computeIfAbsent(s, k -> new long[3]);
  }

  public long in() {
    return io.values().stream().mapToLong(c -> c[0]).sum();
  }

  public long out() {
    return io.values().stream().mapToLong(c -> c[1]).sum();
  }

  public long excluded() {
    return io.values().stream().mapToLong(c -> c[2]).sum();
  }

  public Map<String, Manifest.SourceCounts> bySource() {
    Map<String, Manifest.SourceCounts> m = new LinkedHashMap<>();
    io.forEach((k, c) -> m.put(k.id(), new Manifest.SourceCounts(c[0], c[1], c[2])));
    return m;
  }

  public Map<String, Long> byReason() {
    Map<String, Long> m = new LinkedHashMap<>();
    reasons.forEach((k, v) -> m.put(k.id(), v));
    return m;
  }

  /** Masked spans per source and label (labels with none omitted). */
  public Map<String, Map<String, Long>> spans() {
    Map<String, Map<String, Long>> m = new LinkedHashMap<>();
    spans.forEach((k, s) -> {
      Map<String, Long> per = new LinkedHashMap<>();
      for (Label l : Label.values()) {
        if (s[l.ordinal()] > 0) {
          per.put(l.id(), s[l.ordinal()]);
        }
      }
      m.put(k.id(), per);
    });
    return m;
  }

  /** Masked spans per label over every source. */
  public Map<String, Long> spansPerLabel() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Label l : Label.values()) {
      long n = spans.values().stream().mapToLong(s -> s[l.ordinal()]).sum();
      if (n > 0) {
        m.put(l.id(), n);
      }
    }
    return m;
  }

  public Map<String, Long> densityHistogram() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < BUCKET_NAMES.length; i++) {
      m.put(BUCKET_NAMES[i], density[i]);
    }
    return m;
  }

  /** The report as a map, for report.json. */
  public Map<String, Object> toMap(String snapshotId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("snapshot_id", snapshotId);
    m.put("records_in", in());
    m.put("documents_out", out());
    m.put("excluded", excluded());
    m.put("by_source", bySource());
    m.put("exclusions_by_reason", byReason());
    m.put("masked_spans_by_source", spans());
    m.put("masked_spans_by_label", spansPerLabel());
    m.put("pii_density_per_1000_chars", densityHistogram());
    return m;
  }

  public void write(Path dir, String snapshotId) throws IOException {
    AtomicFiles.write(dir.resolve(Snapshot.REPORT_JSON), Manifest.MAPPER.writeValueAsBytes(toMap(snapshotId)));
    AtomicFiles.write(dir.resolve(Snapshot.REPORT_HTML), html(snapshotId).getBytes(StandardCharsets.UTF_8));
  }

  String html(String snapshotId) {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Privacy report ")
        .append(esc(snapshotId)).append("</title><style>body{font:14px system-ui,sans-serif;margin:2em;max-width:60em;color:#222}"
            + "table{border-collapse:collapse}td,th{padding:2px 10px;text-align:right;border-bottom:1px solid #ddd}"
            + "th:first-child,td:first-child{text-align:left}h2{margin-top:1.6em}</style></head><body>");
    h.append("<h1>Privacy report</h1><p>Snapshot <code>").append(esc(snapshotId)).append("</code>: ")
        .append(in()).append(" records in, ").append(out()).append(" documents out, ").append(excluded())
        .append(" excluded.</p>");
    h.append("<h2>Records per source</h2><table><tr><th>source</th><th>in</th><th>out</th><th>excluded</th></tr>");
    bySource().forEach((k, c) -> h.append("<tr><td>").append(k).append("</td><td>").append(c.in()).append("</td><td>")
        .append(c.out()).append("</td><td>").append(c.excluded()).append("</td></tr>"));
    h.append("</table>");
    h.append("<h2>Masked spans per label</h2>").append(bars(spansPerLabel(), "#3b6ea5"));
    h.append("<h2>Masked spans per label and source</h2><table><tr><th>source</th>");
    for (Label l : Label.values()) {
      h.append("<th>").append(l.id()).append("</th>");
    }
    h.append("</tr>");
    spans.forEach((k, s) -> {
      h.append("<tr><td>").append(k.id()).append("</td>");
      for (Label l : Label.values()) {
        h.append("<td>").append(s[l.ordinal()]).append("</td>");
      }
      h.append("</tr>");
    });
    h.append("</table>");
    h.append("<h2>Exclusions per reason</h2>").append(bars(byReason(), "#a5523b"));
    h.append("<h2>PII density</h2><p>Documents by masked spans per 1,000 characters (every document the filter"
        + " ran on, kept or dropped for density).</p>").append(bars(densityHistogram(), "#5a8f3b"));
    h.append("</body></html>\n");
    return h.toString();
  }

  /** A horizontal SVG bar chart of {@code values}. */
  public static String bars(Map<String, Long> values, String colour) {
    if (values.isEmpty()) {
      return "<p>none</p>";
    }
    long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
    int row = 22;
    int label = 190;
    int width = 420;
    List<String> keys = new ArrayList<>(values.keySet());
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">",
        label + width + 80, keys.size() * row + 4));
    for (int i = 0; i < keys.size(); i++) {
      long v = values.get(keys.get(i));
      int w = (int) Math.round(width * (double) v / max);
      int y = i * row + 2;
      s.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"13\">%s</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
              + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%d</text>",
          label - 8, y + 15, esc(keys.get(i)), label, y + 2, Math.max(w, v > 0 ? 1 : 0), row - 6, colour, label + w + 6, y + 15, v));
    }
    return s.append("</svg>").toString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
