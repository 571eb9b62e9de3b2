package dev.lethe.guard.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import dev.lethe.filter.mask.MaskKey;
import dev.lethe.filter.mask.MaskStyle;
import dev.lethe.filter.mask.Masker;
import dev.lethe.filter.mask.Maskers;
import dev.lethe.filter.mask.Redaction;
import dev.lethe.filter.mask.Replacement;
import dev.lethe.filter.mask.ReversibleMasker;
import dev.lethe.filter.mask.Vault;
import dev.lethe.guard.Finding;
import dev.lethe.guard.Guard;
import dev.lethe.guard.GuardJson;
import dev.lethe.guard.GuardResult;
import dev.lethe.guard.GuardStream;
import dev.lethe.guard.PrivateDataRequest;
import dev.lethe.platform.http.ApiException;
import dev.lethe.platform.http.Call;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * {@code POST /v1/chat/completions}: one OpenAI chat completion through the guard. The messages' text is
 * masked with the reversible style (one vault for the whole request, so a person keeps one placeholder across
 * messages; suppression-list entries get a plain placeholder and are never restored), the request goes to
 * the upstream with the configured key, and each choice's answer is guarded, then restored. Streamed answers
 * are guarded as they arrive and sent on as Server-Sent Events.
 *
 * <p>The request's {@code user} (OpenAI's end-user id, often an e-mail address) goes upstream as its keyed
 * pseudonym (the hash style under {@code LETHE_MASK_KEY}), stable across requests.
 *
 * <p>The vault lives only for the request, in memory, under a key made at random when the gateway starts: it
 * is never sealed, stored or sent.
 */
final class ChatCompletions {
  private static final String CONTENT_FILTER = "content_filter";
  private final ObjectMapper json = new ObjectMapper();
  private final GatewayConfig config;
  private final HttpClient http;
  private final GatewayAudit audit;
  private final BiFunction<Call, String, Guard> guards;
  private final ReversibleMasker vaults;
  private final Masker pseudonyms = Maskers.create(MaskStyle.HASH, null);

  ChatCompletions(GatewayConfig config, HttpClient http, GatewayAudit audit, BiFunction<Call, String, Guard> guards) {
    this.config = config;
    this.http = http;
    this.audit = audit;
    this.guards = guards;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.vaults = Maskers.reversible(MaskKey.of(key));
  }

  /** What one request did, for its audit record. */
  private static final class Outcome {
    final Map<Label, Integer> prompt = new EnumMap<>(Label.class);
    final Map<Label, Integer> answer = new EnumMap<>(Label.class);
    long promptSuppressed;
    long answerSuppressed;
    GuardResult.Verdict verdict = GuardResult.Verdict.CLEAN;
    PrivateDataRequest request;
    int upstreamStatus;
    int heldBack;

    void answered(GuardResult r) {
      r.counts().forEach((l, n) -> answer.merge(l, n, Integer::sum));
      answerSuppressed += r.suppressed();
      if (r.verdict().compareTo(verdict) > 0 && verdict != GuardResult.Verdict.REFUSED) {
        verdict = r.verdict();
      }
    }
  }

