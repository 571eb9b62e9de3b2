package dev.lethe.filter.mask;

/** A sealed vault that cannot be opened; {@link #reason()} says why. */
public final class VaultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a vault cannot be opened. */
  public enum Reason {
    /** Not base64, or too short or inconsistent to be a vault. */
    MALFORMED,
    /** Written by a newer format version than this Lethe reads. */
    UNSUPPORTED_VERSION,
    /** Sealed under another {@link MaskKey}. */
    WRONG_KEY,
    /** Changed after sealing, or sealed under another key with the same key id: authentication failed. */
    TAMPERED
  }

  private final Reason reason;

  VaultException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
