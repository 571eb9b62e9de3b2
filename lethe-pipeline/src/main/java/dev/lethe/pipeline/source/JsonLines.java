package dev.lethe.pipeline.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.filter.io.Utf8Lines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a JSONL file line by line (strict UTF-8 per line, each line at most
 * {@link ReadLimits#maxRecordBytes()} and nested at most {@link ReadLimits#maxJsonDepth()}) and hands each
 * object, or why the line could not be read, to a callback. Error messages name the position, never the
 * line's content: an exclusion log must not leak what it excluded.
 *
 * <p>A file that cannot be opened, or whose compressed data ends early or is corrupt, is reported once, at
 * line 0 (the whole file) or at the line after the last one read, and reading stops there: the lines before
 * it are kept, and the build goes on with the next file.
 */
final class JsonLines {
  interface Handler {
    /** {@code number} 0 stands for the whole file (it could not be opened). */
    void line(long number, JsonNode object, String error);
  }

  private JsonLines() {}

  /**
   * Reads {@code file}; returns the number of records handed on (non-blank lines and read failures).
   * {@code read} counts the file's bytes consumed, for progress.
   */
  static long read(Path file, ReadLimits limits, AtomicLong read, Handler handler) {
    ObjectMapper mapper = limits.mapper();
    long n = 0;
    long last = 0;
    try (Utf8Lines lines = new Utf8Lines(Inputs.open(file, read), limits.maxRecordBytes())) {
      Utf8Lines.Line line;
      while ((line = lines.next()) != null) {
        last = line.number();
        if (line.error() != null) {
          n++;
          handler.line(line.number(), null, line.error().startsWith("line of") ? line.error() + " (max_record_bytes)" : line.error());
          continue;
        }
        if (line.text().isBlank()) {
          continue;
        }
        n++;
        JsonNode node;
        try {
          node = mapper.readTree(line.text());
        } catch (JsonProcessingException e) {
          handler.line(line.number(), null, limits.describe(e));
          continue;
        }
        if (node == null || !node.isObject()) {
          handler.line(line.number(), null, "not a JSON object");
          continue;
        }
        handler.line(line.number(), node, null);
      }
    } catch (IOException e) {
      n++;
      handler.line(last == 0 ? 0 : last + 1, null, last == 0 ? "cannot read the file: " + Inputs.problem(e)
          : "cannot read past line " + last + ": " + Inputs.problem(e) + "; rest of the file skipped");
    }
    return n;
  }

  /** Where line {@code number} of {@code name} is: {@code name:number}, or the file's name for line 0. */
  static String origin(String name, long number) {
    return number == 0 ? name : name + ":" + number;
  }

  /** The field as text, or null when absent, null or not a value. */
  static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
  }
}
