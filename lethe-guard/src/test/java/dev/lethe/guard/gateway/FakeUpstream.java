package dev.lethe.guard.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible model on localhost for tests and benchmarks: answers {@code POST /v1/chat/completions}
 * with what {@code reply} makes of the request, whole or as Server-Sent Events in chunks of {@code chunkChars}
 * chars, and remembers the last request it got (body and Authorization header).
 */
public final class FakeUpstream implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes wait for a delayed ACK (~40 ms),
    // which would swamp what the latency benchmark measures. Read once, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(16);
  private volatile Function<JsonNode, String> reply;
  private volatile int chunkChars = 3;
  private volatile int status = 200;
  private volatile JsonNode lastRequest;
  private volatile String lastAuthorization;

  private FakeUpstream(Function<JsonNode, String> reply) throws IOException {
    this.reply = reply;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    server.createContext("/v1/chat/completions", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  /** A fake model that answers with {@code reply} of the request's JSON. */
  public static FakeUpstream start(Function<JsonNode, String> reply) throws IOException {
    return new FakeUpstream(reply);
  }

  /** The text of the request's last user message. */
  public static String lastUserMessage(JsonNode request) {
    JsonNode messages = request.get("messages");
    return messages.get(messages.size() - 1).get("content").asText();
  }

  /** The base URL to configure as the gateway's upstream, e.g. {@code http://127.0.0.1:40123/v1}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public void reply(Function<JsonNode, String> r) {
    this.reply = r;
  }

  public void chunkChars(int n) {
    this.chunkChars = n;
  }

  /** Answers every request with this HTTP status (200: normally). */
  public void status(int s) {
    this.status = s;
  }

  public JsonNode lastRequest() {
    return lastRequest;
  }

  public String lastAuthorization() {
    return lastAuthorization;
  }

  private void answer(HttpExchange ex) throws IOException {
    try (ex) {
      JsonNode request = JSON.readTree(ex.getRequestBody());
      lastRequest = request;
      lastAuthorization = ex.getRequestHeaders().getFirst("Authorization");
      if (status != 200) {
        byte[] body = "{\"error\":{\"message\":\"Incorrect API key provided: sk-abc***xyz\"}}".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        return;
      }
      String text = reply.apply(request);
      String model = request.path("model").asText("fake");
      if (!request.path("stream").asBoolean(false)) {
        ObjectNode out = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
            .put("created", 1).put("model", model);
        ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", "stop");
        out.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
        byte[] body = JSON.writeValueAsBytes(out);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        return;
      }
      ex.getResponseHeaders().set("Content-Type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      event(out, chunk(model, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
      for (int i = 0; i < text.length(); ) {
        int end = Math.min(text.length(), i + chunkChars);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
          end++;
        }
        event(out, chunk(model, JSON.createObjectNode().put("content", text.substring(i, end)), null));
        i = end;
      }
      event(out, chunk(model, JSON.createObjectNode(), "stop"));
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  private static String chunk(String model, ObjectNode delta, String finish) {
    ObjectNode c = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
        .put("created", 1).put("model", model);
    ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    try {
      return JSON.writeValueAsString(c);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void event(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
