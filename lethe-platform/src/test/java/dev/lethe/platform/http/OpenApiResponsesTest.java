package dev.lethe.platform.http;

import static dev.lethe.platform.http.ApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls every route until it succeeds and validates each answer (and some errors) against the
 * OpenAPI document the server serves: every route has a response schema, and the server keeps it.
 */
class OpenApiResponsesTest extends OneUserApi {
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private JsonNode doc;
  private final Map<String, Pattern> templates = new LinkedHashMap<>();
  private final Set<String> succeeded = new LinkedHashSet<>();
  private final List<String> violations = new ArrayList<>();
  private int validated;

  @Override
  String email() {
    return "tomasz.wojcik@example.pl";
  }

  @BeforeEach
  void readDocument() {
    doc = ok(200, client.get("/openapi.json", null));
    for (String route : server.routeTable()) {
      String[] p = route.split(" ", 2);
      templates.put(route, Pattern.compile(p[0] + " " + p[1].replaceAll("\\{\\w+}", "[^/?]+") + "(\\?.*)?"));
    }
  }

  /** Calls a route and validates the answer against the schema the document gives for its status. */
  Client.Response call(String method, String path, String token, Object body) {
    Client.Response r = client.call(method, path, token, body);
    String route = templates.entrySet().stream().filter(e -> e.getValue().matcher(method + " " + path).matches())
        .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no route for " + method + " " + path));
    String[] p = route.split(" ", 2);
    JsonNode response = doc.get("paths").get(p[1]).get(p[0].toLowerCase()).get("responses").get(String.valueOf(r.status()));
    assertThat(response).as("status %d of %s is documented", r.status(), route).isNotNull();
    JsonNode content = response.get("content");
    if (content.has("application/zip")) {
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
    } else {
      JsonNode schema = content.get("application/json").get("schema");
      if (schema.has("$ref")) {
        schema = doc.get("components").get("schemas").get(schema.get("$ref").asText().replace("#/components/schemas/", ""));
      }
      Schema validator = registry.getSchema(schema.toString());
      var errors = validator.validate(r.json());
      errors.forEach(e -> violations.add(route + " " + r.status() + ": " + e.getMessage()));
      validated++;
    }
    if (r.status() < 300) {
      succeeded.add(route);
    }
    return r;
  }

  JsonNode okCall(String method, String path, String token, Object body) {
    Client.Response r = call(method, path, token, body);
    assertThat(r.status()).as(method + " " + path + " -> " + r.status()).isLessThan(300);
    return r.headers().firstValue("Content-Type").orElse("").startsWith("application/json") ? r.json() : null;
  }

  String code(String action) {
    okCall("POST", "/api/v1/me/confirmations", token, Map.of("action", action));
    return store.outbox.lastCodeFor(email()).orElseThrow();
  }

