package dev.lethe.guard.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.mask.MaskStyle;
import dev.lethe.guard.GuardPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The gateway's configuration, read from JSON: the upstream model, the guard policy of each tenant and route,
 * the audit file (by default {@value #DEFAULT_AUDIT_FILE} beside the configuration) and extra suppression strings.
 *
 * <pre>{@code
 * {
 *   "upstream": {"url": "https://api.openai.com/v1", "api_key_env": "OPENAI_API_KEY", "timeout_seconds": 120},
 *   "audit_file": "gateway-audit.jsonl",
 *   "phone_region": "US",
 *   "suppress": ["Ana Ruiz"],
 *   "suppression_refresh_seconds": 30,
 *   "defaults": {"mode": "mask", "operating_point": "balanced", "mask": "placeholder"},
 *   "tenants": {
 *     "default": {},
 *     "clinic": {"mode": "refuse", "refusal": "I can't discuss patients.", "routes": {"guard": {"mode": "report"}}}
 *   }
 * }
 * }</pre>
 *
 * A policy has the fields {@code mode} (mask, refuse, report), {@code operating_point}, {@code labels} (label ids),
 * {@code refusal}, {@code mask} (placeholder, redact, hash, surrogate) and {@code refuse_requests}; a tenant's
 * fields override {@code defaults}, and its {@code routes} ({@value #CHAT}, {@value #GUARD}) override the
 * tenant's. A tenant named {@value #DEFAULT_TENANT} serves requests that name none. Every unknown key is an error
 * naming its path, so a typo never passes silently.
 *
 * <p>The upstream key is read from the named environment variable (or, less safely, {@code api_key}); {@link
 * #toString()} and every error message leave it out.
 */
public final class GatewayConfig {
  /** The route name of {@code POST /v1/chat/completions}. */
  public static final String CHAT = "chat";
  /** The route name of {@code POST /api/v1/guard}. */
  public static final String GUARD = "guard";
  public static final String DEFAULT_TENANT = "default";
  /** The audit file when the configuration names none, beside the configuration. */
  public static final String DEFAULT_AUDIT_FILE = "gateway-audit.jsonl";
  private static final List<String> ROUTES = List.of(CHAT, GUARD);
  private static final List<String> POLICY_KEYS = List.of("mode", "operating_point", "labels", "refusal", "mask",
      "refuse_requests");

  private final URI upstream;
  private final String apiKey;
  private final Duration timeout;
  private final Path auditFile;
  private final String phoneRegion;
  private final List<String> suppress;
  private final Duration suppressionRefresh;
  /** Policy per tenant, then per route. */
  private final Map<String, Map<String, GuardPolicy>> policies;

  private GatewayConfig(URI upstream, String apiKey, Duration timeout, Path auditFile, String phoneRegion,
      List<String> suppress, Duration suppressionRefresh, Map<String, Map<String, GuardPolicy>> policies) {
    this.upstream = upstream;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.auditFile = auditFile;
    this.phoneRegion = phoneRegion;
    this.suppress = List.copyOf(suppress);
    this.suppressionRefresh = suppressionRefresh;
    this.policies = policies;
  }

  /** Reads a configuration file; relative paths in it (the audit file) are taken from the file's folder. */
  public static GatewayConfig read(Path file) throws IOException {
    return parse(Files.readString(file), file.toAbsolutePath().getParent(), System::getenv);
  }

  /**
   * Parses a configuration.
   *
   * @param base        folder that relative paths are taken from
   * @param environment where {@code api_key_env} is looked up
   * @throws IllegalArgumentException saying which key is wrong and why
   */
  public static GatewayConfig parse(String json, Path base, Function<String, String> environment) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("gateway config is not valid JSON (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("gateway config must be a JSON object");
    }
    only(root, "", List.of("upstream", "audit_file", "phone_region", "suppress", "suppression_refresh_seconds",
        "defaults", "tenants"));
    JsonNode up = root.path("upstream");
    if (!up.isObject()) {
      throw bad("upstream", "is required: {\"url\": ..., \"api_key_env\": ...}");
    }
    only(up, "upstream.", List.of("url", "api_key_env", "api_key", "timeout_seconds"));
    URI url = upstreamUrl(text(up, "upstream.url", true));
    String key = text(up, "upstream.api_key", false);
    String keyEnv = text(up, "upstream.api_key_env", false);
    if (key != null && keyEnv != null) {
      throw bad("upstream", "give api_key_env or api_key, not both");
    }
    if (keyEnv != null) {
      key = environment.apply(keyEnv);
      if (key == null || key.isBlank()) {
        throw bad("upstream.api_key_env", "environment variable " + keyEnv + " is not set");
      }
    }
    Duration timeout = Duration.ofSeconds(positive(up, "upstream.timeout_seconds", 120));
    String audit = Objects.requireNonNullElse(text(root, "audit_file", false), DEFAULT_AUDIT_FILE);
    String region = Objects.requireNonNullElse(text(root, "phone_region", false), "US");
    List<String> suppress = strings(root, "suppress");
    Duration refresh = Duration.ofSeconds(positive(root, "suppression_refresh_seconds", 30));

    GuardPolicy defaults = policy(root.path("defaults"), "defaults.", GuardPolicy.defaults(), List.of());
    Map<String, Map<String, GuardPolicy>> policies = new LinkedHashMap<>();
    JsonNode tenants = root.path("tenants");
    if (!tenants.isMissingNode() && !tenants.isObject()) {
      throw bad("tenants", "must be an object of tenant name to policy");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = tenants.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> t = it.next();
      String path = "tenants." + t.getKey() + ".";
      GuardPolicy tenant = policy(t.getValue(), path, defaults, List.of("routes"));
      Map<String, GuardPolicy> byRoute = new LinkedHashMap<>();
      JsonNode routes = t.getValue().path("routes");
      only(routes, path + "routes.", ROUTES);
      for (String r : ROUTES) {
        byRoute.put(r, routes.has(r) ? policy(routes.get(r), path + "routes." + r + ".", tenant, List.of()) : tenant);
      }
      policies.put(t.getKey(), Map.copyOf(byRoute));
    }
    policies.putIfAbsent(DEFAULT_TENANT, Map.of(CHAT, defaults, GUARD, defaults));
    return new GatewayConfig(url, key, timeout, base.resolve(audit), region, suppress, refresh,
        Map.copyOf(policies));
  }

  /** The base URL of the OpenAI-compatible upstream, e.g. {@code https://api.openai.com/v1}. */
  public URI upstream() {
    return upstream;
  }

  /** The upstream's bearer key, or null when it needs none. Never log it. */
  String apiKey() {
    return apiKey;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Where the audit records go (JSON lines): {@code audit_file}, by default {@value #DEFAULT_AUDIT_FILE}. */
  public Path auditFile() {
    return auditFile;
  }

  public String phoneRegion() {
    return phoneRegion;
  }

  /** Suppression strings from the configuration, added to the data controls' list. */
  public List<String> suppress() {
    return suppress;
  }

  public Duration suppressionRefresh() {
    return suppressionRefresh;
  }

  public Set<String> tenants() {
    return policies.keySet();
  }

  /** The policy of {@code route} ({@value #CHAT} or {@value #GUARD}) for {@code tenant}, or null for an unknown tenant. */
  public GuardPolicy policy(String tenant, String route) {
    Map<String, GuardPolicy> t = policies.get(tenant);
    return t == null ? null : t.get(route);
  }

  @Override
  public String toString() {
    return "GatewayConfig[upstream=" + upstream + ", key=" + (apiKey == null ? "none" : "set") + ", tenants="
        + policies.keySet() + "]";
  }

  private static URI upstreamUrl(String url) {
    URI u;
    try {
      u = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw bad("upstream.url", "is not a URL");
    }
    if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
      throw bad("upstream.url", "must be an http or https URL such as https://api.openai.com/v1");
    }
    return u;
  }

  private static GuardPolicy policy(JsonNode node, String path, GuardPolicy base, List<String> extra) {
    if (node.isMissingNode()) {
      return base;
    }
    if (!node.isObject()) {
      throw bad(path.substring(0, path.length() - 1), "must be an object");
    }
    List<String> known = new ArrayList<>(POLICY_KEYS);
    known.addAll(extra);
    only(node, path, known);
    GuardPolicy.Builder b = base.toBuilder();
    try {
      String mode = text(node, path + "mode", false);
      if (mode != null) {
        b.mode(GuardPolicy.Mode.fromId(mode));
      }
      String point = text(node, path + "operating_point", false);
      if (point != null) {
        b.operatingPoint(OperatingPoint.fromId(point));
      }
      if (node.has("labels")) {
        Set<Label> labels = EnumSet.noneOf(Label.class);
        for (String l : strings(node, path + "labels")) {
          labels.add(Label.fromId(l));
        }
        b.labels(labels);
      }
      String refusal = text(node, path + "refusal", false);
      if (refusal != null) {
        b.refusal(refusal);
      }
      String mask = text(node, path + "mask", false);
      if (mask != null) {
        b.maskStyle(MaskStyle.fromId(mask));
      }
      JsonNode refuse = node.get("refuse_requests");
      if (refuse != null) {
        if (!refuse.isBoolean()) {
          throw bad(path + "refuse_requests", "must be true or false");
        }
        b.refuseRequests(refuse.booleanValue());
      }
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith("gateway config") ? e : new IllegalArgumentException("gateway config " + path
          .substring(0, path.length() - 1) + ": " + e.getMessage());
    }
    return b.build();
  }

  private static void only(JsonNode node, String path, List<String> known) {
    node.fieldNames().forEachRemaining(name -> {
      if (!known.contains(name)) {
        throw bad(path + name, "is not a known key (expected one of " + String.join(", ", known) + ")");
      }
    });
  }

  private static String text(JsonNode node, String path, boolean required) {
    JsonNode v = node.get(path.substring(path.lastIndexOf('.') + 1));
    if (v == null || v.isNull()) {
      if (required) {
        throw bad(path, "is required");
      }
      return null;
    }
    if (!v.isTextual() || v.textValue().isBlank()) {
      throw bad(path, "must be a non-empty string");
    }
    return v.textValue();
  }

  private static long positive(JsonNode node, String path, long fallback) {
    JsonNode v = node.get(path.substring(path.lastIndexOf('.') + 1));
    if (v == null) {
      return fallback;
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 1) {
      throw bad(path, "must be a positive whole number of seconds");
    }
    return v.longValue();
  }

  private static List<String> strings(JsonNode node, String path) {
    JsonNode v = node.get(path.substring(path.lastIndexOf('.') + 1));
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw bad(path, "must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw bad(path + "[" + i + "]", "must be a string");
      }
      out.add(v.get(i).textValue());
    }
    return out;
  }

  private static IllegalArgumentException bad(String path, String message) {
    return new IllegalArgumentException("gateway config " + path + ": " + message);
  }
}
