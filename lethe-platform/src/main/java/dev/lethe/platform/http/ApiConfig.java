package dev.lethe.platform.http;

/**
 * How the HTTP API listens and which service tokens it accepts. Tokens are hashed on construction
 * and the plain values are not kept; {@link #toString()} never shows them.
 *
 * @param host address to bind, e.g. 127.0.0.1 (0.0.0.0 for all interfaces)
 * @param port TCP port; 0 picks a free one
 * @param adminTokenHash hash of the operators' token, or null: admin routes are then closed to everyone
 */
public record ApiConfig(String host, int port, String adminTokenHash, String ingestTokenHash) {

  /**
   * A configuration from the plain admin and ingest tokens (each at least 32 characters, and
   * different: one leaked service token must not also open the other kind's routes). A null admin
   * token closes the admin routes.
   */
  public static ApiConfig of(String host, int port, String adminToken, String ingestToken) {
    if (adminToken != null && adminToken.equals(ingestToken)) {
      throw new IllegalArgumentException("the admin token must differ from the ingest token");
    }
    return new ApiConfig(host, port, adminToken == null ? null : hashOf("admin token", adminToken),
        hashOf("ingest token", ingestToken));
  }

  private static String hashOf(String what, String token) {
    if (token == null || token.length() < 32) {
      throw new IllegalArgumentException(what + " must have at least 32 characters");
    }
    return dev.lethe.platform.controls.Secrets.hash(token);
  }

  @Override
  public String toString() {
    return "ApiConfig[host=" + host + ", port=" + port + "]";
  }
}