  @Test
  void everyRouteAnswersAsItsSchemaSays() {
    String me = "/api/v1/me";
    okCall("GET", "/health", null, null);
    String other = okCall("POST", "/api/v1/ingest/users", INGEST, Map.of("email", "other@example.org", "display_name", "Other"))
        .get("user").get("id").asText();
    okCall("POST", "/api/v1/ingest/users/" + userId + "/tokens", INGEST, null);
    String conv = okCall("POST", "/api/v1/ingest/conversations", INGEST, Map.of("user_id", userId, "title", "Rent")).get("id").asText();
    okCall("POST", "/api/v1/ingest/conversations/" + conv + "/messages", INGEST, Map.of("role", "user", "text", "landlord is late"));
    okCall("POST", "/api/v1/ingest/memories", INGEST, Map.of("user_id", userId, "conversation_id", conv, "text", "rents in Kraków"));
    okCall("GET", "/api/v1/ingest/users/" + userId + "/memories?conversation_id=" + conv, INGEST, null);
    okCall("GET", me, token, null);
    okCall("GET", me + "/sessions", token, null);
    okCall("GET", me + "/settings", token, null);
    okCall("PATCH", me + "/settings", token, Map.of("improve_model", false));
    okCall("GET", me + "/settings/history", token, null);
    okCall("GET", me + "/conversations?limit=1", token, null);
    String mine = okCall("POST", me + "/conversations", token, Map.of("title", "mine")).get("id").asText();
    okCall("GET", me + "/conversations/" + conv, token, null);
    okCall("PATCH", me + "/conversations/" + conv, token, Map.of("title", "Rent 2025"));
    okCall("PUT", me + "/conversations/" + conv + "/archive", token, null);
    okCall("DELETE", me + "/conversations/" + conv + "/archive", token, null);
    okCall("POST", me + "/conversations/archive-all", token, null);
    okCall("DELETE", me + "/conversations/" + mine, token, null);
    okCall("DELETE", me + "/conversations", token, null);
    String memory = okCall("POST", me + "/memories", token, Map.of("text", "likes pierogi")).get("id").asText();
    okCall("GET", me + "/memories", token, null);
    okCall("PATCH", me + "/memories/" + memory, token, Map.of("text", "likes pierogi ruskie"));
    okCall("DELETE", me + "/memories/" + memory, token, null);
    okCall("DELETE", me + "/memories", token, null);
    String export = okCall("POST", me + "/exports", token, Map.of("code", code("export"))).get("id").asText();
    okCall("GET", me + "/exports", token, null);
    okCall("GET", me + "/exports/" + export, token, null);
    okCall("GET", me + "/exports/" + export + "/download", token, null);
    okCall("GET", me + "/notices", token, null);
    okCall("POST", me + "/notices/read", token, null);
    String request = okCall("POST", me + "/requests", token, Map.of("kind", "remove_from_outputs", "strings", List.of("Tomasz Wójcik")))
        .get("id").asText();
    okCall("POST", me + "/requests/" + request + "/resend", token, null);
    okCall("POST", me + "/requests/" + request + "/verify", token, Map.of("code", store.outbox.lastCodeFor(email()).orElseThrow()));
    okCall("GET", "/api/v1/ingest/suppression-list", INGEST, null);
    okCall("GET", me + "/requests", token, null);
    okCall("GET", me + "/requests/" + request, token, null);
    String correction = okCall("POST", me + "/requests", token, Map.of("kind", "correction", "details", "my surname is Wójcik"))
        .get("id").asText();
    okCall("POST", me + "/requests/" + correction + "/verify", token, Map.of("code", store.outbox.lastCodeFor(email()).orElseThrow()));
    okCall("GET", "/api/v1/admin/requests?status=in_progress", ADMIN, null);
    okCall("GET", "/api/v1/admin/dashboard", ADMIN, null);
    okCall("GET", "/api/v1/admin/users/" + email(), ADMIN, null);
    okCall("GET", "/api/v1/admin/requests/" + correction, ADMIN, null);
    okCall("POST", "/api/v1/admin/requests/" + correction + "/approve", ADMIN, Map.of("reason", "surname as in passport"));
    okCall("POST", "/api/v1/admin/requests/" + correction + "/complete", ADMIN, Map.of("reason", "surname corrected"));
    String dnt = okCall("POST", me + "/requests", token, Map.of("kind", "do_not_train")).get("id").asText();
    okCall("POST", "/api/v1/admin/requests/" + dnt + "/reject", ADMIN, Map.of("reason", "filed twice by mistake"));
    okCall("GET", "/api/v1/admin/audit?limit=5", ADMIN, null);
    okCall("GET", "/api/v1/admin/retention", ADMIN, null);
    store.mutableClock().advance(Duration.ofDays(31));
    String fresh = okCall("POST", "/api/v1/ingest/users/" + userId + "/tokens", INGEST, null).get("token").asText();
    okCall("POST", "/api/v1/admin/retention/run", ADMIN, null);
    String session = okCall("GET", me + "/sessions", fresh, null).get("sessions").get(0).get("id").asText();
    String spare = okCall("POST", "/api/v1/ingest/users/" + userId + "/tokens", INGEST, null).get("token").asText();
    okCall("POST", me + "/sign-out", spare, null);
    String third = okCall("POST", "/api/v1/ingest/users/" + userId + "/tokens", INGEST, null).get("token").asText();
    okCall("DELETE", me + "/sessions/" + session, third, null);
    okCall("DELETE", me + "/sessions", third, null);
    String last = okCall("POST", "/api/v1/ingest/users/" + userId + "/tokens", INGEST, null).get("token").asText();
    token = last;
    okCall("DELETE", me, last, Map.of("code", code("delete_account")));

    // errors follow the Error schema too
    call("GET", me, "not-a-token", null);
    call("GET", "/api/v1/admin/audit?limit=0", ADMIN, null);
    call("POST", "/api/v1/ingest/users", INGEST, Map.of("email", "other@example.org"));
    call("GET", "/api/v1/admin/users/" + other + "x", ADMIN, null);

    assertThat(violations).isEmpty();
    // the check can fail: a health answer without its engine, or with an extra key, breaks the schema
    JsonNode health = doc.get("paths").get("/health").get("get").get("responses").get("200").get("content")
        .get("application/json").get("schema");
    Schema healthSchema = registry.getSchema(health.toString());
    assertThat(healthSchema.validate(Client.JSON.createObjectNode().put("status", "ok"))).isNotEmpty();
    assertThat(healthSchema.validate(Client.JSON.createObjectNode().put("status", "ok").put("engine", "sqlite").put("x", 1)))
        .isNotEmpty();
    assertThat(succeeded).containsExactlyInAnyOrderElementsOf(server.routeTable());
    System.out.printf("OpenAPI: %d routes answered with success, %d answers validated against their schemas%n",
        succeeded.size(), validated);
  }
}
