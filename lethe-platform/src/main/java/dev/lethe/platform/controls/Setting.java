package dev.lethe.platform.controls;

/** The per-user switches whose every change is kept in the settings history. */
public enum Setting {
  IMPROVE_MODEL("improve_model"),
  MEMORIES_ENABLED("memories_enabled");

  private final String key;

  Setting(String key) {
    this.key = key;
  }

  /** The name used in the database, the API and the audit log. */
  public String key() {
    return key;
  }

  public static Setting ofKey(String key) {
    for (Setting s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown setting " + key);
  }
}
