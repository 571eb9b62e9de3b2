package dev.lethe.pipeline.run;

import dev.lethe.pipeline.TrainingDocument;
import dev.lethe.pipeline.audit.Verifier;
import dev.lethe.pipeline.sink.DocumentLines;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.pipeline.sink.ZstdLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Human-readable summaries of builds, verifications and forget runs, for the CLI. No content but samples. */
public final class Summaries {
  private Summaries() {}

  public static String build(Manifest m, Map<String, Object> report) {
    StringBuilder b = new StringBuilder();
    Manifest.Counts c = m.counts();
    b.append(String.format(Locale.ROOT, "snapshot %s%s: %,d records in, %,d documents out, %,d excluded%n", m.snapshotId(),
        m.parent() == null ? "" : " (parent " + m.parent() + ")", c.recordsIn(), c.documentsOut(), c.excluded()));
    b.append(String.format(Locale.ROOT, "  %-14s %8s %8s %9s%n", "source", "in", "out", "excluded"));
    c.bySource().forEach((k, s) -> b.append(String.format(Locale.ROOT, "  %-14s %,8d %,8d %,9d%n", k, s.in(), s.out(), s.excluded())));
    if (!c.byReason().isEmpty()) {
      b.append("  exclusions per reason:\n");
      c.byReason().forEach((k, v) -> b.append(String.format(Locale.ROOT, "    %-22s %,8d%n", k, v)));
    }
    if (report != null && report.get("masked_spans_by_label") instanceof Map<?, ?> spans && !spans.isEmpty()) {
      b.append("  masked spans per label:\n");
      spans.forEach((k, v) -> b.append(String.format(Locale.ROOT, "    %-22s %,8d%n", k, ((Number) v).longValue())));
    }
    b.append(String.format(Locale.ROOT, "  %d shards, filter %s at %s, masking %s, config %s%n", m.shards().size(),
        m.filter().get("version"), m.filter().get("operating_point"), m.filter().get("mask_style"), m.configHash().substring(0, 19)));
    return b.toString();
  }

  public static String verify(Verifier.Report r) {
    StringBuilder b = new StringBuilder();
    b.append(r.ok() ? "verify: OK" : "verify: FAILED").append(r.snapshotId() == null ? "" : " (" + r.snapshotId() + ", "
        + String.format(Locale.ROOT, "%,d", r.documents()) + " documents)").append('\n');
    r.checks().forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-13s %s%n", k, v)));
    b.append("  residual PII at recall (masked text re-scanned): ").append(r.residualPii().isEmpty() ? "none" : r.residualPii()).append('\n');
    for (Verifier.Finding f : r.violations()) {
      b.append("  VIOLATION ").append(f.check()).append(": ").append(f.detail()).append('\n');
    }
    for (Verifier.Finding f : r.pending()) {
      b.append("  pending ").append(f.check()).append(": ").append(f.detail()).append('\n');
    }
    return b.toString();
  }

  public static String forget(Manifest m) {
    Manifest.Forget f = m.forget();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "forget: snapshot %s from %s: %d of %d shards rewritten %s, the rest copied unchanged%n",
        m.snapshotId(), m.parent(), f.shardsRewritten(), m.shards().size(), f.rewritten()));
    b.append("  changes read since watermark ").append(f.changesSince()).append(": ").append(f.changes()).append('\n');
    b.append("  documents removed: ").append(f.removed().isEmpty() ? "none" : f.removed())
        .append("; re-masked for new suppression strings: ").append(f.suppressed()).append('\n');
    b.append(String.format(Locale.ROOT, "  %,d documents out (cumulative: %,d in = %,d out + %,d excluded)%n", m.counts().documentsOut(),
        m.counts().recordsIn(), m.counts().documentsOut(), m.counts().excluded()));
    return b.toString();
  }

  /**
   * Up to {@code n} documents with masked spans, cut to {@code width} characters: at most two per source, sources
   * in their usual order, so a handful of lines shows every kind of input.
   */
  public static List<String> samples(Path dir, Manifest m, int n, int width) throws IOException {
    java.util.Map<dev.lethe.pipeline.SourceKind, List<String>> bySource = new java.util.EnumMap<>(dev.lethe.pipeline.SourceKind.class);
    for (Manifest.Shard s : m.shards()) {
      try (BufferedReader r = ZstdLines.reader(dir.resolve(s.file()))) {
        String line;
        while ((line = r.readLine()) != null) {
          TrainingDocument d = DocumentLines.document(line);
          List<String> list = bySource.computeIfAbsent(d.source(), k -> new ArrayList<>());
          int at = d.text().indexOf("<PRIVATE_");
          if (list.size() >= 2 || at < 0 || d.text().startsWith("reach me at ", Math.max(0, at - 12))) {
            continue;  // enough of this source, no masked span, or only a planted canary's
          }
          int from = Math.max(0, d.text().lastIndexOf('\n', at) + 1);
          String t = d.text().substring(from).replace('\n', ' ');
          list.add("[" + d.source().id() + "] " + (t.length() > width ? t.substring(0, width - 1) + "…" : t));
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (List<String> list : bySource.values()) {
        if (round < list.size() && out.size() < n) {
          out.add(list.get(round));
        }
      }
    }
    return out;
  }
}
