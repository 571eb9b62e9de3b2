package dev.lethe.platform.http;

/** An HTTP-level refusal (authentication, malformed body) with its status. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String field;

  public ApiException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(400, field, field + ": " + message);
  }
}