  Object handle(Call call) throws Exception {
    long started = System.nanoTime();
    Guard guard = guards.apply(call, GatewayConfig.CHAT);
    ObjectNode body = parse(call.http().body());
    ArrayNode messages = messages(body);
    JsonNode streamNode = body.get("stream");
    if (streamNode != null && !streamNode.isBoolean() && !streamNode.isNull()) {
      throw ApiException.badRequest("stream", "must be true or false");
    }
    boolean stream = streamNode != null && streamNode.asBoolean();
    String id = UUID.randomUUID().toString();
    call.http().header(Gateway.REQUEST_ID_HEADER, id);
    Outcome outcome = new Outcome();
    Map<String, Object> record = Gateway.auditRecord(id, Gateway.tenant(call), GatewayConfig.CHAT, guard.policy());
    record.put("model", body.path("model").isTextual() ? body.get("model").textValue() : null);
    record.put("stream", stream);
    try {
      String lastUser = lastUserText(messages);
      outcome.request = lastUser == null ? null : guard.request(lastUser).orElse(null);
      if (guard.refuses(outcome.request)) {
        outcome.verdict = GuardResult.Verdict.REFUSED;
        return refuse(call, body, stream, guard.policy().refusal());
      }
      Vault vault = maskMessages(messages, guard, outcome);
      if (body.path("user").isTextual() && !body.get("user").textValue().isEmpty()) {
        // OpenAI's end-user id is often an e-mail address: the model's provider gets a keyed pseudonym of it
        String user = body.get("user").textValue();
        body.put("user", pseudonyms.mask(user, List.of(Span.of(Label.PRIVATE_PERSON, 0, user.length(), 1, "gateway")))
            .text());
      }
      HttpRequest request = upstreamRequest(body, stream);
      int n = body.path("n").canConvertToInt() ? Math.max(1, body.get("n").asInt()) : 1;
      return stream ? streamed(call, request, guard, vault, outcome, n) : whole(request, guard, vault, outcome);
    } finally {
      record.put("verdict", outcome.verdict.id());
      record.put("request_refused", guard.refuses(outcome.request));
      record.put("asked", outcome.request == null ? null : outcome.request.asked().id());
      record.put("prompt_masked", GuardJson.counts(outcome.prompt));
      record.put("prompt_suppressed", outcome.promptSuppressed);
      record.put("answer", GuardJson.counts(outcome.answer));
      record.put("answer_suppressed", outcome.answerSuppressed);
      record.put("upstream_status", outcome.upstreamStatus == 0 ? null : outcome.upstreamStatus);
      record.put("held_back_max_chars", outcome.heldBack);
      record.put("latency_ms", (System.nanoTime() - started) / 1_000_000);
      audit.write(record);
    }
  }

  private ObjectNode parse(String raw) {
    try {
      JsonNode node = raw == null || raw.isBlank() ? null : json.readTree(raw);
      if (node == null || !node.isObject()) {
        throw ApiException.badRequest("body", "must be a JSON object (an OpenAI chat completion request)");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("body", "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")");
    }
  }

  private static ArrayNode messages(ObjectNode body) {
    JsonNode m = body.get("messages");
    if (m == null || !m.isArray() || m.isEmpty()) {
      throw ApiException.badRequest("messages", "is required: a non-empty array of {role, content}");
    }
    for (int i = 0; i < m.size(); i++) {
      JsonNode msg = m.get(i);
      if (!msg.isObject() || !msg.path("role").isTextual()) {
        throw ApiException.badRequest("messages[" + i + "]", "must be an object with a string role");
      }
      JsonNode content = msg.get("content");
      if (content != null && !content.isNull() && !content.isTextual() && !content.isArray()) {
        throw ApiException.badRequest("messages[" + i + "].content", "must be a string or an array of content parts");
      }
    }
    return (ArrayNode) m;
  }

  /** The text of the last user message (its text parts joined), or null. */
  private static String lastUserText(ArrayNode messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonNode msg = messages.get(i);
      if ("user".equals(msg.get("role").textValue())) {
        JsonNode content = msg.get("content");
        if (content == null || content.isNull()) {
          return null;
        }
        if (content.isTextual()) {
          return content.textValue();
        }
        StringBuilder b = new StringBuilder();
        content.forEach(part -> b.append(part.path("text").asText("")).append('\n'));
        return b.toString();
      }
    }
    return null;
  }

