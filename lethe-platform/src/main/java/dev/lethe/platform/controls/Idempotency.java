package dev.lethe.platform.controls;

import java.util.Optional;

/**
 * Stored responses of requests sent with an {@code Idempotency-Key}, per user: a retried delete or
 * privacy request returns the first response instead of acting twice. Bodies hold ids and statuses,
 * never content; they go with the account.
 */
public final class Idempotency {
  /** A response recorded for a key. */
  public record Stored(String operation, int status, String body) {}

  private final Context ctx;

  Idempotency(Context ctx) {
    this.ctx = ctx;
  }

  public Optional<Stored> find(String userId, String key) {
    return ctx.db().read(sql -> sql.one(
        "SELECT operation, status, body FROM idempotency_keys WHERE user_id = ? AND idem_key = ?",
        rs -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)), userId, key));
  }

  /** Records the response unless the key is already recorded, or the account is gone. */
  public void save(String userId, String key, String operation, int status, String body) {
    ctx.db().write(tx -> {
      boolean live = tx.count("SELECT COUNT(*) FROM users WHERE id = ? AND deleted_at IS NULL", userId) > 0;
      if (live && tx.count("SELECT COUNT(*) FROM idempotency_keys WHERE user_id = ? AND idem_key = ?", userId, key) == 0) {
        tx.update("INSERT INTO idempotency_keys (user_id, idem_key, operation, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            userId, key, operation, status, body, tx.now());
      }
      return null;
    });
  }
}
