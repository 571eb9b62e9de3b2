package dev.lethe.platform.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema (2020-12, as OpenAPI 3.1 uses it) of the API's response bodies, built next to the
 * views that produce them ({@link Views}). Objects list every key they have (all are always sent, as
 * explicit nulls when empty) and refuse others, so a view that drifts from its schema fails the
 * OpenAPI test that validates real responses.
 */
public final class Schema {
  public static final Map<String, Object> STRING = Map.of("type", "string");
  public static final Map<String, Object> INTEGER = Map.of("type", "integer");
  public static final Map<String, Object> BOOLEAN = Map.of("type", "boolean");
  /** An ISO-8601 UTC time. */
  public static final Map<String, Object> TIME = Map.of("type", "string", "format", "date-time");
  /** A ZIP file (not JSON): the export download. */
  public static final Map<String, Object> ZIP = Map.of("type", "string", "contentMediaType", "application/zip");
  /** Any JSON object (a route that does not describe its answer). */
  public static final Map<String, Object> ANY_OBJECT = Map.of("type", "object");

  private Schema() {}

  /** The schema, or null. */
  public static Map<String, Object> nullable(Map<String, Object> schema) {
    Map<String, Object> s = new LinkedHashMap<>(schema);
    s.put("type", List.of(schema.get("type"), "null"));
    return Map.copyOf(s);
  }

  /** An object with exactly these keys (name, schema, name, schema, ...), all required. */
  public static Map<String, Object> object(Object... nameThenSchema) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 0; i < nameThenSchema.length; i += 2) {
      properties.put((String) nameThenSchema[i], nameThenSchema[i + 1]);
    }
    return object(properties);
  }

  /** An object with exactly these properties, all required. */
  public static Map<String, Object> object(Map<String, Object> properties) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("properties", Map.copyOf(properties));
    s.put("required", List.copyOf(properties.keySet()));
    s.put("additionalProperties", false);
    return s;
  }

  /** {@code base} with more properties, all required. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> extend(Map<String, Object> base, Object... nameThenSchema) {
    Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) base.get("properties"));
    for (int i = 0; i < nameThenSchema.length; i += 2) {
      properties.put((String) nameThenSchema[i], nameThenSchema[i + 1]);
    }
    List<String> order = new ArrayList<>((List<String>) base.get("required"));
    for (String k : properties.keySet()) {
      if (!order.contains(k)) {
        order.add(k);
      }
    }
    Map<String, Object> s = object(properties);
    s.put("required", order);
    return s;
  }

  public static Map<String, Object> array(Map<String, Object> items) {
    return Map.of("type", "array", "items", items);
  }

  /** One of these strings. */
  public static Map<String, Object> oneOf(String... values) {
    return Map.of("type", "string", "enum", List.of(values));
  }

  /** A page of a list: the items under {@code name} and the next page's cursor. */
  public static Map<String, Object> page(String name, Map<String, Object> item) {
    return object(name, array(item), "next_cursor", nullable(STRING));
  }
}
