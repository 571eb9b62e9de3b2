package dev.lethe.platform.http;

import static dev.lethe.platform.http.ApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.platform.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The findings of the security review of issue 9, each as an attack that must now fail. Runs on both engines. */
class SecurityTest extends OneUserApi {
  @Override
  String email() {
    return "mara@example.org";
  }

  String conversation() {
    return ok(201, client.call("POST", "/api/v1/ingest/conversations", INGEST, Map.of("user_id", userId))).get("id").asText();
  }

  @Test
  void methodOverrideIsRefusedOnEveryRoute() {
    String conv = conversation();
    for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
      for (String[] attack : List.of(new String[] {"/api/v1/me", "DELETE"}, new String[] {"/api/v1/me/conversations/" + conv, "DELETE"},
          new String[] {"/api/v1/me/settings", "PATCH"})) {
        Client.Response r = client.call("GET", attack[0], token, null, Map.of(header, attack[1]));
        assertThat(r.status()).as(header + " " + attack[0] + " -> " + r).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo(header);
      }
    }
    assertThat(client.call("GET", "/api/v1/me?_method=DELETE", token, null).status()).isEqualTo(400);
    assertThat(ok(200, client.get("/api/v1/me", token)).get("id").asText()).isEqualTo(userId);
    assertThat(ok(200, client.get("/api/v1/me/conversations/" + conv, token)).get("id").asText()).isEqualTo(conv);
  }

  @Test
  void everyRouteWithABodyRefusesParserBombsWith400() throws Exception {
    String deep = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
    String longNumber = "{\"a\":" + "9".repeat(1001) + "}";
    String longName = "{\"" + "n".repeat(60_000) + "\":1}";
    String huge = "{\"a\":\"" + "x".repeat(Body.MAX_BYTES) + "\"}";
    Map<String, String> expected = Map.of(deep, "nested deeper", longNumber, "number longer", longName, "field name longer",
        huge, "larger than");
    int tried = 0;
    for (Route r : ApiTest.routesOf(server)) {
      if (r.body().isEmpty()) {
        continue;
      }
      String path = r.path().replaceAll("\\{\\w+}", "x");
      String auth = switch (r.auth()) {
        case USER -> token;
        case INGEST -> INGEST;
        case ADMIN -> ADMIN;
        case PUBLIC -> null;
      };
      for (var bomb : expected.entrySet()) {
        Client.Response resp = client.call(r.method(), path, auth, bomb.getKey());
        assertThat(resp.status()).as(r.method() + " " + r.path() + " -> " + resp.status()).isEqualTo(400);
        assertThat(resp.json().get("field").asText()).isEqualTo("body");
        assertThat(resp.json().get("error").asText()).contains(bomb.getValue());
        tried++;
      }
    }
    assertThat(tried).isGreaterThanOrEqualTo(4 * 12);
  }

  @Test
  void nulSurrogatesAndInvalidUtf8AreRefusedNamingTheField() {
    String conv = conversation();
    String path = "/api/v1/ingest/conversations/" + conv + "/messages";
    Client.Response nul = client.call("POST", path, INGEST, "{\"role\":\"user\",\"text\":\"a\\u0000b\"}");
    assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
    assertThat(nul.json().get("field").asText()).isEqualTo("text");
    Client.Response lone = client.call("POST", path, INGEST, "{\"role\":\"user\",\"text\":\"pre \\ud800 post\"}");
    assertThat(lone.status()).isEqualTo(400);
    assertThat(lone.json().get("field").asText()).isEqualTo("text");
    assertThat(lone.json().get("error").asText()).contains("U+D800");
    Client.Response inList = client.call("POST", "/api/v1/me/requests", token,
        "{\"kind\":\"remove_from_outputs\",\"strings\":[\"ok\",\"\\udc00x\"]}");
    assertThat(inList.json().get("field")).as(inList.toString()).isNotNull();
    assertThat(inList.json().get("field").asText()).isEqualTo("strings[1]");
    byte[] invalid = "{\"role\":\"user\",\"text\":\"caf\u00e9 \"}".getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[invalid.length + 1];
    System.arraycopy(invalid, 0, broken, 0, invalid.length - 2);
    broken[invalid.length - 2] = (byte) 0xC3;  // a lead byte followed by a quote: not UTF-8
    broken[invalid.length - 1] = '"';
    broken[invalid.length] = '}';
    Client.Response utf8 = client.raw("POST", path, INGEST, broken);
    assertThat(utf8.status()).isEqualTo(400);
    assertThat(utf8.json().get("error").asText()).contains("UTF-8");
    assertThat(client.get("/api/v1/me/conversations/%00", token).status()).isEqualTo(400);  // Jetty refuses it first
    assertThat(client.get("/api/v1/admin/audit?user_id=a%00", ADMIN).json().get("field").asText()).isEqualTo("user_id");
    // nothing was stored
    assertThat(ok(200, client.get("/api/v1/me/conversations/" + conv, token)).get("messages")).isEmpty();
  }

  @Test
  void emailsWithInvisibleCharactersAreRefused() {
    for (String email : List.of("ma\u200bra@example.org", "mara\u0000@example.org", "mara@exa\u202emple.org",
        "\u2066mara@example.org", "ma\ufeffra@example.org", "ma\u00adra@example.org")) {
      Client.Response r = client.call("POST", "/api/v1/ingest/users", INGEST, Map.of("email", email));
      assertThat(r.status()).as(email.codePoints().mapToObj(Integer::toHexString).toList() + " -> " + r).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo("email");
    }
  }

  @Test
  void eightConcurrentRetriesWithOneIdempotencyKeyMakeOneExport() throws Exception {
    String code = code("export");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Client.Response>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Callable<Client.Response> retry = () -> {
        go.await();
        return client.call("POST", "/api/v1/me/exports", token, Map.of("code", code), Map.of("Idempotency-Key", "same-key"));
      };
      answers.add(pool.submit(retry));
    }
    go.countDown();
    Set<String> ids = new HashSet<>();
    int replayed = 0;
    for (Future<Client.Response> f : answers) {
      Client.Response r = f.get();
      assertThat(r.status()).as(r.toString()).isEqualTo(202);
      ids.add(r.json().get("id").asText());
      replayed += r.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(ids).hasSize(1);
    assertThat(replayed).isEqualTo(7);
    long exports = store.db.read(sql -> sql.count("SELECT COUNT(*) FROM exports WHERE user_id = ?", userId));
    assertThat(exports).isEqualTo(1);
  }

  @Test
  void auditPagingVisitsEveryEntryOnceAndRefusesWrappingLimits() {
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 3; j++) {
        String conv = conversation();
        client.call("POST", "/api/v1/ingest/conversations/" + conv + "/messages", INGEST, Map.of("role", "user", "text", "hi"));
      }
      ok(200, client.call("DELETE", "/api/v1/me/conversations", token, null));  // one transaction, three entries
    }
    List<String> all = new ArrayList<>();
    ok(200, client.get("/api/v1/admin/audit?limit=1000&user_id=" + userId, ADMIN)).get("entries").forEach(e -> all.add(e.get("seq") + "." + e.get("idx")));
    List<String> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = ok(200, client.get("/api/v1/admin/audit?limit=1&user_id=" + userId + (cursor == null ? "" : "&cursor=" + cursor), ADMIN));
      page.get("entries").forEach(e -> paged.add(e.get("seq") + "." + e.get("idx")));
      cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
      pages++;
    } while (cursor != null && pages < 1000);
    assertThat(all.size()).isGreaterThan(70);
    assertThat(paged).isEqualTo(all);
    // the review's way: after_seq = the last seq seen, limit=1 (transactions of three entries come whole)
    List<String> bySeq = new ArrayList<>();
    long afterSeq = 0;
    for (int i = 0; i < 1000; i++) {
      JsonNode entries = ok(200, client.get("/api/v1/admin/audit?limit=1&user_id=" + userId + "&after_seq=" + afterSeq, ADMIN))
          .get("entries");
      if (entries.isEmpty()) {
        break;
      }
      entries.forEach(e -> bySeq.add(e.get("seq") + "." + e.get("idx")));
      afterSeq = entries.get(entries.size() - 1).get("seq").asLong();
    }
    assertThat(bySeq).isEqualTo(all);
    for (String bad : List.of("4294967297", "0", "-1", "1001", "1e3", "9223372036854775808")) {
      Client.Response r = client.get("/api/v1/admin/audit?limit=" + bad, ADMIN);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo("limit");
    }
    assertThat(client.get("/api/v1/admin/audit?cursor=bm9wZQ", ADMIN).json().get("field").asText()).isEqualTo("cursor");
  }

  @Test
  void adminAndIngestTokensMustDiffer() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiConfig.of("127.0.0.1", 0, INGEST, INGEST))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
  }

  @Test
  void deletingOrEditingAMemoryLeavesNoTextInTheDatabaseFiles() throws Exception {
    assumeThat(TestStore.isPostgres()).as("SQLite files only; PostgreSQL dead rows go at VACUUM (retention run)").isFalse();
    String deleted = "the-deleted-memory-7f3a91";
    String edited = "the-edited-memory-c02b55";
    String m1 = ok(201, client.call("POST", "/api/v1/ingest/memories", INGEST, Map.of("user_id", userId, "text", deleted))).get("id").asText();
    String m2 = ok(201, client.call("POST", "/api/v1/ingest/memories", INGEST, Map.of("user_id", userId, "text", edited))).get("id").asText();
    Path db = store.workspace.resolve("lethe.db");
    assertThat(bytesOf(db) + bytesOf(db.resolveSibling("lethe.db-wal"))).contains(deleted);
    ok(200, client.call("DELETE", "/api/v1/me/memories/" + m1, token, null));
    ok(200, client.call("PATCH", "/api/v1/me/memories/" + m2, token, Map.of("text", "something else")));
    String files = bytesOf(db) + bytesOf(db.resolveSibling("lethe.db-wal"));
    assertThat(files).doesNotContain(deleted).doesNotContain(edited);
  }

  private static String bytesOf(Path file) throws java.io.IOException {
    return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "";
  }

  @Test
  void databaseAndExportFilesAreReadableByTheOwnerOnly() throws Exception {
    ok(202, client.call("POST", "/api/v1/me/exports", token, Map.of("code", code("export"))));
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(store.workspace)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    assertThat(files).anyMatch(p -> p.toString().endsWith(".zip"));
    if (!TestStore.isPostgres()) {
      assertThat(files).anyMatch(p -> p.getFileName().toString().equals("lethe.db"));
    }
    for (Path f : files) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
    }
  }

  @Test
  void tokensExpireAndCanBeRevoked() {
    String second = ok(201, client.call("POST", "/api/v1/ingest/users/" + userId + "/tokens", INGEST, null)).get("token").asText();
    String third = ok(201, client.call("POST", "/api/v1/ingest/users/" + userId + "/tokens", INGEST, null)).get("token").asText();
    JsonNode sessions = ok(200, client.get("/api/v1/me/sessions", token)).get("sessions");
    assertThat(sessions).hasSize(3);
    // sign-out: this token stops working, the others do not
    ok(200, client.call("POST", "/api/v1/me/sign-out", third, null));
    assertThat(client.get("/api/v1/me", third).status()).isEqualTo(401);
    assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200);
    // revoke one session from another
    String secondId = currentSession(second);
    ok(200, client.call("DELETE", "/api/v1/me/sessions/" + secondId, token, null));
    assertThat(client.get("/api/v1/me", second).status()).isEqualTo(401);
    // expiry: 30 days after issue
    store.mutableClock().advance(Duration.ofDays(30));
    Client.Response expired = client.get("/api/v1/me", token);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().get("error").asText()).contains("expired");
    // sign out everywhere
    String fresh = ok(201, client.call("POST", "/api/v1/ingest/users/" + userId + "/tokens", INGEST, null)).get("token").asText();
    String other = ok(201, client.call("POST", "/api/v1/ingest/users/" + userId + "/tokens", INGEST, null)).get("token").asText();
    ok(200, client.call("DELETE", "/api/v1/me/sessions", fresh, null));
    assertThat(client.get("/api/v1/me", fresh).status()).isEqualTo(401);
    assertThat(client.get("/api/v1/me", other).status()).isEqualTo(401);
  }

  private String currentSession(String t) {
    for (JsonNode s : ok(200, client.get("/api/v1/me/sessions", t)).get("sessions")) {
      if (s.get("current").asBoolean()) {
        return s.get("id").asText();
      }
    }
    throw new AssertionError("no current session");
  }

  @Test
  void deletingTheAccountAndExportingNeedAnEmailedCode() {
    Client.Response bare = client.call("DELETE", "/api/v1/me", token, null);
    assertThat(bare.status()).isEqualTo(400);
    assertThat(bare.json().get("field").asText()).isEqualTo("code");
    assertThat(client.call("POST", "/api/v1/me/exports", token, null).status()).isEqualTo(400);
    String exportCode = code("export");
    // a code confirms only its own action
    assertThat(client.call("DELETE", "/api/v1/me", token, Map.of("code", exportCode)).status()).isEqualTo(400);
    String code = code("delete_account");
    for (int i = 0; i < 4; i++) {
      Client.Response wrong = client.call("DELETE", "/api/v1/me", token, Map.of("code", "00000000".equals(code) ? "11111111" : "00000000"));
      assertThat(wrong.status()).isEqualTo(400);
      assertThat(wrong.json().get("error").asText()).contains((4 - i) + " attempts left");
    }
    assertThat(ok(200, client.get("/api/v1/me", token)).get("id").asText()).isEqualTo(userId);
    ok(200, client.call("DELETE", "/api/v1/me", token, Map.of("code", code)));
    assertThat(client.get("/api/v1/me", token).status()).isEqualTo(401);
  }

  @Test
  void fiveWrongCodesVoidTheCode() {
    String code = code("delete_account");
    String wrong = "00000000".equals(code) ? "11111111" : "00000000";
    for (int i = 0; i < 5; i++) {
      client.call("DELETE", "/api/v1/me", token, Map.of("code", wrong));
    }
    assertThat(client.call("DELETE", "/api/v1/me", token, Map.of("code", code)).status()).isEqualTo(400);
    assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200);
  }
}
