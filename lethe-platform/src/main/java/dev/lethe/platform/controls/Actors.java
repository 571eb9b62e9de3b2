package dev.lethe.platform.controls;

/** Who acts, as written to the audit log. */
public final class Actors {
  private Actors() {}

  /** The chat product, through the ingest endpoints. */
  public static final String INGEST = "ingest";
  /** An operator, through the admin endpoints. */
  public static final String ADMIN = "admin";
  /** The retention job. */
  public static final String RETENTION = "retention";
  /** The service itself, e.g. finishing an export in the background. */
  public static final String SYSTEM = "system";

  /** The user acting on their own data. */
  public static String user(String userId) {
    return "user:" + userId;
  }
}
