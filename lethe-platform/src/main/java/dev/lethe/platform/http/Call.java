package dev.lethe.platform.http;

import dev.lethe.platform.controls.Page;
import dev.lethe.platform.controls.Session;
import dev.lethe.platform.controls.Validation;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** One request as a route sees it: the HTTP context, the authenticated user (USER routes) and the body. */
public final class Call {
  final Context http;
  final String userId;
  final Session session;
  private final Route route;
  private Body body;

  Call(Context http, Session session, Route route) {
    this.http = http;
    this.session = session;
    this.userId = session == null ? null : session.userId();
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

  /** A path parameter; U+0000 and unpaired surrogates are a 400 naming it. */
  public String path(String name) {
    String v = http.pathParam(name);
    Validation.checkCharacters(name, v);
    return v;
  }

  /** The query parameter, or null; U+0000 and unpaired surrogates are a 400 naming it. */
  public String query(String name) {
    String v = http.queryParam(name);
    if (v != null) {
      Validation.checkCharacters(name, v);
    }
    return v;
  }

  public Body body() {
    if (body == null) {
      body = Body.parse(rawBody());
      body.only(route.body().stream().map(Route.Field::name).toList());
    }
    return body;
  }

  /**
   * The body bytes, reading at most one byte more than {@link Body#MAX_BYTES} whatever Content-Length
   * says (Jetty discards or closes on the rest).
   */
  private byte[] rawBody() {
    try (InputStream in = http.req().getInputStream()) {
      return in.readNBytes(Body.MAX_BYTES + 1);
    } catch (IOException e) {
      throw ApiException.badRequest("body", "cannot be read (connection closed or malformed chunking)");
    }
  }

  /** An integer query parameter in [min, max], or {@code fallback} when absent; anything else is a 400. */
  public long queryLong(String name, long fallback, long min, long max) {
    String v = query(name);
    if (v == null) {
      return fallback;
    }
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name, "must be an integer between " + min + " and " + max);
    }
    if (n < min || n > max) {
      throw ApiException.badRequest(name, "must be an integer between " + min + " and " + max);
    }
    return n;
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

  /** The page a list route is asked for: {@code limit} (1 to 1000, default 100), {@code cursor}, {@code q}. */
  public Page.Request page() {
    return new Page.Request((int) queryLong("limit", 100, 1, Page.MAX_LIMIT), query("cursor"), query("q"));
  }
}
