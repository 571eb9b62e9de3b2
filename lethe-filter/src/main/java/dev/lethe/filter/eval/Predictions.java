package dev.lethe.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.filter.CodePoints;
import dev.lethe.filter.Span;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.LabeledText;
import dev.lethe.filter.io.Utf8Lines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads prediction files and converts filter output for the {@link Scorer}. */
public final class Predictions {
  private Predictions() {}

  /**
   * Reads a prediction JSONL file: per line an {@code id} and {@code spans} or {@code detected_spans}
   * (label, start, end in code points), as {@code score.py} accepts. Lines carrying {@code error} count
   * as no prediction. A malformed line fails with its line number.
   */
  public static Map<String, List<Scorer.CpSpan>> read(Path file) {
    Map<String, List<Scorer.CpSpan>> out = new LinkedHashMap<>();
    try (Utf8Lines lines = new Utf8Lines(Files.newInputStream(file))) {
      for (Utf8Lines.Line line = lines.next(); line != null; line = lines.next()) {
        if (line.error() != null) {
          throw new IllegalArgumentException(file + ":" + line.number() + ": " + line.error());
        }
        if (line.text().isBlank()) {
          continue;
        }
        try {
          JsonNode d = Jsonl.MAPPER.readTree(line.text());
          if (!d.hasNonNull("id")) {
            throw new IllegalArgumentException("no id");
          }
          if (d.has("error")) {
            continue;
          }
          JsonNode spans = d.has("spans") ? d.get("spans") : d.path("detected_spans");
          List<Scorer.CpSpan> list = new ArrayList<>();
          for (JsonNode s : spans) {
            list.add(new Scorer.CpSpan(s.path("label").asText(), s.path("start").asInt(), s.path("end").asInt()));
          }
          out.put(d.get("id").asText(), list);
        } catch (IOException | RuntimeException e) {
          throw new IllegalArgumentException(file + ":" + line.number() + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Spans found in {@code doc} by the filter, in code points. */
  public static List<Scorer.CpSpan> ofSpans(LabeledText doc, List<Span> spans) {
    CodePoints cp = CodePoints.of(doc.text());
    List<Scorer.CpSpan> out = new ArrayList<>(spans.size());
    for (Span s : spans) {
      out.add(new Scorer.CpSpan(s.label().id(), cp.toCodePoint(s.start()), cp.toCodePoint(s.end())));
    }
    return out;
  }

  /** Keeps the last document of each id, as {@code score.py} does when it loads a file into a dict. */
  public static List<LabeledText> lastById(List<LabeledText> docs) {
    Map<String, LabeledText> byId = new LinkedHashMap<>();
    for (LabeledText d : docs) {
      byId.put(d.id(), d);
    }
    return List.copyOf(byId.values());
  }
}
