package dev.lethe.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document (its schemas are JSON Schema 2020-12), generated from the route table (so it lists exactly the routes the
 * server has). Written by hand rather than with an annotation plugin: the table already holds every
 * fact, and the plugin would add a code generator to the build.
 */
final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

  /** Every error body: the message, the field at fault (400) and machine-readable facts (409 duplicates). */
  static final Map<String, Object> ERROR = Map.of("type", "object", "required", List.of("error"), "properties", Map.of(
      "error", Map.of("type", "string"), "field", Map.of("type", "string", "description", "the invalid input field"),
      "existing_request_id", Map.of("type", "string", "description", "409 on POST /api/v1/me/requests: the open duplicate")),
      "additionalProperties", false);

  private OpenApi() {}

  static byte[] document(List<Route> routes, ObjectMapper json) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Route r : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), k -> new LinkedHashMap<>());
      item.put(r.method().toLowerCase(java.util.Locale.ROOT), operation(r));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put("info", Map.of("title", "Lethe data controls API", "version", "1",
        "description", "Users' privacy settings, temporary chats, deletion, memories, export and privacy requests."
            + " Errors are JSON {error, field?}: 400 names the invalid field; another user's data is 404."));
    doc.put("paths", paths);
    doc.put("components", Map.of(
        "securitySchemes", Map.of(
            "user", bearer("A user's token: acts on that user's data only."),
            "ingest", bearer("The chat product's service token (LETHE_INGEST_TOKEN)."),
            "admin", bearer("The operators' token (LETHE_ADMIN_TOKEN).")),
        "schemas", Map.of("Error", ERROR)));
    try {
      return json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> bearer(String description) {
    return Map.of("type", "http", "scheme", "bearer", "description", description);
  }

  private static Map<String, Object> operation(Route r) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("summary", r.summary());
    op.put("tags", List.of(r.auth().name().toLowerCase(java.util.Locale.ROOT)));
    if (r.auth() != Route.Auth.PUBLIC) {
      op.put("security", List.of(Map.of(r.auth().name().toLowerCase(java.util.Locale.ROOT), List.of())));
    }
    List<Map<String, Object>> params = new java.util.ArrayList<>();
    Matcher m = PARAM.matcher(r.path());
    while (m.find()) {
      params.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
    }
    for (Route.Field q : r.query()) {
      params.add(param(q, "query"));
    }
    if (r.idempotent()) {
      params.add(Map.of("name", "Idempotency-Key", "in", "header", "required", false, "schema", Map.of("type", "string"),
          "description", "A retry with the same key returns the first response instead of acting again."));
    }
    if (!params.isEmpty()) {
      op.put("parameters", params);
    }
    if (!r.body().isEmpty()) {
      Map<String, Object> props = new LinkedHashMap<>();
      List<String> required = new java.util.ArrayList<>();
      for (Route.Field f : r.body()) {
        props.put(f.name(), schema(f));
        if (f.required()) {
          required.add(f.name());
        }
      }
      Map<String, Object> schema = new LinkedHashMap<>(Map.of("type", "object", "properties", props, "additionalProperties", false));
      if (!required.isEmpty()) {
        schema.put("required", required);
      }
      op.put("requestBody", Map.of("required", !required.isEmpty(), "content", Map.of("application/json", Map.of("schema", schema))));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    String media = (String) r.response().getOrDefault("contentMediaType", "application/json");
    responses.put(String.valueOf(r.status()), Map.of("description", "success",
        "content", Map.of(media, Map.of("schema", r.response()))));
    Map<String, Object> error = Map.of("content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
    responses.put("400", with(error, "invalid input; 'field' names it"));
    if (r.auth() != Route.Auth.PUBLIC) {
      responses.put("401", with(error, "missing or unknown token"));
      responses.put("403", with(error, "a token of another kind"));
      responses.put("404", with(error, "not found, or not yours"));
      responses.put("409", with(error, "refused by the rules in the current state"));
      if (r.path().endsWith("/download")) {
        responses.put("410", with(error, "the download link has expired"));
      }
    }
    op.put("responses", responses);
    return op;
  }

  private static Map<String, Object> with(Map<String, Object> base, String description) {
    Map<String, Object> m = new LinkedHashMap<>(base);
    m.put("description", description);
    return m;
  }

  private static Map<String, Object> param(Route.Field f, String in) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", f.name());
    p.put("in", in);
    p.put("required", f.required());
    p.put("schema", schema(f));
    return p;
  }

  private static Map<String, Object> schema(Route.Field f) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", f.type());
    if (f.type().equals("array")) {
      s.put("items", Map.of("type", "string"));
    }
    if (f.description() != null) {
      s.put("description", f.description());
    }
    return s;
  }
}