  /** Masks every message's text in place; returns the vault that restores them. */
  private Vault maskMessages(ArrayNode messages, Guard guard, Outcome outcome) {
    Vault vault = Vault.empty();
    for (JsonNode msg : messages) {
      JsonNode content = msg.get("content");
      if (content != null && content.isTextual()) {
        Redaction r = mask(content.textValue(), guard, vault, outcome);
        ((ObjectNode) msg).put("content", r.text());
        vault = r.vault();
      } else if (content != null && content.isArray()) {
        for (JsonNode part : content) {
          if (part.isObject() && part.path("text").isTextual()) {
            Redaction r = mask(part.get("text").textValue(), guard, vault, outcome);
            ((ObjectNode) part).put("text", r.text());
            vault = r.vault();
          }
        }
      }
    }
    return vault;
  }

  /**
   * {@code text} with what the guard finds replaced: suppression-list entries by their label's plain
   * placeholder (they never come back), everything else by a numbered placeholder of the vault.
   */
  private Redaction mask(String text, Guard guard, Vault vault, Outcome outcome) {
    List<Span> restorable = new ArrayList<>();
    List<Replacement> suppressed = new ArrayList<>();
    for (Finding f : guard.find(text)) {
      Span s = new Span(f.label(), f.subtype(), f.start(), f.end(), f.score(), "guard");
      outcome.prompt.merge(f.label(), 1, Integer::sum);
      if (f.suppressed()) {
        outcome.promptSuppressed++;
        suppressed.add(new Replacement(s, f.label().placeholder()));
      } else {
        restorable.add(s);
      }
    }
    Redaction r = vaults.mask(text, restorable, vault);
    if (suppressed.isEmpty()) {
      return r;
    }
    List<Replacement> all = new ArrayList<>(r.replacements());
    all.addAll(suppressed);
    all.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Replacement rep : all) {
      out.append(text, at, rep.span().start()).append(rep.replacement());
      at = rep.span().end();
    }
    out.append(text, at, text.length());
    return new Redaction(out.toString(), all, r.vault());
  }

  private HttpRequest upstreamRequest(ObjectNode body, boolean stream) throws JsonProcessingException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.upstream() + "/chat/completions"))
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .header("Accept", stream ? "text/event-stream" : "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (config.apiKey() != null) {
      b.header("Authorization", "Bearer " + config.apiKey());
    }
    return b.build();
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, Outcome outcome)
      throws InterruptedException {
    try {
      HttpResponse<T> r = http.send(request, handler);
      outcome.upstreamStatus = r.statusCode();
      return r;
    } catch (HttpTimeoutException e) {
      throw new ApiException(504, null, "the upstream model did not answer within " + config.timeout().toSeconds() + " s");
    } catch (IOException e) {
      throw new ApiException(502, null, "the upstream model is unreachable (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** An upstream error is reported by status only: its body may quote the key or the masked prompt. */
  private static ApiException upstreamError(int status) {
    return new ApiException(502, null, "the upstream model answered HTTP " + status);
  }

  private Object whole(HttpRequest request, Guard guard, Vault vault, Outcome outcome) throws Exception {
    HttpResponse<String> r = send(request, HttpResponse.BodyHandlers.ofString(), outcome);
    if (r.statusCode() != 200) {
      throw upstreamError(r.statusCode());
    }
    JsonNode answer;
    try {
      answer = json.readTree(r.body());
    } catch (JsonProcessingException e) {
      throw new ApiException(502, null, "the upstream model's answer is not JSON");
    }
    if (!answer.path("choices").isArray()) {
      throw new ApiException(502, null, "the upstream model's answer has no choices");
    }
    for (JsonNode choice : answer.get("choices")) {
      JsonNode message = choice.path("message");
      if (message.path("content").isTextual()) {
        GuardResult g = guard.check(message.get("content").textValue());
        outcome.answered(g);
        ((ObjectNode) message).put("content", vaults.restore(g.text(), vault));
        if (g.verdict() == GuardResult.Verdict.REFUSED) {
          ((ObjectNode) choice).put("finish_reason", CONTENT_FILTER);
        }
      }
      for (JsonNode call : message.path("tool_calls")) {
        JsonNode fn = call.path("function");
        if (fn.path("arguments").isTextual()) {
          ((ObjectNode) fn).put("arguments", vaults.restore(fn.get("arguments").textValue(), vault));
        }
      }
    }
    return answer;
  }

  /** The request refused without asking the model: an answer with the refusal message. */
  private Object refuse(Call call, ObjectNode body, boolean stream, String message) throws IOException {
    String model = body.path("model").asText("");
    String id = "chatcmpl-lethe-" + UUID.randomUUID();
    long created = System.currentTimeMillis() / 1000;
    if (!stream) {
      ObjectNode out = json.createObjectNode().put("id", id).put("object", "chat.completion").put("created", created)
          .put("model", model);
      ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", message);
      choice.put("finish_reason", CONTENT_FILTER);
      return out;
    }
    Sse sse = Sse.start(call);
    ObjectNode chunk = json.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
        .put("created", created).put("model", model);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.putObject("delta").put("role", "assistant").put("content", message);
    choice.putNull("finish_reason");
    sse.data(json.writeValueAsString(chunk));
    choice.putObject("delta");
    choice.put("finish_reason", CONTENT_FILTER);
    sse.data(json.writeValueAsString(chunk));
    sse.data("[DONE]");
    return null;
  }

  /** One choice of a streamed answer: its guard stream and restorers. */
  private final class Choice {
    final GuardStream guard;
    final Restorer content;
    final Map<Integer, Restorer> toolArguments = new HashMap<>();
    boolean done;

    Choice(Guard g, Vault vault) {
      this.guard = g.stream(null);
      this.content = new Restorer(vaults, vault);
    }
  }

  private Object streamed(Call call, HttpRequest request, Guard guard, Vault vault, Outcome outcome, int n)
      throws Exception {
    HttpResponse<Stream<String>> r = send(request, HttpResponse.BodyHandlers.ofLines(), outcome);
    try (Stream<String> lines = r.body()) {
      if (r.statusCode() != 200) {
        throw upstreamError(r.statusCode());
      }
      Sse sse = Sse.start(call);
      Map<Integer, Choice> choices = new HashMap<>();
      try {
        StringBuilder data = new StringBuilder();
        Iterator<String> it = lines.iterator();
        boolean ended = false;
        while (!ended && it.hasNext()) {
          String line = it.next();
          if (line.startsWith("data:")) {
            data.append(data.length() > 0 ? "\n" : "").append(line.substring(line.startsWith("data: ") ? 6 : 5));
          } else if (line.isEmpty() && data.length() > 0) {
            String event = data.toString();
            data.setLength(0);
            ended = event.equals("[DONE]") || chunk(event, sse, choices, guard, vault, outcome, n);
          }
        }
        for (Map.Entry<Integer, Choice> c : choices.entrySet()) {
          if (!c.getValue().done) { // the upstream ended without a finish_reason
            finishChoice(null, c.getKey(), c.getValue(), sse, outcome, json.createObjectNode(), null);
          }
        }
        sse.data("[DONE]");
      } catch (IOException | RuntimeException e) {
        // the upstream broke off or sent garbage, or the caller left: tell the caller if it is still there
        try {
          sse.data(json.writeValueAsString(json.createObjectNode().set("error", json.createObjectNode()
              .put("message", "the stream was interrupted (" + e.getClass().getSimpleName() + ")")
              .put("type", "upstream_error"))));
        } catch (IOException ignored) {
          // the caller is gone
        }
      }
      return null;
    }
  }

  /**
   * Guards one upstream chunk and sends on what may go now; returns true when all {@code n} choices were
   * refused, so the upstream need not be read further.
   */
  private boolean chunk(String event, Sse sse, Map<Integer, Choice> choices, Guard guard, Vault vault,
      Outcome outcome, int n) throws IOException {
    ObjectNode chunk;
    try {
      chunk = (ObjectNode) json.readTree(event);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IOException("the upstream model sent an event that is not a JSON object");
    }
    JsonNode list = chunk.path("choices");
    if (!list.isArray() || list.isEmpty()) {
      sse.data(event); // e.g. the usage chunk
      return false;
    }
    for (JsonNode node : list) {
      int index = node.path("index").asInt(0);
      Choice c = choices.computeIfAbsent(index, i -> new Choice(guard, vault));
      if (c.done) {
        continue;
      }
      ObjectNode choice = (ObjectNode) node;
      ObjectNode delta = choice.path("delta").isObject() ? (ObjectNode) choice.get("delta") : choice.putObject("delta");
      boolean send = delta.size() > (delta.has("content") ? 1 : 0);
      String out = "";
      if (delta.path("content").isTextual()) {
        out = c.content.push(c.guard.push(delta.get("content").textValue()));
        outcome.heldBack = Math.max(outcome.heldBack, c.guard.heldBack());
        delta.put("content", out);
        send |= !out.isEmpty();
      }
      for (JsonNode call : delta.path("tool_calls")) {
        JsonNode fn = call.path("function");
        if (fn.path("arguments").isTextual()) {
          Restorer args = c.toolArguments.computeIfAbsent(call.path("index").asInt(0), k -> new Restorer(vaults, vault));
          ((ObjectNode) fn).put("arguments", args.push(fn.get("arguments").textValue()));
        }
      }
      JsonNode finish = choice.get("finish_reason");
      if (c.guard.refused() || finish != null && !finish.isNull()) {
        finishChoice(chunk, index, c, sse, outcome, delta, finish == null || finish.isNull() ? null : finish.asText());
      } else if (send) {
        sse.data(one(chunk, choice));
      }
    }
    return choices.values().stream().filter(c -> c.guard.refused()).count() >= n;
  }

  /**
   * Ends a choice: {@code delta} (the last chunk's, with its guarded content) completed by the guarded rest,
   * then the finish chunk, {@code content_filter} when refused. {@code template} is the upstream chunk to
   * shape them on, or null to make them up.
   */
  private void finishChoice(ObjectNode template, int index, Choice c, Sse sse, Outcome outcome, ObjectNode delta,
      String upstreamFinish) throws IOException {
    String rest = delta.path("content").asText("") + c.content.push(c.guard.finish()) + c.content.finish();
    for (Restorer args : c.toolArguments.values()) {
      args.finish(); // a placeholder cut off at the very end stays as the model wrote it
    }
    c.done = true;
    GuardResult result = c.guard.result();
    outcome.answered(result);
    ObjectNode chunk = template != null ? template : json.createObjectNode().put("object", "chat.completion.chunk");
    ObjectNode choice = json.createObjectNode().put("index", index);
    if (!rest.isEmpty()) {
      delta.put("content", rest);
    } else {
      delta.remove("content");
    }
    if (!delta.isEmpty()) {
      choice.set("delta", delta);
      choice.putNull("finish_reason");
      sse.data(one(chunk, choice));
    }
    choice.putObject("delta");
    choice.put("finish_reason", result.verdict() == GuardResult.Verdict.REFUSED ? CONTENT_FILTER
        : upstreamFinish != null ? upstreamFinish : "stop");
    sse.data(one(chunk, choice));
  }

  /** {@code chunk} with {@code choice} as its only choice, as JSON. */
  private String one(ObjectNode chunk, ObjectNode choice) throws JsonProcessingException {
    ObjectNode copy = chunk.deepCopy();
    copy.putArray("choices").add(choice);
    return json.writeValueAsString(copy);
  }

  /** Server-Sent Events written straight to the caller, flushed per event. */
  private static final class Sse {
    private final OutputStream out;

    private Sse(OutputStream out) {
      this.out = out;
    }

    static Sse start(Call call) throws IOException {
      var res = call.http().res();
      res.setStatus(200);
      res.setContentType("text/event-stream; charset=utf-8");
      res.setHeader("Cache-Control", "no-cache");
      res.setHeader("X-Accel-Buffering", "no");
      return new Sse(res.getOutputStream());
    }

    void data(String payload) throws IOException {
      out.write(("data: " + payload + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
