package dev.lethe.platform.http;

import static dev.lethe.platform.http.ApiTest.ok;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.platform.testing.TestStore;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh store and API server per test with one registered user, whose email {@link #email()} names. */
abstract class OneUserApi {
  static final String ADMIN = ApiTest.ADMIN;
  static final String INGEST = ApiTest.INGEST;

  TestStore store;
  ApiServer server;
  Client client;
  String token;
  String userId;

  abstract String email();

  @BeforeEach
  void startServerAndRegister() {
    store = TestStore.open();
    server = ApiServer.start(store.controls, ApiConfig.of("127.0.0.1", 0, ADMIN, INGEST));
    client = new Client(server.port());
    JsonNode u = ok(201, client.call("POST", "/api/v1/ingest/users", INGEST, Map.of("email", email())));
    token = u.get("token").asText();
    userId = u.get("user").get("id").asText();
  }

  @AfterEach
  void stopServer() {
    server.close();
    store.close();
  }

  /** Asks for a re-confirmation code for {@code action} and reads it from the outbox, as the user would. */
  String code(String action) {
    ok(201, client.call("POST", "/api/v1/me/confirmations", token, Map.of("action", action)));
    return store.outbox.lastCodeFor(email()).orElseThrow();
  }
}
