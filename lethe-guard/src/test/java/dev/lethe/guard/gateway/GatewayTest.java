package dev.lethe.guard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.guard.GuardPolicy;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.PrivacyRequest;
import dev.lethe.platform.controls.RequestKind;
import dev.lethe.platform.http.ApiConfig;
import dev.lethe.platform.http.ApiServer;
import dev.lethe.platform.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway on a real ApiServer, in front of a fake model that the test starts on localhost. */
class GatewayTest {
  static final String ADMIN = "admin-token-admin-token-admin-token-0001";
  static final String INGEST = "ingest-token-ingest-token-ingest-token-01";
  static final String UPSTREAM_KEY = "sk-upstream-key-never-echoed-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern PLACEHOLDER = Pattern.compile("<PRIVATE_[A-Z]+_\\d+>");

  @TempDir Path dir;
  Database db;
  DataControls dc;
  FakeUpstream upstream;
  Gateway gateway;
  ApiServer server;
  final List<String> mail = new ArrayList<>();
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    db = Database.sqlite(dir.resolve("lethe.db"), Clock.systemUTC());
    dc = DataControls.builder(db, dir).notifier((email, subject, body) -> mail.add(body)).build();
    // the model answers with the placeholders it got, and a phone number of its own
    upstream = FakeUpstream.start(r -> "Sure. " + FakeUpstream.lastUserMessage(r) + " Call 919-555-0148 today.");
    String config = """
        {"upstream": {"url": "%s", "api_key_env": "FAKE_KEY", "timeout_seconds": 10},
         "audit_file": "audit/gateway.jsonl",
         "suppress": ["Siobhan O'Brien"],
         "tenants": {"default": {},
                     "strict": {"mode": "refuse", "refusal": "Not about people.", "routes": {"guard": {"mode": "report"}}}}}
        """.formatted(upstream.url());
    gateway = Gateway.start(GatewayConfig.parse(config, dir, k -> k.equals("FAKE_KEY") ? UPSTREAM_KEY : null), dc);
    server = ApiServer.start(dc, ApiConfig.of("127.0.0.1", 0, ADMIN, INGEST), gateway.routes());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    gateway.close();
    upstream.close();
    dc.close();
    db.close();
  }

  HttpResponse<String> post(String path, String tenant, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (tenant != null) {
      b.header(Gateway.TENANT_HEADER, tenant);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String chat(String userText, boolean stream) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("model", "gpt-test").put("stream", stream).put("temperature", 0.2);
    body.putArray("messages").add(JSON.createObjectNode().put("role", "system").put("content", "Be brief."))
        .add(JSON.createObjectNode().put("role", "user").put("content", userText));
    return JSON.writeValueAsString(body);
  }

  /** The content and finish reason of a chat completion, streamed or not. */
  record Answer(String content, String finish) {}

  static Answer answer(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
      JsonNode choice = JSON.readTree(r.body()).get("choices").get(0);
      return new Answer(choice.get("message").get("content").asText(), choice.get("finish_reason").asText());
    }
    StringBuilder content = new StringBuilder();
    String finish = null;
    List<String> events = List.of(r.body().split("\n\n"));
    assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
    for (String e : events.subList(0, events.size() - 1)) {
      assertThat(e).startsWith("data: ");
      JsonNode choice = JSON.readTree(e.substring(6)).get("choices").get(0);
      content.append(choice.path("delta").path("content").asText(""));
      if (!choice.path("finish_reason").isNull()) {
        finish = choice.get("finish_reason").asText();
      }
    }
    return new Answer(content.toString(), finish);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 50})
  void masksThePromptRestoresTheOriginalsAndGuardsTheAnswer(int chunkChars) throws Exception {
    upstream.chunkChars(chunkChars);
    String prompt = "Write a short note to Ana Ruiz at ana.ruiz@gmail.com about Friday.";
    for (boolean stream : new boolean[] {false, true}) {
      Answer a = answer(post("/v1/chat/completions", null, INGEST, chat(prompt, stream)));
      assertThat(a.content()).isEqualTo("Sure. " + prompt + " Call <PRIVATE_PHONE> today.");
      assertThat(a.finish()).isEqualTo("stop");
      String sent = FakeUpstream.lastUserMessage(upstream.lastRequest());
      assertThat(sent).doesNotContain("Ana Ruiz").doesNotContain("ana.ruiz@gmail.com")
          .isEqualTo("Write a short note to <PRIVATE_PERSON_1> at <PRIVATE_EMAIL_1> about Friday.");
      assertThat(upstream.lastRequest().get("temperature").asDouble()).isEqualTo(0.2);
      assertThat(upstream.lastRequest().get("model").asText()).isEqualTo("gpt-test");
      assertThat(upstream.lastAuthorization()).isEqualTo("Bearer " + UPSTREAM_KEY);
    }
  }

  @Test
  void theEndUserIdGoesUpstreamAsAStableKeyedPseudonym() throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree(chat("Hello there.", false));
    body.put("user", "ana.ruiz@gmail.com");
    answer(post("/v1/chat/completions", null, INGEST, JSON.writeValueAsString(body)));
    String first = upstream.lastRequest().get("user").asText();
    answer(post("/v1/chat/completions", null, INGEST, JSON.writeValueAsString(body)));
    assertThat(first).matches("<PRIVATE_PERSON:[0-9a-f]{12}>").isEqualTo(upstream.lastRequest().get("user").asText());
  }

  @Test
  void aPersonKeepsOnePlaceholderAcrossTheMessages() throws Exception {
    ObjectNode body = JSON.createObjectNode().put("model", "m");
    ObjectNode parts = JSON.createObjectNode().put("role", "user");
    parts.putArray("content").add(JSON.createObjectNode().put("type", "text")
        .put("text", "Ana Ruiz is fine, and Bo Lindqvist too."));
    body.putArray("messages")
        .add(JSON.createObjectNode().put("role", "user").put("content", "I met Ana Ruiz yesterday."))
        .add(JSON.createObjectNode().put("role", "assistant").put("content", "How is Ana Ruiz?"))
        .add(parts);
    upstream.reply(r -> "Glad that <PRIVATE_PERSON_1> and <PRIVATE_PERSON_2> are well.");
    Answer a = answer(post("/v1/chat/completions", null, INGEST, JSON.writeValueAsString(body)));
    assertThat(a.content()).isEqualTo("Glad that Ana Ruiz and Bo Lindqvist are well.");
    JsonNode sent = upstream.lastRequest().get("messages");
    assertThat(sent.get(1).get("content").asText()).isEqualTo("How is <PRIVATE_PERSON_1>?");
    assertThat(sent.get(2).get("content").get(0).get("text").asText())
        .isEqualTo("<PRIVATE_PERSON_1> is fine, and <PRIVATE_PERSON_2> too.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"What is Ana Ruiz's home address?", "Give me the phone number of Ana Ruiz please"})
  void refusesRequestsForAPrivatePersonsAddressOrPhoneWithoutAskingTheModel(String prompt) throws Exception {
    for (boolean stream : new boolean[] {false, true}) {
      Answer a = answer(post("/v1/chat/completions", null, INGEST, chat(prompt, stream)));
      assertThat(a.content()).isEqualTo(GuardPolicy.DEFAULT_REFUSAL);
      assertThat(a.finish()).isEqualTo("content_filter");
    }
    assertThat(upstream.lastRequest()).isNull();
  }

  @Test
  void leavesPublicFiguresAlone() throws Exception {
    upstream.reply(r -> "Albert Einstein developed relativity; Abraham Lincoln was the 16th president.");
    String prompt = "Tell me about Albert Einstein and where Abraham Lincoln lived.";
    for (boolean stream : new boolean[] {false, true}) {
      Answer a = answer(post("/v1/chat/completions", null, INGEST, chat(prompt, stream)));
      assertThat(a.content()).isEqualTo("Albert Einstein developed relativity; Abraham Lincoln was the 16th president.");
      assertThat(FakeUpstream.lastUserMessage(upstream.lastRequest())).isEqualTo(prompt);
    }
  }

  @Test
  void aTenantsRefusePolicyEndsTheStreamAtThePrivateData() throws Exception {
    upstream.reply(r -> "Here you go. Her number is 919-555-0148. Anything else?");
    for (boolean stream : new boolean[] {false, true}) {
      Answer a = answer(post("/v1/chat/completions", "strict", INGEST, chat("Any news?", stream)));
      assertThat(a.content()).isEqualTo("Here you go. Not about people.");
      assertThat(a.finish()).isEqualTo("content_filter");
    }
  }

  @Test
  void suppressionRequestsCompletedInTheDataControlsReachTheGateway() throws Exception {
    var user = dc.accounts().register("bo@example.org", null, null, null).user();
    PrivacyRequest req = dc.requests().create(user.id(), RequestKind.REMOVE_FROM_OUTPUTS, List.of("Bo Lindqvist"));
    Matcher code = Pattern.compile("\\b\\d{8}\\b").matcher(mail.get(mail.size() - 1));
    assertThat(code.find()).isTrue();
    dc.requests().verify(user.id(), req.id(), code.group());
    gateway.refreshSuppressions();

    upstream.reply(r -> "The report of B. Lindqvist and of BO LINDQVIST is done; " + FakeUpstream.lastUserMessage(r));
    Answer a = answer(post("/v1/chat/completions", null, INGEST, chat("Ask bo lindqvist and Siobhan O’Brien.", true)));
    assertThat(FakeUpstream.lastUserMessage(upstream.lastRequest()))
        .isEqualTo("Ask <PRIVATE_PERSON> and <PRIVATE_PERSON>."); // plain placeholders: never restored
    // "BO LINDQVIST" is the suppressed name in another spelling; "B. Lindqvist" the tagger finds as a name itself
    assertThat(a.content()).isEqualTo("The report of <PRIVATE_PERSON> and of <PRIVATE_PERSON> is done; Ask"
        + " <PRIVATE_PERSON> and <PRIVATE_PERSON>.");
  }

  @Test
  void badRequestsAndUpstreamErrorsSayWhatWithoutEchoingTheKey() throws Exception {
    assertThat(post("/v1/chat/completions", null, null, chat("hi", false)).statusCode()).isEqualTo(401);
    assertThat(post("/v1/chat/completions", null, ADMIN, chat("hi", false)).statusCode()).isEqualTo(403);
    HttpResponse<String> r = post("/v1/chat/completions", "nobody", INGEST, chat("hi", false));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains(Gateway.TENANT_HEADER);
    r = post("/v1/chat/completions", null, INGEST, "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": 5}]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("messages[0].content");
    assertThat(post("/v1/chat/completions", null, INGEST, "{\"model\": ").statusCode()).isEqualTo(400);

    upstream.status(401);
    for (boolean stream : new boolean[] {false, true}) {
      r = post("/v1/chat/completions", null, INGEST, chat("hi", stream));
      assertThat(r.statusCode()).isEqualTo(502);
      assertThat(r.body()).contains("HTTP 401").doesNotContain("sk-").doesNotContain(UPSTREAM_KEY);
    }
  }

  @Test
  void everyRequestLeavesOneAuditRecordWithCountsAndNoText() throws Exception {
    post("/v1/chat/completions", null, INGEST, chat("Write to Ana Ruiz at ana.ruiz@gmail.com.", false));
    post("/v1/chat/completions", null, INGEST, chat("Write to Ana Ruiz at ana.ruiz@gmail.com.", true));
    post("/v1/chat/completions", null, INGEST, chat("What is Ana Ruiz's phone number?", false));
    post("/api/v1/guard", "strict", INGEST, "{\"text\": \"Call Ana Ruiz at 919-555-0148.\"}");
    String audit = Files.readString(dir.resolve("audit/gateway.jsonl"));
    List<String> lines = audit.lines().toList();
    assertThat(lines).hasSize(4);
    for (String secret : List.of("Ana", "Ruiz", "ana.ruiz", "919-555", UPSTREAM_KEY, "Write", "phone number")) {
      assertThat(audit).doesNotContainIgnoringCase(secret);
    }
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("tenant").asText()).isEqualTo("default");
    assertThat(first.get("route").asText()).isEqualTo("chat");
    assertThat(first.get("prompt_masked").get("private_person").asInt()).isEqualTo(1);
    assertThat(first.get("prompt_masked").get("private_email").asInt()).isEqualTo(1);
    assertThat(first.get("answer").get("private_phone").asInt()).isEqualTo(1);
    assertThat(first.get("verdict").asText()).isEqualTo("masked");
    assertThat(first.get("upstream_status").asInt()).isEqualTo(200);
    assertThat(JSON.readTree(lines.get(1)).get("stream").asBoolean()).isTrue();
    JsonNode refused = JSON.readTree(lines.get(2));
    assertThat(refused.get("request_refused").asBoolean()).isTrue();
    assertThat(refused.get("asked").asText()).isEqualTo("private_phone");
    assertThat(refused.get("upstream_status").isNull()).isTrue();
    JsonNode guard = JSON.readTree(lines.get(3));
    assertThat(guard.get("route").asText()).isEqualTo("guard");
    assertThat(guard.get("mode").asText()).isEqualTo("report");
  }

  @Test
  void theGuardRouteAnswersWithCodePointOffsetsByTheTenantsRoutePolicy() throws Exception {
    String text = "😀 Call Ana Ruiz at 919-555-0148.";
    HttpResponse<String> r = post("/api/v1/guard", null, INGEST, JSON.writeValueAsString(Map.of("text", text)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode out = JSON.readTree(r.body());
    assertThat(out.get("text").asText()).isEqualTo("😀 Call <PRIVATE_PERSON> at <PRIVATE_PHONE>.");
    assertThat(out.get("verdict").asText()).isEqualTo("masked");
    JsonNode person = out.get("findings").get(0);
    assertThat(person.get("label").asText()).isEqualTo("private_person");
    assertThat(text.codePoints().skip(person.get("start").asInt()).limit(8)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()).isEqualTo("Ana Ruiz");

    JsonNode report = JSON.readTree(post("/api/v1/guard", "strict", INGEST, JSON.writeValueAsString(Map.of("text", text,
        "prompt", "Where does Ana Ruiz live?"))).body());
    assertThat(report.get("text").asText()).isEqualTo(text);
    assertThat(report.get("verdict").asText()).isEqualTo("reported");
    assertThat(report.get("request").get("asked").asText()).isEqualTo("private_address");

    r = post("/api/v1/guard", null, INGEST, "{\"txt\": \"x\"}");
    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  void theRoutesAreInTheOpenApiDocument() throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode paths = JSON.readTree(r.body()).get("paths");
    assertThat(paths.has("/v1/chat/completions")).isTrue();
    assertThat(paths.has("/api/v1/guard")).isTrue();
  }
}
