package dev.lethe.platform.controls;

import java.util.Map;

/**
 * A request the rules refuse. {@link Reason} maps one-to-one to an HTTP status; {@link #field()}
 * names the offending input field for {@link Reason#INVALID}. Messages never contain content.
 */
public final class ControlsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Reason {
    /** Malformed input (400); {@link #field()} names the field. */
    INVALID,
    /** No such thing for this caller (404): also what another user's data looks like. */
    NOT_FOUND,
    /** The thing exists but the rules forbid this action on it now (409). */
    CONFLICT,
    /** It existed but is no longer available, such as an expired export link (410). */
    GONE
  }

  private final Reason reason;
  private final String field;
  private final transient Map<String, Object> details;

  private ControlsException(Reason reason, String field, String message, Map<String, Object> details) {
    super(message);
    this.reason = reason;
    this.field = field;
    this.details = Map.copyOf(details);
  }

  public static ControlsException invalid(String field, String message) {
    return new ControlsException(Reason.INVALID, field, field + ": " + message, Map.of());
  }

  public static ControlsException notFound(String what) {
    return new ControlsException(Reason.NOT_FOUND, null, what + " not found", Map.of());
  }

  public static ControlsException conflict(String message) {
    return new ControlsException(Reason.CONFLICT, null, message, Map.of());
  }

  public static ControlsException conflict(String message, Map<String, Object> details) {
    return new ControlsException(Reason.CONFLICT, null, message, details);
  }

  public static ControlsException gone(String message) {
    return new ControlsException(Reason.GONE, null, message, Map.of());
  }

  public Reason reason() {
    return reason;
  }

  /** The input field at fault, for {@link Reason#INVALID}; otherwise null. */
  public String field() {
    return field;
  }

  /** Extra machine-readable facts, such as the id of the request a duplicate repeats. */
  public Map<String, Object> details() {
    return details;
  }
}
