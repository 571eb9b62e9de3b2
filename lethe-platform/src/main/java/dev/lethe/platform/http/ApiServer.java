package dev.lethe.platform.http;

import static dev.lethe.platform.http.Route.Auth.ADMIN;
import static dev.lethe.platform.http.Route.Auth.INGEST;
import static dev.lethe.platform.http.Route.Auth.PUBLIC;
import static dev.lethe.platform.http.Route.Auth.USER;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.platform.controls.Actors;
import dev.lethe.platform.controls.Confirmations;
import dev.lethe.platform.controls.ControlsException;
import dev.lethe.platform.controls.Page;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.Idempotency;
import dev.lethe.platform.controls.Registration;
import dev.lethe.platform.controls.RequestKind;
import dev.lethe.platform.controls.Secrets;
import dev.lethe.platform.controls.Session;
import dev.lethe.platform.training.TrainingView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (Javalin): ingest routes for the chat product, user routes for a user's own data,
 * admin routes for operators, the OpenAPI document at {@code /openapi.json} and a small web page at
 * {@code /}. Bearer tokens only; user tokens reach only their own data (anyone else's is a 404).
 * Nothing here logs tokens or content.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final String API = "/api/v1";

  private final DataControls dc;
  private final ApiConfig config;
  private final ObjectMapper json = new ObjectMapper();
  private final List<Route> routes;
  /** Built-in routes without body fields: a body sent to them is read (bounded) and must be empty. */
  private final java.util.Set<Route> takesNoBody;
  private final Javalin app;

  private ApiServer(DataControls dc, ApiConfig config, List<Route> extensions) {
    this.dc = dc;
    this.config = config;
    List<Route> builtIn = routes();
    this.takesNoBody = builtIn.stream().filter(r -> r.body().isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    List<Route> all = new ArrayList<>(builtIn);
    all.addAll(extensions);
    this.routes = List.copyOf(all);
    byte[] openApi = OpenApi.document(routes, json);
    this.app = Javalin.create(c -> {
      c.jsonMapper(new JavalinJackson(json, false));
      c.startup.showJavalinBanner = false;
      c.jetty.host = config.host();
      c.jetty.port = config.port();
      // Javalin routes a request by X-HTTP-Method-Override when present: a GET (which a link, an image
      // or a prefetch can make) would then delete. Refused before routing, on every path and method.
      c.routes.before(ctx -> refuseMethodOverride(ctx));
      c.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
      new WebUi(dc, config).register(c);
      for (Route r : routes) {
        c.routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.path(), ctx -> handle(r, ctx));
      }
      c.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status, e.field, e.getMessage(), Map.of()));
      c.routes.exception(ControlsException.class, (e, ctx) -> error(ctx, status(e.reason()), e.field(), e.getMessage(), e.details()));
      c.routes.exception(Exception.class, (e, ctx) -> {
        // Class and route only: exception messages may quote SQL parameters, i.e. content.
        LOG.error("internal error on {} {}: {}", ctx.method(), ctx.path(), e.getClass().getName());
        error(ctx, 500, null, "internal error", Map.of());
      });
    });
  }

  /** Starts the API; {@link #port()} tells where it listens. */
  public static ApiServer start(DataControls controls, ApiConfig config) {
    return start(controls, config, List.of());
  }

  /**
   * Starts the API with extra routes after the built-in ones: authenticated, idempotent and listed in
   * the OpenAPI document the same way.
   */
  public static ApiServer start(DataControls controls, ApiConfig config, List<Route> extensions) {
    ApiServer server = new ApiServer(controls, config, List.copyOf(extensions));
    server.app.start();
    return server;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  /** "METHOD path" of every route, in table order (the documentation's route table lists the same). */
  public List<String> routeTable() {
    return routes.stream().map(r -> r.method() + " " + r.path()).toList();
  }

  private static int status(ControlsException.Reason reason) {
    return switch (reason) {
      case INVALID -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case GONE -> 410;
    };
  }

  private static void error(Context ctx, int status, String field, String message, Map<String, Object> details) {
    Map<String, Object> body = Views.obj("error", message);
    if (field != null) {
      body.put("field", field);
    }
    body.putAll(details);
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    ctx.status(status).json(body);
  }

  private static final List<String> METHOD_OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

  private static void refuseMethodOverride(Context ctx) {
    for (String header : METHOD_OVERRIDES) {
      if (ctx.header(header) != null) {
        throw ApiException.badRequest(header, "method override is not accepted; send the real HTTP method");
      }
    }
    if (ctx.queryParam("_method") != null) {
      throw ApiException.badRequest("_method", "method override is not accepted; send the real HTTP method");
    }
  }

  private void handle(Route route, Context ctx) throws Exception {
    Session session = authenticate(route.auth(), ctx);
    Call call = new Call(ctx, session, route);
    if (takesNoBody.contains(route)) {
      // Read even when unused: an unread body would make Jetty drop the connection mid-request.
      call.body();
    }
    String key = route.idempotent() ? idempotencyKey(ctx) : null;
    if (key == null) {
      Object result = route.action().handle(call);
      if (route.auth() == ADMIN && route.method().equals("GET")) {
        // Operators' reads are accountable: who read which request, account or audit page.
        dc.audit().adminRead(route.method() + " " + route.path(), ctx.pathParamMap().values().stream().findFirst().orElse(null));
      }
      if (result != null) {
        ctx.status(route.status()).contentType("application/json").result(json.writeValueAsBytes(result));
      }
      return;
    }
    // The replay check, the action and the record of its response are one transaction (the action's
    // writes join it), and (user, key) is the table's primary key: concurrent retries with one key
    // are serialised by the store and all but the first replay the first's response.
    String userId = session.userId();
    String operation = route.method() + " " + ctx.path();
    Idempotency.Stored answer = dc.database().write(tx -> {
      var stored = dc.idempotency().find(userId, key);
      if (stored.isPresent()) {
        if (!stored.get().operation().equals(operation)) {
          throw new ApiException(409, "Idempotency-Key", "Idempotency-Key: already used for " + stored.get().operation());
        }
        return stored.get();
      }
      Object result;
      try {
        result = route.action().handle(call);
        String body = json.writeValueAsString(result);
        dc.idempotency().save(userId, key, operation, route.status(), body);
        return new Idempotency.Stored(null, route.status(), body);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    if (answer.operation() != null) {
      ctx.header("Idempotent-Replayed", "true");
    }
    ctx.status(answer.status()).contentType("application/json").result(answer.body().getBytes(StandardCharsets.UTF_8));
  }

  private static String idempotencyKey(Context ctx) {
    String key = ctx.header("Idempotency-Key");
    if (key == null) {
      return null;
    }
    if (key.isEmpty() || key.length() > 100 || !key.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
      throw ApiException.badRequest("Idempotency-Key", "must have 1 to 100 visible ASCII characters");
    }
    return key;
  }

  private Session authenticate(Route.Auth auth, Context ctx) {
    if (auth == PUBLIC) {
      return null;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith("Bearer ") || header.length() < 8) {
      throw new ApiException(401, null, "missing bearer token (Authorization: Bearer ...)");
    }
    String token = header.substring(7).strip();
    byte[] hash = Secrets.hash(token).getBytes(StandardCharsets.US_ASCII);
    boolean admin = config.adminTokenHash() != null
        && java.security.MessageDigest.isEqual(hash, config.adminTokenHash().getBytes(StandardCharsets.US_ASCII));
    boolean ingest = java.security.MessageDigest.isEqual(hash, config.ingestTokenHash().getBytes(StandardCharsets.US_ASCII));
    Session user = admin || ingest ? null : dc.accounts().authenticate(token).orElse(null);
    boolean allowed = switch (auth) {
      case ADMIN -> admin;
      case INGEST -> ingest;
      case USER -> user != null;
      case PUBLIC -> true;
    };
    if (allowed) {
      return user;
    }
    if (admin || ingest || user != null) {
      throw new ApiException(403, null, "this token may not use " + auth.name().toLowerCase(java.util.Locale.ROOT) + " routes");
    }
    throw new ApiException(401, null, "unknown, expired or revoked bearer token");
  }

  /** The query fields of every list route. */
  private static final List<Route.Field> PAGE = List.of(
      new Route.Field("limit", "integer", false, "1 to 1000, default 100"),
      new Route.Field("cursor", "string", false, "next_cursor of the previous page"),
      new Route.Field("q", "string", false, "only items containing this text (case-insensitive)"));

  private static List<Route.Field> plus(List<Route.Field> fields, Route.Field... more) {
    List<Route.Field> all = new ArrayList<>(fields);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }

  private static final List<String> STATUSES = List.of("awaiting_verification", "in_progress", "completed", "rejected", "cancelled");

  private static String status(Call c) {
    String s = c.query("status");
    if (s != null && !STATUSES.contains(s)) {
      throw ApiException.badRequest("status", "must be one of " + String.join(", ", STATUSES));
    }
    return s;
  }

  private static RequestKind kind(Call c) {
    String k = c.query("kind");
    if (k == null) {
      return null;
    }
    RequestKind kind = RequestKind.ofKey(k);
    if (kind == null) {
      throw ApiException.badRequest("kind", "must be one of access, delete, do_not_train, remove_from_outputs, correction");
    }
    return kind;
  }

  private static Route.Field f(String name, String type, boolean required, String description) {
    return new Route.Field(name, type, required, description);
  }

  private static Route route(String method, String path, Route.Auth auth, int status, String summary, Route.Action action) {
    return Route.of(method, path, auth, status, summary, action);
  }

  private static Route with(Route r, List<Route.Field> body, List<Route.Field> query, boolean idempotent) {
    return r.with(body, query, idempotent);
  }


  /** The success body of every built-in route, by "METHOD path" (the OpenAPI test checks each against real answers). */
  private static Map<String, Map<String, Object>> responses() {
    Map<String, Object> s = Schema.STRING;
    Map<String, Object> n = Schema.INTEGER;
    Map<String, Map<String, Object>> r = new java.util.HashMap<>();
    r.put("GET /health", Schema.object("status", s, "engine", Schema.oneOf("sqlite", "postgresql")));
    r.put("POST /ingest/users", Schema.object("user", Views.USER, "token", s, "note", s));
    r.put("POST /ingest/users/{userId}/tokens", Schema.object("token", s));
    r.put("POST /ingest/conversations", Views.CONVERSATION);
    r.put("POST /ingest/conversations/{conversationId}/messages", Views.MESSAGE);
    r.put("POST /ingest/memories", Views.MEMORY);
    r.put("GET /ingest/users/{userId}/memories", Schema.object("memories", Schema.array(Views.MEMORY)));
    r.put("GET /ingest/suppression-list", Schema.object("watermark", n, "entries", Schema.array(Views.SUPPRESSION)));
    r.put("GET /me", Views.USER);
    r.put("DELETE /me", Views.ACCOUNT_DELETION);
    r.put("POST /me/confirmations", Views.CONFIRMATION);
    r.put("GET /me/sessions", Schema.page("sessions", Views.SESSION));
    r.put("POST /me/sign-out", Schema.object("revoked", s));
    r.put("DELETE /me/sessions", Schema.object("revoked", n));
    r.put("DELETE /me/sessions/{sessionId}", Schema.object("revoked", s));
    r.put("GET /me/settings", Views.SETTINGS);
    r.put("PATCH /me/settings", Views.SETTINGS);
    r.put("GET /me/settings/history", Schema.page("history", Views.SETTING_CHANGE));
    r.put("GET /me/conversations", Schema.page("conversations", Views.CONVERSATION));
    r.put("POST /me/conversations", Views.CONVERSATION);
    r.put("DELETE /me/conversations", Schema.object("deleted", Schema.array(Views.DELETION), "note", s));
    r.put("GET /me/conversations/{conversationId}", Views.CONVERSATION_WITH_MESSAGES);
    r.put("DELETE /me/conversations/{conversationId}", Views.DELETION);
    r.put("POST /me/conversations/archive-all", Schema.object("archived", n));
    r.put("PATCH /me/conversations/{conversationId}", Views.CONVERSATION);
    r.put("PUT /me/conversations/{conversationId}/archive", Views.CONVERSATION);
    r.put("DELETE /me/conversations/{conversationId}/archive", Views.CONVERSATION);
    r.put("GET /me/memories", Schema.extend(Schema.page("memories", Views.MEMORY), "memories_enabled", Schema.BOOLEAN));
    r.put("POST /me/memories", Views.MEMORY);
    r.put("DELETE /me/memories", Schema.object("deleted", n));
    r.put("PATCH /me/memories/{memoryId}", Views.MEMORY);
    r.put("DELETE /me/memories/{memoryId}", Schema.object("deleted", s));
    r.put("POST /me/exports", Views.EXPORT);
    r.put("GET /me/exports", Schema.page("exports", Views.EXPORT));
    r.put("GET /me/exports/{exportId}", Views.EXPORT);
    r.put("GET /me/exports/{exportId}/download", Schema.ZIP);
    r.put("POST /me/requests", Views.REQUEST);
    r.put("GET /me/requests", Schema.page("requests", Views.REQUEST));
    r.put("POST /me/requests/{requestId}/resend", Views.REQUEST);
    r.put("GET /me/notices", Schema.page("notices", Views.NOTICE));
    r.put("POST /me/notices/read", Schema.object("marked", n));
    r.put("GET /me/requests/{requestId}", Views.REQUEST_WITH_TRAIL);
    r.put("POST /me/requests/{requestId}/verify", Views.REQUEST);
    r.put("GET /admin/requests", Schema.page("requests", Views.REQUEST));
    r.put("GET /admin/dashboard", Views.DASHBOARD);
    r.put("GET /admin/users/{user}", Views.USER_SUMMARY);
    r.put("POST /admin/requests/{requestId}/approve", Views.REQUEST);
    r.put("POST /admin/requests/{requestId}/complete", Views.REQUEST);
    r.put("GET /admin/requests/{requestId}", Views.REQUEST_WITH_TRAIL);
    r.put("POST /admin/requests/{requestId}/reject", Views.REQUEST);
    r.put("GET /admin/audit", Schema.page("entries", Views.AUDIT));
    r.put("GET /admin/retention", Views.RETENTION);
    r.put("POST /admin/retention/run", Views.RETENTION_REPORT);
    return r;
  }

  private List<Route> routes() {
    List<Route> t = new ArrayList<>();
    t.add(route("GET", "/health", PUBLIC, 200, "Liveness: the service and its database answer.",
        c -> Views.obj("status", "ok", "engine", dc.database().engine().name().toLowerCase())));

    // Ingest: the chat product records users, conversations, messages and memories.
    t.add(with(route("POST", API + "/ingest/users", INGEST, 201,
        "Register a user; returns their first bearer token (shown once). " + Views.FRESH_ACCOUNT_NOTE, c -> {
          Body b = c.body();
          Registration r = dc.accounts().register(b.requiredString("email"), b.string("display_name"),
              b.bool("improve_model"), b.bool("memories_enabled"));
          return Views.obj("user", Views.user(r.user()), "token", r.token(), "note", Views.FRESH_ACCOUNT_NOTE);
        }), List.of(f("email", "string", true, "unique among live accounts"), f("display_name", "string", false, null),
            f("improve_model", "boolean", false, "initial setting, default true"),
            f("memories_enabled", "boolean", false, "initial setting, default true")), List.of(), false));
    t.add(route("POST", API + "/ingest/users/{userId}/tokens", INGEST, 201, "Issue another bearer token for a user (a new sign-in).",
        c -> Views.obj("token", dc.accounts().issueToken(c.path("userId")))));
    t.add(with(route("POST", API + "/ingest/conversations", INGEST, 201,
        "Record that a conversation started. Training eligibility is fixed now from the user's setting; temporary chats are never eligible.",
        c -> {
          Body b = c.body();
          return Views.conversation(dc.conversations().start(Actors.INGEST, b.requiredString("user_id"), b.string("title"),
              Boolean.TRUE.equals(b.bool("temporary"))));
        }), List.of(f("user_id", "string", true, null), f("title", "string", false, null),
            f("temporary", "boolean", false, "a temporary chat: not in history, never trained on, no memories, purged after 30 days")),
        List.of(), false));
    t.add(with(route("POST", API + "/ingest/conversations/{conversationId}/messages", INGEST, 201, "Record a message.",
        c -> {
          Body b = c.body();
          return Views.message(dc.conversations().addMessage(Actors.INGEST, c.path("conversationId"), b.requiredString("role"),
              b.requiredString("text")));
        }), List.of(f("role", "string", true, "user, assistant, system or tool"), f("text", "string", true, null)), List.of(), false));
    t.add(with(route("POST", API + "/ingest/memories", INGEST, 201,
        "Save a memory. 409 when the user has memories off or the conversation is a temporary chat.", c -> {
          Body b = c.body();
          return Views.memory(dc.memories().save(Actors.INGEST, b.requiredString("user_id"), b.string("conversation_id"),
              b.requiredString("text")));
        }), List.of(f("user_id", "string", true, null), f("conversation_id", "string", false, "source conversation"),
            f("text", "string", true, null)), List.of(), false));
    t.add(with(route("GET", API + "/ingest/users/{userId}/memories", INGEST, 200,
        "Memories the assistant may use: none when memories are off; 409 for a temporary chat.",
        c -> Views.obj("memories", Views.list(dc.memories().forChat(c.path("userId"), c.query("conversation_id")), Views::memory))),
        List.of(), List.of(f("conversation_id", "string", false, "the conversation asking")), false));
    t.add(route("GET", API + "/ingest/suppression-list", INGEST, 200,
        "Strings users asked to keep out of model outputs, for the Privacy Filter.", c -> {
          try (TrainingView view = dc.training().open(); Stream<dev.lethe.platform.training.SuppressionEntry> s = view.suppressionList()) {
            return Views.obj("watermark", view.watermark(), "entries", s.map(Views::suppression).toList());
          }
        }));

    // User: a user's own data.
    t.add(route("GET", API + "/me", USER, 200, "Your profile and settings.", c -> Views.user(dc.accounts().get(c.userId))));
    t.add(with(route("DELETE", API + "/me", USER, 200,
        "Delete your account (needs the code emailed by POST /api/v1/me/confirmations): tokens, memories and exports go now,"
            + " conversations are hidden now and purged within 30 days. " + Views.ACCOUNT_DELETED_NOTE,
        c -> Views.accountDeletion(dc.accounts().delete(Actors.user(c.userId), c.userId, c.body().string("code")))),
        List.of(f("code", "string", true, "the re-confirmation code emailed for delete_account")), List.of(), true));
    t.add(with(route("POST", API + "/me/confirmations", USER, 201,
        "Email a one-time code (valid 30 minutes) that confirms deleting your account or exporting your data; asking again"
            + " replaces the earlier code.", c -> {
          String action = c.body().requiredString("action");
          Confirmations.Action a = Confirmations.Action.ofKey(action);
          if (a == null) {
            throw ApiException.badRequest("action", "must be delete_account or export");
          }
          return Views.confirmation(dc.confirmations().send(c.userId, a));
        }), List.of(f("action", "string", true, "delete_account or export")), List.of(), false));
    t.add(with(route("GET", API + "/me/sessions", USER, 200, "Your signed-in sessions (bearer tokens that still work), newest first.",
        c -> Views.page("sessions", dc.accounts().sessions(c.userId, c.page()), s -> Views.session(s, c.session))),
        List.of(), PAGE, false));
    t.add(route("POST", API + "/me/sign-out", USER, 200, "Sign out: this bearer token stops working now.", c -> {
      dc.accounts().revoke(Actors.user(c.userId), c.userId, c.session.tokenId());
      return Views.obj("revoked", c.session.tokenId());
    }));
    t.add(route("DELETE", API + "/me/sessions", USER, 200, "Sign out everywhere: every bearer token of yours stops working now.",
        c -> Views.obj("revoked", dc.accounts().revokeAll(Actors.user(c.userId), c.userId))));
    t.add(route("DELETE", API + "/me/sessions/{sessionId}", USER, 200, "Sign out one session (revoke its token).", c -> {
      dc.accounts().revoke(Actors.user(c.userId), c.userId, c.path("sessionId"));
      return Views.obj("revoked", c.path("sessionId"));
    }));
    t.add(route("GET", API + "/me/settings", USER, 200, "Your settings.",
        c -> Views.settings(dc.accounts().get(c.userId).settings())));
    t.add(with(route("PATCH", API + "/me/settings", USER, 200,
        "Change settings. improve_model applies to conversations started afterwards only; earlier ones keep their eligibility.",
        c -> {
          Body b = c.body();
          return Views.settings(dc.accounts().updateSettings(Actors.user(c.userId), c.userId, b.bool("improve_model"), b.bool("memories_enabled")));
        }), List.of(f("improve_model", "boolean", false, "Improve the model for everyone"),
            f("memories_enabled", "boolean", false, "save and use memories")), List.of(), false));
    t.add(with(route("GET", API + "/me/settings/history", USER, 200, "Every value your settings ever had, oldest first.",
        c -> Views.page("history", dc.accounts().settingsHistory(c.userId, c.page()), Views::settingChange)), List.of(), PAGE, false));
    t.add(with(route("GET", API + "/me/conversations", USER, 200,
        "Your history, newest first (temporary chats are not listed); q matches titles and message text.",
        c -> Views.page("conversations", dc.conversations().history(c.userId, Boolean.TRUE.equals(c.queryBool("archived")), c.page()),
            Views::conversation)), List.of(), plus(PAGE, f("archived", "boolean", false, "list archived ones instead")), false));
    t.add(with(route("POST", API + "/me/conversations", USER, 201, "Start a conversation or a temporary chat.", c -> {
      Body b = c.body();
      return Views.conversation(dc.conversations().start(Actors.user(c.userId), c.userId, b.string("title"),
          Boolean.TRUE.equals(b.bool("temporary"))));
    }), List.of(f("title", "string", false, null), f("temporary", "boolean", false, null)), List.of(), false));
    t.add(with(route("DELETE", API + "/me/conversations", USER, 200, "Delete all your conversations. " + Views.MEMORIES_KEPT_NOTE,
        c -> Views.obj("deleted", Views.list(dc.conversations().deleteAll(Actors.user(c.userId), c.userId), Views::deletion),
            "note", Views.MEMORIES_KEPT_NOTE)), List.of(), List.of(), true));
    t.add(route("GET", API + "/me/conversations/{conversationId}", USER, 200, "One of your conversations with its messages.", c -> {
      var d = dc.conversations().get(c.userId, c.path("conversationId"));
      Map<String, Object> out = Views.conversation(d.conversation());
      out.put("messages", Views.list(d.messages(), Views::message));
      return out;
    }));
    t.add(with(route("DELETE", API + "/me/conversations/{conversationId}", USER, 200,
        "Delete a conversation: hidden now, purged within 30 days. " + Views.MEMORIES_KEPT_NOTE,
        c -> Views.deletion(dc.conversations().delete(Actors.user(c.userId), c.userId, c.path("conversationId")))),
        List.of(), List.of(), true));
    t.add(route("POST", API + "/me/conversations/archive-all", USER, 200, "Archive every conversation in your history.",
        c -> Views.obj("archived", dc.conversations().archiveAll(Actors.user(c.userId), c.userId))));
    t.add(with(route("PATCH", API + "/me/conversations/{conversationId}", USER, 200, "Rename a conversation (null or empty: untitled).",
        c -> Views.conversation(dc.conversations().rename(Actors.user(c.userId), c.userId, c.path("conversationId"),
            c.body().string("title")))), List.of(f("title", "string", true, "the new title, up to 200 characters")), List.of(), false));
    t.add(route("PUT", API + "/me/conversations/{conversationId}/archive", USER, 200,
        "Archive: out of the default history; not a deletion (still yours, still eligible as before).",
        c -> Views.conversation(dc.conversations().archive(Actors.user(c.userId), c.userId, c.path("conversationId"), true))));
    t.add(route("DELETE", API + "/me/conversations/{conversationId}/archive", USER, 200, "Unarchive.",
        c -> Views.conversation(dc.conversations().archive(Actors.user(c.userId), c.userId, c.path("conversationId"), false))));
    t.add(with(route("GET", API + "/me/memories", USER, 200,
        "Your memories, newest first (listed even when memories are off, so you can manage them); q matches the text.", c -> {
          Map<String, Object> out = Views.obj("memories_enabled", dc.accounts().get(c.userId).settings().memoriesEnabled());
          out.putAll(Views.page("memories", dc.memories().list(c.userId, c.page()), Views::memory));
          return out;
        }), List.of(), PAGE, false));
    t.add(with(route("POST", API + "/me/memories", USER, 201,
        "Add a memory yourself. 409 when memories are off. Training eligibility follows your setting now.",
        c -> Views.memory(dc.memories().save(Actors.user(c.userId), c.userId, null, c.body().requiredString("text")))),
        List.of(f("text", "string", true, "1 to 2,000 characters")), List.of(), false));
    t.add(with(route("DELETE", API + "/me/memories", USER, 200, "Delete all your memories, for good, now.",
        c -> Views.obj("deleted", dc.memories().deleteAll(Actors.user(c.userId), c.userId))), List.of(), List.of(), true));
    t.add(with(route("PATCH", API + "/me/memories/{memoryId}", USER, 200,
        "Edit a memory (saving it again: training eligibility follows your setting now).",
        c -> Views.memory(dc.memories().update(Actors.user(c.userId), c.userId, c.path("memoryId"), c.body().requiredString("text")))),
        List.of(f("text", "string", true, null)), List.of(), false));
    t.add(with(route("DELETE", API + "/me/memories/{memoryId}", USER, 200, "Delete one memory, for good, now.", c -> {
      dc.memories().delete(Actors.user(c.userId), c.userId, c.path("memoryId"));
      return Views.obj("deleted", c.path("memoryId"));
    }), List.of(), List.of(), true));
    t.add(with(route("POST", API + "/me/exports", USER, 202,
        "Ask for a ZIP of all your data (needs the code emailed by POST /api/v1/me/confirmations); built in the background."
            + " The download link works for you only, for 24 hours.",
        c -> Views.export(dc.exports().request(Actors.user(c.userId), c.userId, c.body().string("code")))),
        List.of(f("code", "string", true, "the re-confirmation code emailed for export")), List.of(), true));
    t.add(with(route("GET", API + "/me/exports", USER, 200, "Your exports, newest first (q matches the status).",
        c -> Views.page("exports", dc.exports().list(c.userId, c.page()), Views::export)), List.of(), PAGE, false));
    t.add(route("GET", API + "/me/exports/{exportId}", USER, 200, "An export's status.",
        c -> Views.export(dc.exports().get(c.userId, c.path("exportId")))));
    t.add(route("GET", API + "/me/exports/{exportId}/download", USER, 200,
        "Download a ready export (application/zip). 409 while building, 410 after the link expired.", c -> {
          Path file = dc.exports().download(c.userId, c.path("exportId"));
          c.http.contentType("application/zip")
              .header("Content-Disposition", "attachment; filename=\"lethe-export-" + c.path("exportId") + ".zip\"")
              .result(Files.newInputStream(file));  // streamed; Javalin closes it
          return null;
        }));
    t.add(with(route("POST", API + "/me/requests", USER, 201,
        "File a privacy request (access, delete, do_not_train, remove_from_outputs). A code goes to your email; nothing happens"
            + " until you verify it. Due within one month. 409 with existing_request_id if the same request is open.",
        c -> {
          Body b = c.body();
          String kindName = b.requiredString("kind");
          RequestKind kind = RequestKind.ofKey(kindName);
          if (kind == null) {
            throw ApiException.badRequest("kind", "must be one of access, delete, do_not_train, remove_from_outputs, correction");
          }
          return Views.request(dc.requests().create(c.userId, kind, b.strings("strings"), b.string("details")));
        }), List.of(f("kind", "string", true, "access, delete, do_not_train, remove_from_outputs or correction"),
            f("strings", "array", false, "remove_from_outputs only: the strings to keep out of model outputs"),
            f("details", "string", false, "correction only: what is wrong and what it should be")), List.of(), true));
    t.add(with(route("GET", API + "/me/requests", USER, 200, "Your privacy requests, newest first; q matches kind or status.",
        c -> Views.page("requests", dc.requests().list(c.userId, c.page()), Views::request)), List.of(), PAGE, false));
    t.add(route("POST", API + "/me/requests/{requestId}/resend", USER, 200,
        "Send a new identity-check code for a request awaiting verification (at most 3 times).",
        c -> Views.request(dc.requests().resendCode(c.userId, c.path("requestId")))));
    t.add(with(route("GET", API + "/me/notices", USER, 200, "What happened to your data: exports ready, requests completed or closed.",
        c -> Views.page("notices", dc.notices().list(c.userId, c.page()), Views::notice)), List.of(), PAGE, false));
    t.add(route("POST", API + "/me/notices/read", USER, 200, "Mark all your notices read.",
        c -> Views.obj("marked", dc.notices().markRead(c.userId))));
    t.add(route("GET", API + "/me/requests/{requestId}", USER, 200, "A privacy request with its audit trail.",
        c -> Views.requestWithTrail(dc.requests().get(c.userId, c.path("requestId")))));
    t.add(with(route("POST", API + "/me/requests/{requestId}/verify", USER, 200,
        "Confirm a request with the emailed code; the request is then carried out.",
        c -> Views.request(dc.requests().verify(c.userId, c.path("requestId"), c.body().requiredString("code")))),
        List.of(f("code", "string", true, "the code from the email")), List.of(), false));

    // Admin: operators.
    t.add(with(route("GET", API + "/admin/requests", ADMIN, 200,
        "The request queue, earliest due first (default: open ones); q matches the request id or the account's email.",
        c -> Views.page("requests", dc.requests().search(status(c), kind(c), c.query("user_id"), c.page()), Views::request)),
        List.of(), plus(PAGE, f("status", "string", false, "awaiting_verification, in_progress, completed, rejected, cancelled"),
            f("kind", "string", false, "access, delete, do_not_train, remove_from_outputs, correction"),
            f("user_id", "string", false, null)), false));
    t.add(with(route("GET", API + "/admin/dashboard", ADMIN, 200,
        "Due dates at a glance: open, overdue and due-this-week counts, and the earliest due open requests (overdue first).",
        c -> Views.dashboard(dc.requests().dashboard((int) c.queryLong("limit", 50, 1, Page.MAX_LIMIT)))),
        List.of(), List.of(f("limit", "integer", false, "how many requests to list, 1 to 1000, default 50")), false));
    t.add(route("GET", API + "/admin/users/{user}", ADMIN, 200,
        "Look up an account by id or email: dates, settings and counts, no content (the read is audited).",
        c -> Views.userSummary(dc.accounts().lookup(c.path("user")))));
    t.add(with(route("POST", API + "/admin/requests/{requestId}/approve", ADMIN, 200,
        "Approve a verified correction request, with a reason the user is told.",
        c -> Views.request(dc.requests().approve(c.path("requestId"), c.body().requiredString("reason")))),
        List.of(f("reason", "string", true, null)), List.of(), false));
    t.add(with(route("POST", API + "/admin/requests/{requestId}/complete", ADMIN, 200,
        "Record that a correction request was carried out, saying what was done.",
        c -> Views.request(dc.requests().complete(c.path("requestId"), c.body().requiredString("reason")))),
        List.of(f("reason", "string", true, null)), List.of(), false));
    t.add(route("GET", API + "/admin/requests/{requestId}", ADMIN, 200, "Any request with its audit trail.",
        c -> Views.requestWithTrail(dc.requests().getForAdmin(c.path("requestId")))));
    t.add(with(route("POST", API + "/admin/requests/{requestId}/reject", ADMIN, 200, "Close an open request without acting on it.",
        c -> Views.request(dc.requests().reject(c.path("requestId"), c.body().requiredString("reason")))),
        List.of(f("reason", "string", true, null)), List.of(), false));
    t.add(with(route("GET", API + "/admin/audit", ADMIN, 200, "The append-only audit log (no content), oldest first.",
        c -> Views.page("entries", dc.audit().list(c.queryLong("after_seq", 0, 0, Long.MAX_VALUE),
            new Page.Request((int) c.queryLong("limit", 100, 1, Page.MAX_LIMIT), c.query("cursor"), null),
            c.query("user_id"), c.query("subject_id"), c.query("action")), Views::audit)),
        List.of(), List.of(f("after_seq", "integer", false, "entries of transactions after this seq (a change-feed watermark)"),
            f("limit", "integer", false, "1 to 1000, default 100"), f("cursor", "string", false, "next_cursor of the previous page"),
            f("user_id", "string", false, null), f("subject_id", "string", false, null),
            f("action", "string", false, "e.g. request.completed")), false));
    t.add(route("GET", API + "/admin/retention", ADMIN, 200, "What the retention job has due, and when it last ran.",
        c -> Views.retention(dc.retention().status())));
    t.add(route("POST", API + "/admin/retention/run", ADMIN, 200, "Run the retention job now.",
        c -> Views.retentionReport(dc.retention().run())));
    Map<String, Map<String, Object>> responses = responses();
    return t.stream().map(r -> {
      Map<String, Object> schema = responses.get(r.method() + " " + r.path().replaceFirst("^" + API, ""));
      if (schema == null) {
        throw new IllegalStateException("no response schema for " + r.method() + " " + r.path());
      }
      return r.responds(schema);
    }).toList();
  }
}
