package dev.lethe.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** One request as a route sees it: the HTTP context, the authenticated user (USER routes) and the body. */
public final class Call {
  final Context http;
  final String userId;
  private final ObjectMapper json;
  private final Route route;
  private Body body;

  Call(Context http, String userId, ObjectMapper json, Route route) {
    this.http = http;
    this.userId = userId;
    this.json = json;
    this.route = route;
  }

  /** The HTTP exchange, for routes that answer themselves (a download, a stream). */
  public Context http() {
    return http;
  }

  /** The authenticated user of a USER route; null on other routes. */
  public String userId() {
    return userId;
  }

  public String path(String name) {
    return http.pathParam(name);
  }

  /** The query parameter, or null. */
  public String query(String name) {
    return http.queryParam(name);
  }

  public Body body() {
    if (body == null) {
      body = Body.parse(json, http.body());
      body.only(route.body().stream().map(Route.Field::name).toList());
    }
    return body;
  }

  public long queryLong(String name, long fallback) {
    String v = query(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name, "must be an integer");
    }
  }

  public Boolean queryBool(String name) {
    String v = query(name);
    if (v == null) {
      return null;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw ApiException.badRequest(name, "must be true or false");
    }
    return Boolean.parseBoolean(v);
  }
}
