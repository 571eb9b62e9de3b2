package dev.lethe.platform.http;

import static dev.lethe.platform.http.ApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Users' and operators' features of issue 9 through the HTTP API, on both engines. */
class FeaturesTest extends OneUserApi {
  @Override
  String email() {
    return "ines.duarte@example.pt";
  }

  String chat(String title, String text) {
    String id = ok(201, client.call("POST", "/api/v1/ingest/conversations", INGEST, Map.of("user_id", userId, "title", title)))
        .get("id").asText();
    ok(201, client.call("POST", "/api/v1/ingest/conversations/" + id + "/messages", INGEST, Map.of("role", "user", "text", text)));
    store.mutableClock().advance(Duration.ofMinutes(1));
    return id;
  }

  /** Every page of a list route, following next_cursor. */
  List<String> allPages(String path, String field, int limit) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      String sep = path.contains("?") ? "&" : "?";
      JsonNode page = ok(200, client.get(path + sep + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), token));
      assertThat(page.get(field).size()).isLessThanOrEqualTo(limit);
      page.get(field).forEach(n -> ids.add(n.get("id").asText()));
      cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
    } while (cursor != null);
    return ids;
  }

  @Test
  void listsPageByCursorAndSearch() {
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      started.add(0, chat(i == 4 ? "Trip to Porto" : "chat " + i, i == 2 ? "my landlord is late again" : "hello " + i));
    }
    assertThat(allPages("/api/v1/me/conversations", "conversations", 3)).isEqualTo(started);  // newest first, no gaps or repeats
    assertThat(allPages("/api/v1/me/conversations?q=porto", "conversations", 3)).containsExactly(started.get(2));
    assertThat(allPages("/api/v1/me/conversations?q=LANDLORD", "conversations", 3)).containsExactly(started.get(4));
    assertThat(allPages("/api/v1/me/conversations?q=100%25", "conversations", 3)).isEmpty();  // % is literal
    for (int i = 0; i < 5; i++) {
      ok(201, client.call("POST", "/api/v1/me/memories", token, Map.of("text", "memory number " + i)));
    }
    assertThat(allPages("/api/v1/me/memories", "memories", 2)).hasSize(5).doesNotHaveDuplicates();
    assertThat(allPages("/api/v1/me/memories?q=number%203", "memories", 2)).hasSize(1);
    assertThat(client.get("/api/v1/me/memories?cursor=garbage!", token).json().get("field").asText()).isEqualTo("cursor");
  }

  @Test
  void renameArchiveAllAndAddAMemory() {
    String a = chat("old title", "x");
    chat("second", "y");
    JsonNode renamed = ok(200, client.call("PATCH", "/api/v1/me/conversations/" + a, token, Map.of("title", "  Tax return 2024 ")));
    assertThat(renamed.get("title").asText()).isEqualTo("Tax return 2024");
    assertThat(ok(200, client.call("POST", "/api/v1/me/conversations/archive-all", token, null)).get("archived").asInt()).isEqualTo(2);
    assertThat(ok(200, client.get("/api/v1/me/conversations", token)).get("conversations")).isEmpty();
    assertThat(ok(200, client.get("/api/v1/me/conversations?archived=true", token)).get("conversations")).hasSize(2);
    JsonNode memory = ok(201, client.call("POST", "/api/v1/me/memories", token, Map.of("text", "I am vegetarian")));
    assertThat(memory.get("training_eligible").asBoolean()).isTrue();
    ok(200, client.call("PATCH", "/api/v1/me/settings", token, Map.of("memories_enabled", false)));
    assertThat(client.call("POST", "/api/v1/me/memories", token, Map.of("text", "not saved")).status()).isEqualTo(409);
  }

  @Test
  void aCorrectionRequestEndToEndWithResendApproveCompleteAndNotices() {
    JsonNode r = ok(201, client.call("POST", "/api/v1/me/requests", token,
        Map.of("kind", "correction", "details", "My display name is Inês Duarte, not Ines Duarte")));
    String id = r.get("id").asText();
    String first = store.outbox.lastCodeFor("ines.duarte@example.pt").orElseThrow();
    ok(200, client.call("POST", "/api/v1/me/requests/" + id + "/resend", token, null));
    String second = store.outbox.lastCodeFor("ines.duarte@example.pt").orElseThrow();
    if (!first.equals(second)) {
      assertThat(client.call("POST", "/api/v1/me/requests/" + id + "/verify", token, Map.of("code", first)).status()).isEqualTo(400);
    }
    assertThat(ok(200, client.call("POST", "/api/v1/me/requests/" + id + "/verify", token, Map.of("code", second)))
        .get("status").asText()).isEqualTo("in_progress");
    // operators find it by the account's email, approve and complete it with reasons
    JsonNode found = ok(200, client.get("/api/v1/admin/requests?kind=correction&q=ines.duarte", ADMIN)).get("requests");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("details").asText()).contains("Inês");
    assertThat(client.call("POST", "/api/v1/admin/requests/" + id + "/complete", ADMIN, Map.of()).json().get("field").asText())
        .isEqualTo("reason");
    assertThat(ok(200, client.call("POST", "/api/v1/admin/requests/" + id + "/approve", ADMIN, Map.of("reason", "name as in ID")))
        .get("approved_at").isNull()).isFalse();
    JsonNode done = ok(200, client.call("POST", "/api/v1/admin/requests/" + id + "/complete", ADMIN,
        Map.of("reason", "display name corrected")));
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("outcome").asText()).contains("display name corrected");
    JsonNode notices = ok(200, client.get("/api/v1/me/notices", token)).get("notices");
    assertThat(notices).extracting(n -> n.get("kind").asText()).containsExactly("request_completed", "request_approved");
    assertThat(ok(200, client.call("POST", "/api/v1/me/notices/read", token, null)).get("marked").asInt()).isEqualTo(2);
    // the trail names every step, without the details text
    JsonNode trail = ok(200, client.get("/api/v1/me/requests/" + id, token)).get("trail");
    assertThat(trail.toString()).contains("request.code_resent", "request.approved", "request.completed").doesNotContain("Inês");
    // automatic kinds are not completed by hand
    String access = ok(201, client.call("POST", "/api/v1/me/requests", token, Map.of("kind", "access"))).get("id").asText();
    assertThat(client.call("POST", "/api/v1/admin/requests/" + access + "/complete", ADMIN, Map.of("reason", "x")).status())
        .isEqualTo(409);
  }

  @Test
  void codesCanBeResentThreeTimes() {
    String id = ok(201, client.call("POST", "/api/v1/me/requests", token, Map.of("kind", "do_not_train"))).get("id").asText();
    for (int i = 0; i < 3; i++) {
      ok(200, client.call("POST", "/api/v1/me/requests/" + id + "/resend", token, null));
    }
    assertThat(client.call("POST", "/api/v1/me/requests/" + id + "/resend", token, null).status()).isEqualTo(409);
  }

  @Test
  void anExportReadyNoticeArrives() {
    String export = ok(202, client.call("POST", "/api/v1/me/exports", token, Map.of("code", code("export")))).get("id").asText();
    JsonNode notice = ok(200, client.get("/api/v1/me/notices", token)).get("notices").get(0);
    assertThat(notice.get("kind").asText()).isEqualTo("export_ready");
    assertThat(notice.get("subject_id").asText()).isEqualTo(export);
  }

  @Test
  void operatorsLookUpUsersSeeOverdueFirstAndTheirReadsAreAudited() {
    String late = ok(201, client.call("POST", "/api/v1/me/requests", token, Map.of("kind", "access"))).get("id").asText();
    store.mutableClock().advance(Duration.ofDays(32));
    token = ok(201, client.call("POST", "/api/v1/ingest/users/" + userId + "/tokens", INGEST, null)).get("token").asText();  // a new sign-in
    String soon = ok(201, client.call("POST", "/api/v1/me/requests", token, Map.of("kind", "do_not_train"))).get("id").asText();
    JsonNode dash = ok(200, client.get("/api/v1/admin/dashboard", ADMIN));
    assertThat(dash.get("open").asInt()).isEqualTo(2);
    assertThat(dash.get("overdue").asInt()).isEqualTo(1);
    assertThat(dash.get("requests").get(0).get("id").asText()).isEqualTo(late);
    assertThat(dash.get("requests").get(0).get("overdue").asBoolean()).isTrue();
    assertThat(dash.get("requests").get(1).get("id").asText()).isEqualTo(soon);
    assertThat(dash.get("requests").get(1).get("overdue").asBoolean()).isFalse();

    JsonNode byEmail = ok(200, client.get("/api/v1/admin/users/INES.DUARTE@example.pt", ADMIN));
    assertThat(byEmail.get("id").asText()).isEqualTo(userId);
    assertThat(byEmail.get("open_requests").asInt()).isEqualTo(2);
    assertThat(ok(200, client.get("/api/v1/admin/users/" + userId, ADMIN)).get("email").asText()).isEqualTo("ines.duarte@example.pt");
    assertThat(client.get("/api/v1/admin/users/nobody@example.org", ADMIN).status()).isEqualTo(404);
    ok(200, client.get("/api/v1/admin/requests/" + late, ADMIN));

    JsonNode reads = ok(200, client.get("/api/v1/admin/audit?action=admin.read", ADMIN)).get("entries");
    List<String> read = new ArrayList<>();
    reads.forEach(e -> read.add(e.get("detail").asText() + " " + e.get("subject_id").asText()));
    assertThat(read).contains("GET /api/v1/admin/users/{user} " + userId, "GET /api/v1/admin/requests/{requestId} " + late);
    assertThat(reads.toString()).doesNotContain("ines.duarte");  // the email looked up is not in the audit log
  }
}
