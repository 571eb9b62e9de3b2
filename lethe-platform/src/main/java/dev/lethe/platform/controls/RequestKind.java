package dev.lethe.platform.controls;

/** The privacy requests a user can make. */
public enum RequestKind {
  /** A copy of all their data (answered with an export). */
  ACCESS("access"),
  /** Erase the account and everything in it. */
  DELETE("delete"),
  /** Never train on any of their data, including what was eligible before. */
  DO_NOT_TRAIN("do_not_train"),
  /** Keep the given strings out of model outputs: they join the suppression list. */
  REMOVE_FROM_OUTPUTS("remove_from_outputs"),
  /**
   * Correct data that is wrong (GDPR art. 16): the user says what in {@code details}; after the
   * identity check an operator approves and completes it, or rejects it, with a reason.
   */
  CORRECTION("correction");

  private final String key;

  RequestKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The kind named {@code key}, or null. */
  public static RequestKind ofKey(String key) {
    for (RequestKind k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    return null;
  }
}
