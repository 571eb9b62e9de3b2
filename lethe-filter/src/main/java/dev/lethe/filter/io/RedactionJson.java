package dev.lethe.filter.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.filter.CodePoints;
import dev.lethe.filter.Span;
import dev.lethe.filter.mask.Redaction;
import dev.lethe.filter.mask.Replacement;
import java.io.UncheckedIOException;

/**
 * The JSON form of a redaction: the batch contract of CONVENTIONS.md, which extends schema v1 of the
 * {@code opf} CLI ({@code detected_spans}, {@code redacted_text}) with {@code score}. Offsets are code
 * points of the input text.
 */
public final class RedactionJson {
  private static final ObjectWriter PLAIN = Jsonl.MAPPER.writer();
  private static final ObjectWriter ASCII = Jsonl.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

  private RedactionJson() {}

  /** {@code {"id", "detected_spans": [...], "redacted_text"}}; {@code id} is omitted when null. */
  public static ObjectNode toJson(String id, String text, Redaction r) {
    ObjectNode o = Jsonl.MAPPER.createObjectNode();
    if (id != null) {
      o.put("id", id);
    }
    CodePoints cp = CodePoints.of(text);
    ArrayNode spans = o.putArray("detected_spans");
    for (Replacement rep : r.replacements()) {
      Span s = rep.span();
      ObjectNode j = spans.addObject();
      j.put("label", s.label().id());
      j.put("start", cp.toCodePoint(s.start()));
      j.put("end", cp.toCodePoint(s.end()));
      j.put("text", s.textIn(text));
      j.put("score", Math.round(s.score() * 10000) / 10000.0);
      j.put("placeholder", rep.replacement());
      if (s.subtype() != null) {
        j.put("subtype", s.subtype());
      }
    }
    o.put("redacted_text", r.text());
    return o;
  }

  /** The error line that replaces an unreadable input line: {@code {"id": ..., "error": "line N: ..."}}. */
  public static ObjectNode error(String id, long line, String message) {
    ObjectNode o = Jsonl.MAPPER.createObjectNode();
    if (id == null) {
      o.putNull("id");
    } else {
      o.put("id", id);
    }
    o.put("error", "line " + line + ": " + message);
    return o;
  }

  /**
   * One line of JSON. Text holding an unpaired surrogate (possible in Java strings read from JSON escapes)
   * cannot be encoded as UTF-8, so such a document is written with ASCII escapes instead, as Python's
   * {@code json.dumps} would; the original chars survive the round trip.
   */
  public static String line(ObjectNode node) {
    try {
      String json = PLAIN.writeValueAsString(node);
      return hasLoneSurrogate(json) ? ASCII.writeValueAsString(node) : json;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code s} has a surrogate without its partner. */
  public static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
