package dev.lethe.platform.store;

/** A database failure the caller cannot fix by changing its input (connection lost, disk full, bug). */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
