package dev.lethe.platform.http;

import java.util.List;
import java.util.Map;

/**
 * One API route: what the server registers and what the OpenAPI document describes, from the same
 * definition so the two cannot drift apart; {@code response} is the JSON Schema of the success body. Modules above the platform (insights, the LLM gateway) pass
 * their own routes to {@link ApiServer#start(dev.lethe.platform.controls.DataControls, ApiConfig, List)}, so
 * they are authenticated and documented like the built-in ones.
 */
public record Route(
    String method,
    String path,
    Auth auth,
    int status,
    String summary,
    List<Field> body,
    List<Field> query,
    boolean idempotent,
    Action action,
    Map<String, Object> response) {

  /** Who may call a route. */
  public enum Auth {
    /** Anyone. */
    PUBLIC,
    /** The chat product, with the ingest service token. */
    INGEST,
    /** A user, with their own bearer token; acts only on their own data. */
    USER,
    /** An operator, with the admin token. */
    ADMIN
  }

  /** A body or query field: name, JSON type ({@code string}, {@code boolean}, {@code integer}, {@code array}), required. */
  public record Field(String name, String type, boolean required, String description) {}

  /** Handles a call; returns the JSON body to send with {@link #status}, or null if it answered itself. */
  @FunctionalInterface
  public interface Action {
    Object handle(Call call) throws Exception;
  }

  /** A route with no body or query fields and no idempotency key. */
  public static Route of(String method, String path, Auth auth, int status, String summary, Action action) {
    return new Route(method, path, auth, status, summary, List.of(), List.of(), false, action, Schema.ANY_OBJECT);
  }

  /** This route with the given body and query fields, and whether it honours an Idempotency-Key. */
  public Route with(List<Field> bodyFields, List<Field> queryFields, boolean honoursIdempotencyKey) {
    return new Route(method, path, auth, status, summary, bodyFields, queryFields, honoursIdempotencyKey, action, response);
  }

  /**
   * This route with the JSON Schema of its success body (see {@link Schema}), for the OpenAPI
   * document; without one it is documented as any object.
   */
  public Route responds(Map<String, Object> schema) {
    return new Route(method, path, auth, status, summary, body, query, idempotent, action, Map.copyOf(schema));
  }
}
