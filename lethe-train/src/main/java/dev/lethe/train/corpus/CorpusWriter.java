package dev.lethe.train.corpus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.filter.CodePoints;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes converted documents as the labelled JSONL of CONVENTIONS.md, offsets in code points, keys in a
 * fixed order ({@code id, text, spans, ignore, source, genre, lang, split}) so that the same snapshots give
 * byte-identical files. Every file is written beside its target and moved over it when complete, so a
 * crash never leaves a half-written file under the final name.
 */
final class CorpusWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CorpusWriter() {}

  /** What a written file holds, for the manifest. */
  record Counts(int rows, int rowsWithSpans, Map<String, Integer> spans, int ignore, Map<String, Integer> genres) {}

  static Counts write(Path file, List<CorpusDoc> docs, Corpus corpus) {
    Map<String, Integer> spans = new TreeMap<>();
    Map<String, Integer> genres = new TreeMap<>();
    int withSpans = 0;
    int ignore = 0;
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
        for (CorpusDoc d : docs) {
          w.write(json(d, corpus));
          w.write('\n');
          withSpans += d.spans().isEmpty() ? 0 : 1;
          ignore += d.ignore().size();
          d.spans().forEach(s -> spans.merge(s.label().id(), 1, Integer::sum));
          genres.merge(d.genre(), 1, Integer::sum);
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return new Counts(docs.size(), withSpans, spans, ignore, genres);
  }

  static String json(CorpusDoc d, Corpus corpus) throws IOException {
    CodePoints cp = CodePoints.of(d.text());
    java.io.StringWriter out = new java.io.StringWriter();
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("id", d.id());
      g.writeStringField("text", d.text());
      g.writeArrayFieldStart("spans");
      for (CorpusDoc.Marked s : d.spans()) {
        g.writeStartObject();
        g.writeStringField("label", s.label().id());
        g.writeNumberField("start", cp.toCodePoint(s.start()));
        g.writeNumberField("end", cp.toCodePoint(s.end()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("ignore");
      for (CorpusDoc.Region r : d.ignore()) {
        g.writeStartObject();
        g.writeNumberField("start", cp.toCodePoint(r.start()));
        g.writeNumberField("end", cp.toCodePoint(r.end()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("source", corpus.name());
      g.writeStringField("genre", d.genre());
      g.writeStringField("lang", corpus.lang());
      g.writeStringField("split", d.split().id());
      g.writeEndObject();
    }
    return out.toString();
  }
}
