package dev.lethe.platform.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.platform.controls.Validation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON request body read field by field; each wrong type is a 400 naming the field.
 *
 * <p>Parsing is bounded before any route sees the body: at most {@value #MAX_BYTES} bytes, strict
 * UTF-8 (an invalid byte is a 400 with its offset, never silently replaced), nesting at most
 * {@value #MAX_DEPTH} levels, numbers at most {@value #MAX_NUMBER_DIGITS} digits, field names at most
 * {@value #MAX_NAME_CHARS} characters, and no string or name holding U+0000 or an unpaired
 * surrogate. Each limit is a 400 that names it.
 */
public final class Body {
  static final int MAX_BYTES = 1 << 20;
  static final int MAX_DEPTH = 32;
  static final int MAX_NUMBER_DIGITS = 30;
  static final int MAX_NAME_CHARS = 100;

  private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxNumberLength(MAX_NUMBER_DIGITS)
          .maxNameLength(MAX_NAME_CHARS)
          .maxStringLength(MAX_BYTES)
          .maxDocumentLength(MAX_BYTES)
          .build())
      .build());

  private final JsonNode node;

  private Body(JsonNode node) {
    this.node = node;
  }

  /** Parses a raw body of at most {@value #MAX_BYTES} bytes (the caller stops reading beyond). */
  static Body parse(byte[] raw) {
    if (raw.length > MAX_BYTES) {
      throw ApiException.badRequest("body", "is larger than " + MAX_BYTES + " bytes");
    }
    String text = utf8(raw);
    if (text.isBlank()) {
      return new Body(STRICT.createObjectNode());
    }
    JsonNode node;
    try {
      node = STRICT.readTree(text);
    } catch (StreamConstraintsException e) {
      throw ApiException.badRequest("body", limitBroken(e.getMessage()));
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw ApiException.badRequest("body", "is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
          + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw ApiException.badRequest("body", "cannot be read");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("body", "must be a JSON object");
    }
    checkStrings(node, "");
    return new Body(node);
  }

  private static String utf8(byte[] raw) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(raw);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("body", "is not valid UTF-8 (byte " + in.position() + ")");
    }
  }

  private static String limitBroken(String message) {
    String m = message == null ? "" : message;
    if (m.contains("nesting depth")) {
      return "is nested deeper than " + MAX_DEPTH + " levels";
    }
    if (m.contains("Number value length") || m.contains("number")) {
      return "has a number longer than " + MAX_NUMBER_DIGITS + " digits";
    }
    if (m.contains("Name length")) {
      return "has a field name longer than " + MAX_NAME_CHARS + " characters";
    }
    if (m.contains("String value length") || m.contains("Document length")) {
      return "is larger than " + MAX_BYTES + " bytes";
    }
    return "breaks a parser limit";
  }

  /** U+0000 and unpaired surrogates in any name or string, reported with the JSON path of the field. */
  private static void checkStrings(JsonNode node, String path) {
    if (node.isTextual()) {
      Validation.checkCharacters(path, node.textValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkStrings(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Validation.checkCharacters(path.isEmpty() ? "body" : path, e.getKey());
        checkStrings(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
      }
    }
  }

  public String string(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.badRequest(field, "must be a string");
    }
    return v.textValue();
  }

  public String requiredString(String field) {
    String v = string(field);
    if (v == null) {
      throw ApiException.badRequest(field, "is required");
    }
    return v;
  }

  public Boolean bool(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw ApiException.badRequest(field, "must be true or false");
    }
    return v.booleanValue();
  }

  public List<String> strings(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw ApiException.badRequest(field, "must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw ApiException.badRequest(field + "[" + i + "]", "must be a string");
      }
      out.add(v.get(i).textValue());
    }
    return out;
  }

  /** Refuses fields the route does not know, so a typo is an error rather than silently ignored. */
  void only(List<String> known) {
    node.fieldNames().forEachRemaining(name -> {
      if (known.isEmpty()) {
        throw ApiException.badRequest(name, "is not a known field (this route takes no body)");
      }
      if (!known.contains(name)) {
        throw ApiException.badRequest(name, "is not a known field (expected " + String.join(", ", known) + ")");
      }
    });
  }
}
