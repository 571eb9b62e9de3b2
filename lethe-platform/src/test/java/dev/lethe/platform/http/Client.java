package dev.lethe.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A small HTTP client for the API tests. */
final class Client {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  Client(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  record Response(int status, byte[] bytes, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + new String(bytes), e);
      }
    }

    @Override
    public String toString() {
      return status + " " + new String(bytes);
    }
  }

  Response call(String method, String path, String token, Object body, Map<String, String> headers) {
    try {
      String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(method, path, token, payload == null ? null : payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Sends {@code body} bytes as they are (for malformed encodings). */
  Response raw(String method, String path, String token, byte[] body) {
    return send(method, path, token, body, Map.of());
  }

  private Response send(String method, String path, String token, byte[] body, Map<String, String> headers) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      headers.forEach(b::header);
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      if (body != null) {
        b.header("Content-Type", "application/json");
      }
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response call(String method, String path, String token, Object body) {
    return call(method, path, token, body, Map.of());
  }

  Response get(String path, String token) {
    return call("GET", path, token, null);
  }
}
