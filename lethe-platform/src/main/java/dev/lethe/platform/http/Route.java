package dev.lethe.platform.http;

import java.util.List;

/**
 * One API route: what the server registers and what the OpenAPI document describes, from the same
 * definition so the two cannot drift apart.
 */
record Route(
    String method,
    String path,
    Auth auth,
    int status,
    String summary,
    List<Field> body,
    List<Field> query,
    boolean idempotent,
    Action action) {

  /** Who may call a route. */
  enum Auth {
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
  record Field(String name, String type, boolean required, String description) {}

  /** Handles a call; returns the JSON body to send with {@link #status}, or null if it answered itself. */
  @FunctionalInterface
  interface Action {
    Object handle(Call call) throws Exception;
  }
}
