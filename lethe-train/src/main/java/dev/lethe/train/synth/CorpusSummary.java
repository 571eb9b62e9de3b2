package dev.lethe.train.synth;

import dev.lethe.filter.Label;
import dev.lethe.filter.io.LabeledText;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over a generated corpus: spans per label, documents per genre, language and feature (name origin,
 * address country, negative kind, style), and documents without any span.
 */
public record CorpusSummary(int documents, int withoutSpans, int ignoreRegions, Map<Label, Integer> spansPerLabel,
    Map<String, Integer> genres, Map<String, Integer> languages, Map<String, Integer> features) {

  public static CorpusSummary of(Collection<SyntheticDoc> docs) {
    Map<Label, Integer> labels = new EnumMap<>(Label.class);
    for (Label l : Label.values()) {
      labels.put(l, 0);
    }
    Map<String, Integer> genres = new TreeMap<>();
    Map<String, Integer> languages = new TreeMap<>();
    Map<String, Integer> features = new TreeMap<>();
    int empty = 0;
    int ignore = 0;
    for (SyntheticDoc d : docs) {
      for (LabeledText.Gold g : d.doc().spans()) {
        labels.merge(g.label(), 1, Integer::sum);
      }
      empty += d.doc().spans().isEmpty() ? 1 : 0;
      ignore += d.doc().ignore().size();
      genres.merge(d.genre(), 1, Integer::sum);
      languages.merge(d.language(), 1, Integer::sum);
      d.features().forEach(f -> features.merge(f, 1, Integer::sum));
    }
    return new CorpusSummary(docs.size(), empty, ignore, Map.copyOf(labels), Map.copyOf(genres),
        Map.copyOf(languages), Map.copyOf(features));
  }

  /** A plain-text report, one count per line, grouped. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append("documents ").append(documents).append(" (without spans ").append(withoutSpans)
        .append(", ignore regions ").append(ignoreRegions).append(")\n");
    sb.append("spans per label\n");
    new EnumMap<>(spansPerLabel).forEach((l, n) -> sb.append(String.format("  %-16s %7d%n", l.id(), n)));
    section(sb, "genres", genres);
    section(sb, "languages", languages);
    section(sb, "features", features);
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, Map<String, Integer> counts) {
    sb.append(title).append('\n');
    new TreeMap<>(counts).forEach((k, n) -> sb.append(String.format("  %-24s %7d%n", k, n)));
  }
}
