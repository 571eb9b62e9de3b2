package dev.lethe.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.insights.dp.PrivacyLedger;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.demo.DemoWorkspace;
import dev.lethe.platform.http.ApiConfig;
import dev.lethe.platform.http.ApiServer;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator routes on a real server: admin only, charged to the ledger, 409 past the budget, 400 on bad input. */
class InsightsRoutesTest {
  static final String ADMIN = "admin-token-for-insights-tests-0123456789";
  static final String INGEST = "ingest-token-for-insights-tests-0123456789";
  @TempDir Path tmp;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> call(int port, String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void operatorsReleaseInsightsWithinTheBudget() throws Exception {
    Path ws = tmp.resolve("ws");
    DemoWorkspace.seed(ws);
    try (Database db = Database.sqlite(ws.resolve("lethe.db"), Clock.systemUTC());
        DataControls dc = DataControls.builder(db, ws).build()) {
      PrivacyLedger ledger = PrivacyLedger.open(ws.resolve(Insights.LEDGER_FILE), Insights.CONVERSATIONS, new BigDecimal("0.3"),
          new BigDecimal("0.5"), Clock.systemUTC());
      ApiServer server = ApiServer.start(dc, ApiConfig.of("127.0.0.1", 0, ADMIN, INGEST),
          InsightsRoutes.routes(Insights.over(TrainingSource.of(db), ledger, Clock.systemUTC())));
      try {
        int port = server.port();
        String body = "{\"dimensions\": [\"language\"], \"rho\": \"0.2\", \"k\": \"1\", \"delta\": \"0.1\"}";
        assertThat(call(port, "POST", "/api/v1/admin/insights", null, body).statusCode()).isEqualTo(401);
        assertThat(call(port, "POST", "/api/v1/admin/insights", INGEST, body).statusCode()).isEqualTo(403);
        assertThat(ledger.status().releases()).isZero();

        HttpResponse<String> ok = call(port, "POST", "/api/v1/admin/insights", ADMIN, body);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode json = InsightsReport.MAPPER.readTree(ok.body());
        assertThat(json.at("/privacy/rho").asText()).isEqualTo("0.2");
        assertThat(json.at("/privacy/ledger/remaining_rho").asText()).isEqualTo("0.1");

        HttpResponse<String> refused = call(port, "POST", "/api/v1/admin/insights", ADMIN, body);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("exhausted");
        HttpResponse<String> bad = call(port, "POST", "/api/v1/admin/insights", ADMIN, "{\"dimensions\": [\"mood\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown dimension 'mood'");
        assertThat(call(port, "POST", "/api/v1/admin/insights", ADMIN, "{\"dimensions\": [\"topic\"], \"rho\": 0.1}").body())
            .contains("rho: must be a string");

        HttpResponse<String> budget = call(port, "GET", "/api/v1/admin/insights/budget", ADMIN, null);
        assertThat(InsightsReport.MAPPER.readTree(budget.body()).get("releases").asInt()).isEqualTo(1);
        assertThat(call(port, "GET", "/openapi.json", null, null).body()).contains("/api/v1/admin/insights/budget");
      } finally {
        server.close();
      }
    }
  }
}
