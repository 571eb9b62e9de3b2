package dev.lethe.platform.controls;

import dev.lethe.platform.store.Database;
import dev.lethe.platform.store.Sql;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/** What the services share. */
record Context(
    Database db, Ids ids, RetentionPolicy policy, Notifier notifier, Path exportFolder, Executor exportExecutor) {

  /** The live (not deleted) user, or NOT_FOUND. */
  User liveUser(Sql sql, String userId) {
    return sql.one(
            "SELECT id, email, display_name, created_at, improve_model, memories_enabled FROM users"
                + " WHERE id = ? AND deleted_at IS NULL",
            rs -> new User(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                Sql.instant(rs, "created_at"),
                new Settings(Sql.flag(rs, "improve_model"), Sql.flag(rs, "memories_enabled"))),
            userId)
        .orElseThrow(() -> ControlsException.notFound("user"));
  }

  Path exportFile(String exportId) {
    return exportFolder.resolve(exportId + ".zip");
  }

  /** Deletes an export's file if it is there. */
  void deleteExportFile(String exportId) {
    try {
      java.nio.file.Files.deleteIfExists(exportFile(exportId));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot delete the export file of " + exportId, e);
    }
  }
}
