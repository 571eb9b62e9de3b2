package dev.lethe.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** A JSON request body read field by field; each wrong type is a 400 naming the field. */
public final class Body {
  private final JsonNode node;

  private Body(JsonNode node) {
    this.node = node;
  }

  static Body parse(ObjectMapper json, String raw) {
    if (raw == null || raw.isBlank()) {
      return new Body(json.createObjectNode());
    }
    try {
      JsonNode node = json.readTree(raw);
      if (node == null || !node.isObject()) {
        throw ApiException.badRequest("body", "must be a JSON object");
      }
      return new Body(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badRequest("body", "is not valid JSON (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ")");
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
      if (!known.contains(name)) {
        throw ApiException.badRequest(name, "is not a known field (expected " + String.join(", ", known) + ")");
      }
    });
  }
}
