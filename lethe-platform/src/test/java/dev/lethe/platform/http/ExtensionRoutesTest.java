package dev.lethe.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.platform.testing.TestStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routes passed by a module above the platform are authenticated and documented like the built-in ones. */
class ExtensionRoutesTest {
  TestStore store;
  ApiServer server;
  Client client;

  @BeforeEach
  void setUp() {
    store = TestStore.open();
    Route echo = Route.of("GET", "/api/v1/admin/extension/echo", Route.Auth.ADMIN, 200, "Echo a query parameter.",
        c -> java.util.Map.of("echo", String.valueOf(c.query("say"))))
        .with(List.of(), List.of(new Route.Field("say", "string", false, null)), false);
    server = ApiServer.start(store.controls, ApiConfig.of("127.0.0.1", 0, ApiTest.ADMIN, ApiTest.INGEST), List.of(echo));
    client = new Client(server.port());
  }

  @AfterEach
  void tearDown() {
    server.close();
    store.close();
  }

  @Test
  void extensionRouteIsServedBehindItsAuthAndListedInOpenApi() {
    assertThat(client.get("/api/v1/admin/extension/echo?say=hi", null).status()).isEqualTo(401);
    assertThat(client.get("/api/v1/admin/extension/echo?say=hi", ApiTest.INGEST).status()).isEqualTo(403);
    assertThat(ApiTest.ok(200, client.get("/api/v1/admin/extension/echo?say=hi", ApiTest.ADMIN)).get("echo").asText())
        .isEqualTo("hi");
    assertThat(client.get("/openapi.json", null).json().get("paths").has("/api/v1/admin/extension/echo")).isTrue();
    assertThat(server.routeTable()).contains("GET /api/v1/admin/extension/echo");
  }
}
