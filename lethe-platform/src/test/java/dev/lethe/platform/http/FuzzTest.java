package dev.lethe.platform.http;

import static dev.lethe.platform.http.ApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.platform.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Crash and isolation fuzzing over every route: the malformed inputs of the security review plus
 * seeded random bodies, query strings and headers, sent by an attacker (their own user token on user
 * routes, with the victim's ids in the path; the service tokens on ingest and admin routes, with
 * random ids). Asserts no 5xx and that nothing of the victim changed; prints the figures. Runs on
 * both engines (seed fixed, so a failure replays).
 */
class FuzzTest extends OneUserApi {
  static final long SEED = 20261203L;
  static final int RANDOM_PER_ROUTE = 30;

  @Override
  String email() {
    return "victim@example.org";
  }

  String attacker;
  String attackerId;
  int requests;
  final List<String> serverErrors = new ArrayList<>();

  static final List<String> MALFORMED = List.of(
      "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}",
      "{\"a\":" + "9".repeat(1001) + "}",
      "{\"" + "n".repeat(60_000) + "\":1}",
      "{\"title\":\"a\\u0000b\",\"text\":\"a\\u0000b\",\"email\":\"a\\u0000@b.org\",\"reason\":\"\\u0000\",\"code\":\"\\u0000\"}",
      "{\"title\":\"\\ud800\",\"text\":\"x\\udfff\",\"details\":\"\\udbff\\udbff\",\"strings\":[\"\\ud800\"]}",
      "[]", "\"text\"", "12", "null", "true", "{", "{\"a\":}", "{\"a\":1,,}", "{\"a\" 1}", "",
      "{\"kind\":\"remove_from_outputs\",\"strings\":[1,{},[]]}",
      "{\"improve_model\":\"yes\",\"memories_enabled\":1,\"temporary\":\"true\"}",
      "{\"email\":\"ma\u200bra@example.org\",\"user_id\":\"" + "x".repeat(5000) + "\"}",
      "{\"action\":\"delete_account\",\"code\":12345678}",
      "{\"text\":\"" + "y".repeat(300_000) + "\"}");

  static final List<String> QUERIES = List.of(
      "?limit=4294967297", "?limit=-1", "?limit=0", "?limit=1e3", "?cursor=garbage", "?cursor=OTk5OTk5OTk5OTk5OTk5OTk5OTk5Ojp4",
      "?cursor=MTox", "?q=%00", "?q=" + "z".repeat(300), "?q=%25%5F%5C", "?archived=maybe", "?after_seq=-5",
      "?after_seq=99999999999999999999", "?status=bogus", "?kind=bogus", "?user_id=%00", "?conversation_id=%ED%A0%80", "?_method=DELETE");

  @Test
  void noRouteAnswers5xxAndNoAttackerChangesAnotherUsersData() throws Exception {
    JsonNode a = ok(201, client.call("POST", "/api/v1/ingest/users", INGEST, Map.of("email", "attacker@example.org")));
    attacker = a.get("token").asText();
    attackerId = a.get("user").get("id").asText();
    Map<String, String> victimIds = victimData();
    String before = victimSnapshot();

    Random random = new Random(SEED);
    List<Route> routes = ApiTest.routesOf(server);
    for (Route r : routes) {
      for (String body : MALFORMED) {
        send(r, victimIds, body.getBytes(StandardCharsets.UTF_8), "", Map.of());
      }
      send(r, victimIds, new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '"', '}'}, "", Map.of());
      send(r, victimIds, new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'}, "", Map.of());
      for (String q : QUERIES) {
        send(r, victimIds, null, q, Map.of());
      }
      for (String h : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
        send(r, victimIds, null, "", Map.of(h, "DELETE"));
      }
      send(r, victimIds, null, "", Map.of("Idempotency-Key", "k\u00e9y"));
      send(r, victimIds, null, "", Map.of("Idempotency-Key", "x".repeat(101)));
      for (int i = 0; i < RANDOM_PER_ROUTE; i++) {
        send(r, victimIds, randomBody(random, r).getBytes(StandardCharsets.UTF_8), random.nextInt(3) == 0 ? randomQuery(random) : "",
            Map.of());
      }
    }
    System.out.printf("Fuzz (%s): %d routes, %d requests, %d answered 5xx%n", TestStore.isPostgres() ? "PostgreSQL" : "SQLite",
        routes.size(), requests, serverErrors.size());
    assertThat(serverErrors).isEmpty();
    assertThat(victimSnapshot()).isEqualTo(before);
  }

