package dev.lethe.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.platform.testing.TestStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiTest {
  static final String ADMIN = "admin-token-0123456789abcdef0123456789abcdef";
  static final String INGEST = "ingest-token-0123456789abcdef0123456789abcdef";

  TestStore store;
  ApiServer server;
  Client client;
  String aliceToken;
  String aliceId;
  String bobToken;
  String bobId;

  @BeforeEach
  void setUp() {
    store = TestStore.open();
    server = ApiServer.start(store.controls, ApiConfig.of("127.0.0.1", 0, ADMIN, INGEST));
    client = new Client(server.port());
    JsonNode alice = ok(201, client.call("POST", "/api/v1/ingest/users", INGEST, Map.of("email", "Alice@Example.org", "display_name", "Alice")));
    aliceToken = alice.get("token").asText();
    aliceId = alice.get("user").get("id").asText();
    JsonNode bob = ok(201, client.call("POST", "/api/v1/ingest/users", INGEST, Map.of("email", "bob@example.org", "improve_model", false)));
    bobToken = bob.get("token").asText();
    bobId = bob.get("user").get("id").asText();
  }

  @AfterEach
  void tearDown() {
    server.close();
    store.close();
  }

  static JsonNode ok(int status, Client.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    return r.json();
  }

  /** Asks for a re-confirmation code for {@code action} and reads it from the outbox, as the user would. */
  String confirmationCode(String token, String email, String action) {
    ok(201, client.call("POST", "/api/v1/me/confirmations", token, Map.of("action", action)));
    return store.outbox.lastCodeFor(email).orElseThrow();
  }

  String startChat(String userId, boolean temporary, String... texts) {
    String id = ok(201, client.call("POST", "/api/v1/ingest/conversations", INGEST,
        Map.of("user_id", userId, "title", "chat", "temporary", temporary))).get("id").asText();
    for (String t : texts) {
      ok(201, client.call("POST", "/api/v1/ingest/conversations/" + id + "/messages", INGEST, Map.of("role", "user", "text", t)));
    }
    return id;
  }

  @Test
  void userFlowThroughTheApi() {
    assertThat(ok(200, client.get("/api/v1/me", aliceToken)).get("email").asText()).isEqualTo("alice@example.org");
    String c1 = startChat(aliceId, false, "Call me at +44 20 7946 0958");
    ok(200, client.call("PATCH", "/api/v1/me/settings", aliceToken, Map.of("improve_model", false)));
    String c2 = startChat(aliceId, false, "after opting out");
    String temp = startChat(aliceId, true, "temporary");

    JsonNode history = ok(200, client.get("/api/v1/me/conversations", aliceToken)).get("conversations");
    List<String> listed = new ArrayList<>();
    history.forEach(n -> listed.add(n.get("id").asText() + "=" + n.get("training_eligible").asBoolean()));
    assertThat(listed).containsExactlyInAnyOrder(c1 + "=true", c2 + "=false");
    assertThat(ok(200, client.get("/api/v1/me/conversations/" + temp, aliceToken)).get("temporary").asBoolean()).isTrue();

    JsonNode settingsHistory = ok(200, client.get("/api/v1/me/settings/history", aliceToken)).get("history");
    assertThat(settingsHistory).hasSize(3);  // two initial values, one change

    ok(200, client.call("PUT", "/api/v1/me/conversations/" + c1 + "/archive", aliceToken, null));
    assertThat(ok(200, client.get("/api/v1/me/conversations", aliceToken)).get("conversations")).hasSize(1);
    assertThat(ok(200, client.get("/api/v1/me/conversations?archived=true", aliceToken)).get("conversations")).hasSize(1);

    ok(201, client.call("POST", "/api/v1/ingest/memories", INGEST, Map.of("user_id", aliceId, "conversation_id", c1, "text", "Alice has a cat")));
    JsonNode deletion = ok(200, client.call("DELETE", "/api/v1/me/conversations/" + c1, aliceToken, null));
    assertThat(deletion.get("memories_kept").asInt()).isEqualTo(1);
    assertThat(deletion.get("note").asText()).contains("not deleted");
    assertThat(client.get("/api/v1/me/conversations/" + c1, aliceToken).status()).isEqualTo(404);
    assertThat(ok(200, client.get("/api/v1/me/memories", aliceToken)).get("memories")).hasSize(1);
  }

  @Test
  void validationErrorsName400TheField() {
    Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
    cases.put("improve_model", new Object[] {"PATCH", "/api/v1/me/settings", aliceToken, Map.of("improve_model", "yes")});
    cases.put("kind", new Object[] {"POST", "/api/v1/me/requests", aliceToken, Map.of("kind", "forget-me")});
    cases.put("strings", new Object[] {"POST", "/api/v1/me/requests", aliceToken, Map.of("kind", "remove_from_outputs")});
    cases.put("email", new Object[] {"POST", "/api/v1/ingest/users", INGEST, Map.of("email", "not-an-email")});
    cases.put("role", new Object[] {"POST", "/api/v1/ingest/conversations/x/messages", INGEST, Map.of("role", "robot", "text", "hi")});
    cases.put("text", new Object[] {"POST", "/api/v1/ingest/memories", INGEST, Map.of("user_id", aliceId)});
    cases.put("body", new Object[] {"POST", "/api/v1/ingest/conversations", INGEST, "{not json"});
    cases.put("colour", new Object[] {"PATCH", "/api/v1/me/settings", aliceToken, Map.of("colour", "blue")});
    cases.put("limit", new Object[] {"GET", "/api/v1/admin/audit?limit=5000", ADMIN, null});
    cases.put("archived", new Object[] {"GET", "/api/v1/me/conversations?archived=maybe", aliceToken, null});
    cases.forEach((field, c) -> {
      Client.Response r = client.call((String) c[0], (String) c[1], (String) c[2], c[3]);
      assertThat(r.status()).as(field + ": " + r).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo(field);
      assertThat(r.json().get("error").asText()).contains(field);
    });
  }

  @Test
  void tokensAreCheckedAndKindsKeptApart() {
    assertThat(client.get("/api/v1/me", null).status()).isEqualTo(401);
    assertThat(client.get("/api/v1/me", "not-a-token").status()).isEqualTo(401);
    assertThat(client.get("/api/v1/me", ADMIN).status()).isEqualTo(403);
    assertThat(client.get("/api/v1/admin/audit", aliceToken).status()).isEqualTo(403);
    assertThat(client.get("/api/v1/admin/audit", INGEST).status()).isEqualTo(403);
    assertThat(client.call("POST", "/api/v1/ingest/conversations", aliceToken, Map.of("user_id", bobId)).status()).isEqualTo(403);
    assertThat(client.get("/api/v1/admin/audit", ADMIN).status()).isEqualTo(200);
    // only hashes are stored
    String stored = store.db.read(sql -> sql.list("SELECT token_hash FROM tokens", rs -> rs.getString(1))).toString();
    assertThat(stored).doesNotContain(aliceToken).doesNotContain(bobToken);
  }

  /** Every user route, tried with Bob's token on Alice's things: nothing is read, changed or deleted. */
  @Test
  void noUserReachesAnotherUsersDataByAnyRoute() throws Exception {
    String conv = startChat(aliceId, false, "Alice's secret: hunter2");
    String mem = ok(201, client.call("POST", "/api/v1/ingest/memories", INGEST, Map.of("user_id", aliceId, "text", "Alice's PIN is 4921"))).get("id").asText();
    String export = ok(202, client.call("POST", "/api/v1/me/exports", aliceToken,
        Map.of("code", confirmationCode(aliceToken, "alice@example.org", "export")))).get("id").asText();
    String request = ok(201, client.call("POST", "/api/v1/me/requests", aliceToken, Map.of("kind", "do_not_train"))).get("id").asText();
    String session = ok(200, client.get("/api/v1/me/sessions", aliceToken)).get("sessions").get(0).get("id").asText();
    Map<String, String> ids = Map.of("conversationId", conv, "memoryId", mem, "exportId", export, "requestId", request,
        "sessionId", session);
    String before = snapshot();

    int tried = 0;
    for (Route r : routesOf(server)) {
      if (r.auth() != Route.Auth.USER || !r.path().contains("{")) {
        continue;
      }
      String path = r.path();
      for (var e : ids.entrySet()) {
        path = path.replace("{" + e.getKey() + "}", e.getValue());
      }
      Map<String, Object> body = new HashMap<>();
      r.body().forEach(f -> body.put(f.name(), f.type().equals("boolean") ? Boolean.FALSE : "x1234567"));
      Client.Response resp = client.call(r.method(), path, bobToken, body.isEmpty() ? null : body);
      assertThat(resp.status()).as(r.method() + " " + r.path() + " -> " + resp).isIn(403, 404);
      assertThat(new String(resp.bytes(), StandardCharsets.UTF_8)).doesNotContain("hunter2").doesNotContain("4921");
      tried++;
    }
    assertThat(tried).isEqualTo(13);
    // Ingest routes with Bob's token are refused outright.
    assertThat(client.get("/api/v1/ingest/users/" + aliceId + "/memories", bobToken).status()).isEqualTo(403);
    assertThat(snapshot()).isEqualTo(before);
    // Routes without an id only ever show Bob his own things.
    assertThat(ok(200, client.get("/api/v1/me/conversations", bobToken)).get("conversations")).isEmpty();
    assertThat(ok(200, client.get("/api/v1/me/memories", bobToken)).get("memories")).isEmpty();
    assertThat(ok(200, client.get("/api/v1/me/exports", bobToken)).get("exports")).isEmpty();
    assertThat(ok(200, client.get("/api/v1/me/requests", bobToken)).get("requests")).isEmpty();
  }

  private String snapshot() {
    return store.db.read(sql -> sql.list(
        "SELECT 'c', id, COALESCE(deleted_at, 0), COALESCE(archived_at, 0), title FROM conversations"
            + " UNION ALL SELECT 'm', id, updated_at, 0, text FROM memories"
            + " UNION ALL SELECT 'r', id, COALESCE(verified_at, 0), code_attempts, status FROM privacy_requests"
            + " UNION ALL SELECT 'e', id, 0, 0, status FROM exports"
            + " UNION ALL SELECT 't', id, expires_at, 0, user_id FROM tokens ORDER BY 1, 2",
        rs -> rs.getString(1) + rs.getString(2) + rs.getLong(3) + rs.getLong(4) + rs.getString(5))).toString();
  }

  static List<Route> routesOf(ApiServer server) throws Exception {
    var f = ApiServer.class.getDeclaredField("routes");
    f.setAccessible(true);
    @SuppressWarnings("unchecked")
    List<Route> routes = (List<Route>) f.get(server);
    return routes;
  }

  @Test
  void idempotencyKeysMakeRetriesSafe() {
    String conv = startChat(aliceId, false, "hello");
    Map<String, String> key = Map.of("Idempotency-Key", "k-1");
    Client.Response first = client.call("DELETE", "/api/v1/me/conversations/" + conv, aliceToken, null, key);
    Client.Response retry = client.call("DELETE", "/api/v1/me/conversations/" + conv, aliceToken, null, key);
    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json()).isEqualTo(first.json());
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(client.call("DELETE", "/api/v1/me/conversations/" + conv, aliceToken, null).status()).isEqualTo(404);
    assertThat(client.call("DELETE", "/api/v1/me/memories", aliceToken, null, key).status()).isEqualTo(409);

    Map<String, String> k2 = Map.of("Idempotency-Key", "k-2");
    JsonNode r1 = ok(201, client.call("POST", "/api/v1/me/requests", aliceToken, Map.of("kind", "access"), k2));
    JsonNode r2 = ok(201, client.call("POST", "/api/v1/me/requests", aliceToken, Map.of("kind", "access"), k2));
    assertThat(r2.get("id")).isEqualTo(r1.get("id"));
    assertThat(store.outbox.lastTo("alice@example.org")).isPresent();
    // without a key, the same open request is a detected duplicate
    Client.Response dup = client.call("POST", "/api/v1/me/requests", aliceToken, Map.of("kind", "access"));
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.json().get("existing_request_id").asText()).isEqualTo(r1.get("id").asText());
  }

  @Test
  void exportIsAZipForItsOwnerOnlyAndExpiresAfter24Hours() throws IOException {
    startChat(aliceId, false, "My address is 4 Elm Street <b>Springfield</b>");
    ok(201, client.call("POST", "/api/v1/ingest/memories", INGEST, Map.of("user_id", aliceId, "text", "likes jazz")));
    JsonNode export = ok(202, client.call("POST", "/api/v1/me/exports", aliceToken,
        Map.of("code", confirmationCode(aliceToken, "alice@example.org", "export"))));
    String id = export.get("id").asText();
    JsonNode status = ok(200, client.get("/api/v1/me/exports/" + id, aliceToken));
    assertThat(status.get("status").asText()).isEqualTo("ready");
    assertThat(client.get("/api/v1/me/exports/" + id + "/download", bobToken).status()).isEqualTo(404);

    Client.Response zip = client.get("/api/v1/me/exports/" + id + "/download", aliceToken);
    assertThat(zip.status()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/zip"));
    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries).containsKeys("profile.json", "settings_history.json", "conversations.html", "memories.json", "privacy_requests.json");
    assertThat(entries.keySet()).anyMatch(n -> n.startsWith("conversations/") && n.endsWith(".json"));
    assertThat(entries.get("conversations.html")).contains("&lt;b&gt;Springfield&lt;/b&gt;").doesNotContain("<b>Springfield");
    assertThat(entries.get("memories.json")).contains("likes jazz");
    assertThat(entries.get("profile.json")).contains("alice@example.org");

    store.mutableClock().advance(Duration.ofHours(24));
    assertThat(client.get("/api/v1/me/exports/" + id + "/download", aliceToken).status()).isEqualTo(410);
    JsonNode expired = ok(200, client.get("/api/v1/me/exports/" + id, aliceToken));
    assertThat(expired.get("status").asText()).as("expired before the retention run").isEqualTo("expired");
    assertThat(expired.get("download").isNull()).isTrue();
    ok(200, client.call("POST", "/api/v1/admin/retention/run", ADMIN, null));
    assertThat(Files.exists(store.workspace.resolve("exports").resolve(id + ".zip"))).isFalse();
    assertThat(ok(200, client.get("/api/v1/me/exports/" + id, aliceToken)).get("status").asText()).isEqualTo("expired");
  }

  @Test
  void openApiDocumentsEveryRoute() throws Exception {
    JsonNode doc = ok(200, client.get("/openapi.json", null));
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    List<String> documented = new ArrayList<>();
    doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(server.routeTable());
    assertThat(client.get("/", null).status()).isEqualTo(200);
  }

  /** docs/platform.md carries the route table; when a route is missing this prints the rows to paste. */
  @Test
  void documentationListsEveryRoute() throws IOException {
    Path docs = Path.of(System.getProperty("user.dir")).resolve("../docs/platform.md");
    String text = Files.exists(docs) ? Files.readString(docs) : "";
    JsonNode doc = ok(200, client.get("/openapi.json", null));
    List<String> rows = new ArrayList<>();
    for (String route : server.routeTable()) {
      String[] p = route.split(" ", 2);
      JsonNode op = doc.get("paths").get(p[1]).get(p[0].toLowerCase());
      rows.add("| " + p[0] + " | `" + p[1] + "` | " + op.get("tags").get(0).asText() + " | "
          + op.get("summary").asText().replace("|", "\\|") + " |");
    }
    List<String> missing = rows.stream().filter(r -> !text.contains(r.substring(0, r.indexOf("` |") + 3))).toList();
    assertThat(missing).as("rows missing from docs/platform.md; the full table is:\n" + String.join("\n", rows)).isEmpty();
  }

  @Test
  void adminSeesTheQueueTheAuditLogAndRetention() {
    ok(201, client.call("POST", "/api/v1/me/requests", aliceToken, Map.of("kind", "remove_from_outputs", "strings", List.of("Alice Moreau"))));
    JsonNode queue = ok(200, client.get("/api/v1/admin/requests", ADMIN)).get("requests");
    assertThat(queue).hasSize(1);
    assertThat(queue.get(0).get("status").asText()).isEqualTo("awaiting_verification");
    assertThat(queue.get(0).get("due_at").asText()).isEqualTo("2025-04-01T09:00:00Z");
    JsonNode audit = ok(200, client.get("/api/v1/admin/audit?limit=1000", ADMIN)).get("entries");
    assertThat(audit.toString()).doesNotContain("Alice Moreau").doesNotContain("alice@example.org");
    JsonNode retention = ok(200, client.get("/api/v1/admin/retention", ADMIN));
    assertThat(retention.get("conversations_due").asInt()).isZero();
  }
}
