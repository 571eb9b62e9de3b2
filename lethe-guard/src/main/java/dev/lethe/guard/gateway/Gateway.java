package dev.lethe.guard.gateway;

import dev.lethe.guard.Guard;
import dev.lethe.guard.GuardPolicy;
import dev.lethe.guard.GuardJson;
import dev.lethe.guard.GuardResult;
import dev.lethe.guard.Suppressions;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.http.ApiException;
import dev.lethe.platform.http.Body;
import dev.lethe.platform.http.Call;
import dev.lethe.platform.http.Route;
import dev.lethe.platform.training.SuppressionEntry;
import dev.lethe.platform.training.TrainingView;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM gateway and the guard as routes of {@code lethe serve}: {@code POST /v1/chat/completions}, an
 * OpenAI-compatible proxy that masks prompts before they leave, restores the originals in the answer and
 * guards it; and {@code POST /api/v1/guard}, the guard of one answer. Both take the ingest token, and the
 * tenant from the {@value #TENANT_HEADER} header ({@value GatewayConfig#DEFAULT_TENANT} when absent), whose
 * policy for the route applies.
 *
 * <pre>{@code
 * Gateway gateway = Gateway.start(GatewayConfig.read(path), dataControls);
 * ApiServer server = ApiServer.start(dataControls, apiConfig, gateway.routes());
 * }</pre>
 *
 * <p>The suppression list is the data controls' (completed "remove my data from outputs" requests) plus the
 * configuration's strings, reloaded every {@link GatewayConfig#suppressionRefresh()} when it changed. Every
 * request leaves one audit record with counts only. Thread-safe; close it to stop the reloading.
 */
public final class Gateway implements AutoCloseable {
  /** The request header that names the tenant. */
  public static final String TENANT_HEADER = "Lethe-Tenant";
  /** The response header with the request's id, as in its audit record. */
  public static final String REQUEST_ID_HEADER = "Lethe-Request-Id";
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final GatewayConfig config;
  private final Supplier<List<String>> suppressionSource;
  private final GatewayAudit audit;
  private final ChatCompletions chat;
  private final ScheduledExecutorService refresher;
  private volatile List<String> loaded;
  private volatile Map<String, Map<String, Guard>> guards;

  private Gateway(GatewayConfig config, Supplier<List<String>> suppressionSource, GatewayAudit audit) {
    this.config = config;
    this.suppressionSource = suppressionSource;
    this.audit = audit;
    HttpClient http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    this.chat = new ChatCompletions(config, http, audit, this::guard);
    Map<GuardPolicy, Guard> built = new HashMap<>();
    Map<String, Map<String, Guard>> byTenant = new HashMap<>();
    for (String tenant : config.tenants()) {
      Map<String, Guard> byRoute = new HashMap<>();
      for (String route : List.of(GatewayConfig.CHAT, GatewayConfig.GUARD)) {
        byRoute.put(route, built.computeIfAbsent(config.policy(tenant, route),
            p -> Guard.builder().policy(p).phoneRegion(config.phoneRegion()).build()));
      }
      byTenant.put(tenant, Map.copyOf(byRoute));
    }
    this.guards = Map.copyOf(byTenant);
    refreshSuppressions();
    long every = config.suppressionRefresh().toMillis();
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lethe-gateway-suppression");
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  /** A gateway whose suppression list is the data controls' (plus the configuration's strings). */
  public static Gateway start(GatewayConfig config, DataControls controls) throws IOException {
    return start(config, () -> {
      try (TrainingView view = controls.training().open(); Stream<SuppressionEntry> s = view.suppressionList()) {
        return s.map(SuppressionEntry::text).toList();
      }
    });
  }

  /** A gateway whose suppression list {@code source} supplies (plus the configuration's strings). */
  public static Gateway start(GatewayConfig config, Supplier<List<String>> source) throws IOException {
    return new Gateway(config, Objects.requireNonNull(source), GatewayAudit.open(config.auditFile()));
  }

  /** The gateway's routes, to pass to {@code ApiServer.start}. */
  public List<Route> routes() {
    Route chatRoute = Route.of("POST", "/v1/chat/completions", Route.Auth.INGEST, 200,
        "OpenAI-compatible chat completions (stream true or false) through the guard: personal data in the messages"
            + " is masked (reversibly) before it goes to the upstream model, the originals are restored in the answer,"
            + " and the answer is guarded by the tenant's policy (header " + TENANT_HEADER + "). A request for a private"
            + " individual's contact data is refused without calling the model. Body: the OpenAI request.",
        chat::handle);
    Route guardRoute = Route.of("POST", "/api/v1/guard", Route.Auth.INGEST, 200,
        "Guard one model answer by the tenant's policy (header " + TENANT_HEADER + "): mask, refuse or report private"
            + " data about people. Offsets are Unicode code points.", this::guardAnswer)
        .with(List.of(new Route.Field("text", "string", true, "the model's answer"),
            new Route.Field("prompt", "string", false, "the prompt it answers: its values are the caller's own, and a"
                + " request for a private individual's data is refused")), List.of(), false);
    return List.of(chatRoute, guardRoute);
  }

  /**
   * Reloads the suppression list now; does nothing when it did not change. Entries too short to match safely
   * (fewer than three letters or digits) are skipped and counted in the log, never quoted.
   */
  public void refreshSuppressions() {
    List<String> strings = new ArrayList<>(suppressionSource.get());
    strings.addAll(config.suppress());
    if (strings.equals(loaded)) {
      return;
    }
    List<String> usable = strings.stream().filter(Suppressions::matchable).toList();
    if (usable.size() < strings.size()) {
      LOG.warn("suppression list: {} entries skipped, too short to match safely", strings.size() - usable.size());
    }
    Suppressions list = Suppressions.of(usable, config.phoneRegion());
    Map<String, Map<String, Guard>> next = new HashMap<>();
    guards.forEach((tenant, byRoute) -> {
      Map<String, Guard> m = new HashMap<>();
      byRoute.forEach((route, g) -> m.put(route, g.withSuppressions(list)));
      next.put(tenant, Map.copyOf(m));
    });
    guards = Map.copyOf(next);
    loaded = List.copyOf(strings);
    LOG.info("suppression list: {} entries in force", list.size());
  }

  private void refreshQuietly() {
    try {
      refreshSuppressions();
    } catch (RuntimeException e) {
      LOG.error("suppression list reload failed ({}); the previous list stays in force", e.getClass().getName());
    }
  }

  /** The guard of {@code route} for the tenant the call names. */
  private Guard guard(Call call, String route) {
    String tenant = tenant(call);
    Map<String, Guard> byRoute = guards.get(tenant);
    if (byRoute == null) {
      throw ApiException.badRequest(TENANT_HEADER, "unknown tenant");
    }
    return byRoute.get(route);
  }

  static String tenant(Call call) {
    String t = call.http().header(TENANT_HEADER);
    return t == null || t.isBlank() ? GatewayConfig.DEFAULT_TENANT : t.strip();
  }

  private Object guardAnswer(Call call) {
    long started = System.nanoTime();
    Guard guard = guard(call, GatewayConfig.GUARD);
    Body b = call.body();
    String text = b.requiredString("text");
    String prompt = b.string("prompt");
    GuardResult r = guard.check(text, prompt);
    String id = java.util.UUID.randomUUID().toString();
    call.http().header(REQUEST_ID_HEADER, id);
    Map<String, Object> record = auditRecord(id, tenant(call), GatewayConfig.GUARD, guard.policy());
    record.put("verdict", r.verdict().id());
    record.put("answer", GuardJson.counts(r.counts()));
    record.put("answer_suppressed", r.suppressed());
    record.put("request_refused", r.request() != null && guard.refuses(r.request()));
    record.put("latency_ms", (System.nanoTime() - started) / 1_000_000);
    audit.write(record);

    Map<String, Object> out = GuardJson.of(r, text, prompt);
    out.put("mode", guard.policy().mode().id());
    return out;
  }

  /** The fields every audit record starts with. */
  static Map<String, Object> auditRecord(String id, String tenant, String route, GuardPolicy policy) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("at", Instant.now().toString());
    record.put("request_id", id);
    record.put("tenant", tenant);
    record.put("route", route);
    record.put("mode", policy.mode().id());
    record.put("operating_point", policy.operatingPoint().id());
    return record;
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    audit.close();
  }
}
