package dev.lethe.platform.store;

/** The database engines the store runs on. Both run the same migrations except for one trigger. */
public enum Engine {
  /** Embedded SQLite in WAL mode: the default, one file in the workspace. */
  SQLITE("sqlite"),
  /** A PostgreSQL server reached through a JDBC URL. */
  POSTGRESQL("postgresql");

  private final String migrationFolder;

  Engine(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /** The Flyway location holding this engine's own migrations, beside {@code db/migration/common}. */
  String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }
}
