package dev.lethe.pipeline.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.Utf8Lines;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a JSONL file line by line (strict UTF-8 per line) and hands each object, or why the line could not
 * be read, to a callback. Error messages name the position, never the line's content: an exclusion log
 * must not leak what it excluded.
 */
final class JsonLines {
  interface Handler {
    void line(long number, JsonNode object, String error);
  }

  private JsonLines() {}

  /** Reads {@code file}; returns the number of non-blank lines. */
  static long read(Path file, Handler handler) throws IOException {
    long n = 0;
    try (Utf8Lines lines = new Utf8Lines(Inputs.open(file))) {
      Utf8Lines.Line line;
      while ((line = lines.next()) != null) {
        if (line.error() != null) {
          n++;
          handler.line(line.number(), null, line.error());
          continue;
        }
        if (line.text().isBlank()) {
          continue;
        }
        n++;
        JsonNode node;
        try {
          node = Jsonl.MAPPER.readTree(line.text());
        } catch (JsonProcessingException e) {
          handler.line(line.number(), null, "invalid JSON at column " + e.getLocation().getColumnNr());
          continue;
        }
        if (node == null || !node.isObject()) {
          handler.line(line.number(), null, "not a JSON object");
          continue;
        }
        handler.line(line.number(), node, null);
      }
    }
    return n;
  }

  /** The field as text, or null when absent, null or not a value. */
  static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
  }
}