  /** Sends one request; a user route's attacker token is renewed when the fuzzing signed it out. */
  private void send(Route r, Map<String, String> victimIds, byte[] body, String query, Map<String, String> headers) {
    String path = r.path();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path);
    StringBuilder p = new StringBuilder();
    while (m.find()) {
      String id = r.auth() == Route.Auth.USER ? victimIds.getOrDefault(m.group(1), "nope") : "fuzz-" + m.group(1);
      m.appendReplacement(p, id);
    }
    m.appendTail(p);
    String auth = switch (r.auth()) {
      case USER -> attacker;
      case INGEST -> INGEST;
      case ADMIN -> ADMIN;
      case PUBLIC -> null;
    };
    Client.Response resp;
    try {
      resp = body == null ? client.call(r.method(), p + query, auth, null, headers) : client.raw(r.method(), p + query, auth, body);
    } catch (RuntimeException e) {
      serverErrors.add(r.method() + " " + r.path() + query + ": connection failed: " + e.getMessage());
      return;
    }
    requests++;
    if (resp.status() >= 500) {
      serverErrors.add(r.method() + " " + r.path() + query + " -> " + resp);
    }
    if (resp.status() == 401 && r.auth() == Route.Auth.USER) {
      attacker = store.controls.accounts().issueToken(attackerId);
    }
  }

  private static String randomBody(Random random, Route r) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (Route.Field f : r.body()) {
      if (random.nextInt(4) > 0) {
        body.put(f.name(), randomValue(random, 0));
      }
    }
    if (random.nextInt(5) == 0) {
      body.put(randomString(random, 12), randomValue(random, 0));
    }
    try {
      return Client.JSON.writeValueAsString(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object randomValue(Random random, int depth) {
    return switch (random.nextInt(depth > 2 ? 5 : 7)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextLong();
      case 3 -> random.nextDouble() * 1e300;
      case 4 -> randomString(random, random.nextInt(3) == 0 ? 3000 : 40);
      case 5 -> java.util.Arrays.asList(randomValue(random, depth + 1), randomValue(random, depth + 1));
      default -> {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put(randomString(random, 8), randomValue(random, depth + 1));
        yield m;
      }
    };
  }

  /** Random text over awkward code points: controls, zero-width and bidi marks, surrogate pairs, quotes. */
  private static String randomString(Random random, int max) {
    int[] pool = {'a', 'Z', '0', ' ', '"', '\\', '/', '%', '_', '@', '.', '<', '>', '&', '\'', 0x01, 0x1F, 0x7F, 0xE9, 0x200B,
        0x202E, 0x2066, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF, 0x0627, 0x4E2D};
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(pool[random.nextInt(pool.length)]);
    }
    return sb.toString();
  }

  private static String randomQuery(Random random) {
    String[] names = {"limit", "cursor", "q", "archived", "after_seq", "status", "kind", "user_id", "subject_id", "action",
        "conversation_id"};
    String value = java.net.URLEncoder.encode(randomString(random, 20), StandardCharsets.UTF_8);
    return "?" + names[random.nextInt(names.length)] + "=" + value;
  }

  /** The victim's conversation, memory, export, request and session ids, for the attacker to aim at. */
  private Map<String, String> victimData() {
    String conv = ok(201, client.call("POST", "/api/v1/ingest/conversations", INGEST, Map.of("user_id", userId, "title", "taxes")))
        .get("id").asText();
    ok(201, client.call("POST", "/api/v1/ingest/conversations/" + conv + "/messages", INGEST, Map.of("role", "user", "text", "my IBAN")));
    String mem = ok(201, client.call("POST", "/api/v1/me/memories", token, Map.of("text", "allergic to penicillin"))).get("id").asText();
    String export = ok(202, client.call("POST", "/api/v1/me/exports", token, Map.of("code", code("export")))).get("id").asText();
    String request = ok(201, client.call("POST", "/api/v1/me/requests", token, Map.of("kind", "access"))).get("id").asText();
    String session = ok(200, client.get("/api/v1/me/sessions", token)).get("sessions").get(0).get("id").asText();
    return Map.of("conversationId", conv, "memoryId", mem, "exportId", export, "requestId", request, "sessionId", session,
        "userId", userId, "user", userId);
  }

  /** Every row of the victim, with the columns that can change. */
  private String victimSnapshot() {
    return store.db.read(sql -> sql.list(
        "SELECT 'u', id, COALESCE(deleted_at, 0), improve_model || '/' || memories_enabled || '/' || COALESCE(display_name, '') FROM users WHERE id = ?"
            + " UNION ALL SELECT 'c', id, COALESCE(deleted_at, 0) + COALESCE(archived_at, 0), COALESCE(title, '') FROM conversations WHERE user_id = ?"
            + " UNION ALL SELECT 'g', conversation_id, ordinal, text FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE user_id = ?)"
            + " UNION ALL SELECT 'm', id, updated_at, text FROM memories WHERE user_id = ?"
            + " UNION ALL SELECT 'e', id, 0, status FROM exports WHERE user_id = ?"
            + " UNION ALL SELECT 'r', id, code_attempts + code_resends, status FROM privacy_requests WHERE user_id = ?"
            + " UNION ALL SELECT 't', id, expires_at, '' FROM tokens WHERE user_id = ?"
            + " UNION ALL SELECT 's', setting, seq, '' FROM setting_changes WHERE user_id = ?"
            + " UNION ALL SELECT 'n', id, COALESCE(read_at, 0), kind FROM notices WHERE user_id = ?"
            + " UNION ALL SELECT 'k', action, attempts, '' FROM confirmations WHERE user_id = ? ORDER BY 1, 2, 3",
        rs -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getLong(3) + ":" + rs.getString(4),
        userId, userId, userId, userId, userId, userId, userId, userId, userId, userId)).toString();
  }
}
