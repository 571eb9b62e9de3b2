package dev.lethe.platform.controls;

import dev.lethe.platform.store.Sql;
import dev.lethe.platform.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Re-confirmation before the two actions a stolen bearer token must not be enough for: deleting the
 * account and exporting all its data. A one-time 8-digit code goes to the account's email (kept
 * only as a hash, valid 30 minutes, 5 attempts); asking again replaces the earlier code. The action
 * consumes the code in its own transaction, so a code confirms one action once.
 */
public final class Confirmations {
  /** What a code confirms. */
  public enum Action {
    DELETE_ACCOUNT("delete your account"),
    EXPORT("export all your data");

    private final String description;

    Action(String description) {
      this.description = description;
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The action with this key, or null. */
    public static Action ofKey(String key) {
      for (Action a : values()) {
        if (a.key().equals(key)) {
          return a;
        }
      }
      return null;
    }
  }

  /** A code was sent; it works until {@code expiresAt}. */
  public record Sent(Action action, Instant expiresAt) {}

  static final Duration VALID = Duration.ofMinutes(30);
  static final int ATTEMPTS = 5;

  private final Context ctx;

  Confirmations(Context ctx) {
    this.ctx = ctx;
  }

  /** Sends a fresh code for {@code action} to the user's email, replacing any earlier one. */
  public Sent send(String userId, Action action) {
    String code = Secrets.newCode(8);
    return ctx.db().write(tx -> {
      User user = ctx.liveUser(tx, userId);
      Instant expires = tx.now().plus(VALID);
      tx.update("DELETE FROM confirmations WHERE user_id = ? AND action = ?", userId, action.key());
      tx.update("INSERT INTO confirmations (user_id, action, code_hash, created_at, expires_at, attempts) VALUES (?, ?, ?, ?, ?, 0)",
          userId, action.key(), Secrets.hash(code), tx.now(), expires);
      tx.audit(Actors.user(userId), AuditActions.CONFIRMATION_SENT, userId, null, "action=" + action.key());
      tx.afterCommit(() -> ctx.notifier().send(user.email(), "Confirm: " + action.description,
          "Someone (hopefully you) asked Lethe to " + action.description + ".\n"
              + "Your code: " + code + "\n"
              + "It works once, within 30 minutes. If it was not you, ignore this message and sign out of all sessions.\n"));
      return new Sent(action, expires);
    });
  }

  /**
   * Runs {@code action} in one write transaction with checking and consuming the code: the action
   * happens only with the right code, and the code works only for an action that happened.
   */
  <T> T confirmed(String userId, Action action, String code, java.util.function.Function<Tx, T> work) {
    return ctx.db().write(tx -> {
      ctx.liveUser(tx, userId);
      consume(tx, userId, action, code);
      return work.apply(tx);
    });
  }

  /**
   * Checks and consumes the code inside the action's transaction {@code tx}. A wrong code counts an
   * attempt that is kept although the action fails; the fifth wrong one voids the code.
   */
  private void consume(Tx tx, String userId, Action action, String code) {
    if (code == null || code.isBlank()) {
      throw ControlsException.invalid("code", "is required: ask for one with POST /api/v1/me/confirmations {\"action\": \""
          + action.key() + "\"}; it is sent to your email");
    }
    Object[] row = tx.one("SELECT code_hash, expires_at, attempts FROM confirmations WHERE user_id = ? AND action = ?",
        rs -> new Object[] {rs.getString(1), Sql.instant(rs, "expires_at"), rs.getInt(3)}, userId, action.key()).orElse(null);
    if (row == null || !tx.now().isBefore((Instant) row[1])) {
      tx.update("DELETE FROM confirmations WHERE user_id = ? AND action = ?", userId, action.key());
      throw Tx.failAfterCommit(ControlsException.invalid("code", "no valid code: ask for a new one (codes work once, for 30 minutes)"));
    }
    if (!Secrets.matches(code.strip(), (String) row[0])) {
      int attempts = (int) row[2] + 1;
      tx.audit(Actors.user(userId), AuditActions.CONFIRMATION_FAILED, userId, null, "action=" + action.key() + " attempt=" + attempts);
      if (attempts >= ATTEMPTS) {
        tx.update("DELETE FROM confirmations WHERE user_id = ? AND action = ?", userId, action.key());
        throw Tx.failAfterCommit(ControlsException.invalid("code", "does not match; too many attempts, ask for a new code"));
      }
      tx.update("UPDATE confirmations SET attempts = ? WHERE user_id = ? AND action = ?", attempts, userId, action.key());
      throw Tx.failAfterCommit(ControlsException.invalid("code", "does not match; " + (ATTEMPTS - attempts) + " attempts left"));
    }
    tx.update("DELETE FROM confirmations WHERE user_id = ? AND action = ?", userId, action.key());
  }
}
