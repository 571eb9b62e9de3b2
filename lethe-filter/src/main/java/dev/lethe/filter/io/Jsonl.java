package dev.lethe.filter.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.filter.CodePoints;
import dev.lethe.filter.Label;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the labelled JSONL format of CONVENTIONS.md. Offsets in the files are code points;
 * {@link LabeledText} holds UTF-16 indices. Malformed lines are reported with their file and line number.
 */
public final class Jsonl {
  /** The one shared mapper: thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Jsonl() {}

  /** Reads every document of a labelled JSONL file; a malformed line fails with its line number. */
  public static List<LabeledText> read(Path file) {
    List<LabeledText> docs = new ArrayList<>();
    try (BufferedReader r = strictUtf8Reader(file)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          docs.add(parse(MAPPER.readTree(line)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + n + ": " + message(e), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return docs;
  }

  /** A reader that fails on invalid UTF-8 rather than silently replacing it. */
  public static BufferedReader strictUtf8Reader(Path file) throws IOException {
    return new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
  }

  /** Parses one document; offsets are converted from code points and checked against the text. */
  public static LabeledText parse(JsonNode node) {
    String id = requiredText(node, "id");
    String text = requiredText(node, "text");
    CodePoints cp = CodePoints.of(text);
    List<LabeledText.Gold> spans = new ArrayList<>();
    for (JsonNode s : node.path("spans")) {
      int[] b = bounds(s, cp);
      JsonNode sub = s.get("subtype");
      spans.add(new LabeledText.Gold(Label.fromId(requiredText(s, "label")),
          sub == null || sub.isNull() ? null : sub.asText(), b[0], b[1]));
    }
    List<LabeledText.Region> ignore = new ArrayList<>();
    for (JsonNode s : node.path("ignore")) {
      int[] b = bounds(s, cp);
      ignore.add(new LabeledText.Region(b[0], b[1]));
    }
    JsonNode source = node.get("source");
    return new LabeledText(id, text, spans, ignore, source == null ? null : source.asText());
  }

  /** The JSON form of a document, offsets in code points. */
  public static ObjectNode toJson(LabeledText doc) {
    CodePoints cp = CodePoints.of(doc.text());
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", doc.id());
    o.put("text", doc.text());
    ArrayNode spans = o.putArray("spans");
    for (LabeledText.Gold g : doc.spans()) {
      ObjectNode s = spans.addObject();
      s.put("label", g.label().id());
      s.put("start", cp.toCodePoint(g.start()));
      s.put("end", cp.toCodePoint(g.end()));
      if (g.subtype() != null) {
        s.put("subtype", g.subtype());
      }
    }
    if (!doc.ignore().isEmpty()) {
      ArrayNode ign = o.putArray("ignore");
      for (LabeledText.Region r : doc.ignore()) {
        ign.addObject().put("start", cp.toCodePoint(r.start())).put("end", cp.toCodePoint(r.end()));
      }
    }
    if (doc.source() != null) {
      o.put("source", doc.source());
    }
    return o;
  }

  static String requiredText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    if (!v.isValueNode()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string");
    }
    return v.asText();
  }

  private static int[] bounds(JsonNode s, CodePoints cp) {
    JsonNode st = s.get("start");
    JsonNode en = s.get("end");
    if (st == null || en == null || !st.canConvertToInt() || !en.canConvertToInt()) {
      throw new IllegalArgumentException("span needs integer start and end: " + s);
    }
    int start = st.asInt();
    int end = en.asInt();
    if (start < 0 || end < start || end > cp.length()) {
      throw new IllegalArgumentException("span [" + start + ", " + end + ") outside text of " + cp.length()
          + " code points");
    }
    return new int[] {cp.toChar(start), cp.toChar(end)};
  }

  private static String message(Exception e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }
}
