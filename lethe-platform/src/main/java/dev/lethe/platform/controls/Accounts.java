package dev.lethe.platform.controls;

import dev.lethe.platform.store.Sql;
import dev.lethe.platform.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts, bearer tokens and the per-user settings with their full history. */
public final class Accounts {
  private final Context ctx;
  private final Confirmations confirmations;

  Accounts(Context ctx, Confirmations confirmations) {
    this.ctx = ctx;
    this.confirmations = confirmations;
  }

  /**
   * Creates an account and its first token. An email held by a live account is refused; an email
   * of a deleted account gets a new account with a new id, linked to none of the old data.
   *
   * @param improveModel initial "improve the model for everyone" (null: on)
   * @param memoriesEnabled initial memories setting (null: on)
   */
  public Registration register(String email, String displayName, Boolean improveModel, Boolean memoriesEnabled) {
    String normalized = Validation.email("email", email);
    String name = Validation.optionalText("display_name", displayName, 200);
    boolean improve = improveModel == null || improveModel;
    boolean memories = memoriesEnabled == null || memoriesEnabled;
    String token = Secrets.newToken();
    User user = ctx.db().write(tx -> {
      if (tx.count("SELECT COUNT(*) FROM users WHERE email = ? AND deleted_at IS NULL", normalized) > 0) {
        throw ControlsException.conflict("email: an account with this email already exists");
      }
      String id = ctx.ids().next("usr");
      tx.update(
          "INSERT INTO users (id, email, display_name, created_at, improve_model, memories_enabled)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          id, normalized, name, tx.now(), improve, memories);
      recordSetting(tx, id, Setting.IMPROVE_MODEL, improve);
      recordSetting(tx, id, Setting.MEMORIES_ENABLED, memories);
      insertToken(tx, id, token);
      tx.audit(Actors.INGEST, AuditActions.ACCOUNT_CREATED, id, id, null);
      return new User(id, normalized, name, tx.now(), new Settings(improve, memories));
    });
    return new Registration(user, token);
  }

  /** Issues another bearer token for a live user (a new sign-in); returns it once. */
  public String issueToken(String userId) {
    String token = Secrets.newToken();
    ctx.db().write(tx -> {
      ctx.liveUser(tx, userId);
      String id = insertToken(tx, userId, token);
      tx.audit(Actors.INGEST, AuditActions.TOKEN_ISSUED, userId, id, null);
      return null;
    });
    return token;
  }

  private String insertToken(Tx tx, String userId, String token) {
    String id = ctx.ids().next("tok");
    tx.update("INSERT INTO tokens (token_hash, id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        Secrets.hash(token), id, userId, tx.now(), tx.now().plus(ctx.policy().session()));
    return id;
  }

  /** The live user a bearer token belongs to, while the token is neither expired nor revoked. */
  public Optional<Session> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return Optional.empty();
    }
    Instant now = ctx.db().clock().instant();
    return ctx.db().read(sql -> sql.one(
        "SELECT t.user_id, t.id, t.created_at, t.expires_at FROM tokens t JOIN users u ON u.id = t.user_id"
            + " WHERE t.token_hash = ? AND t.expires_at > ? AND u.deleted_at IS NULL",
        Accounts::session, Secrets.hash(token), now));
  }

  /** A page of the user's sessions (bearer tokens that still work), newest first. */
  public Page<Session> sessions(String userId, Page.Request page) {
    Instant now = ctx.db().clock().instant();
    return ctx.db().read(sql -> {
      ctx.liveUser(sql, userId);
      return page.query(sql, "SELECT user_id, id, created_at, expires_at FROM tokens WHERE user_id = ? AND expires_at > ?",
          List.of(userId, now), List.of(), Page.Order.DESC, "created_at", "id", Accounts::session);
    });
  }

  /** Revokes one of the user's sessions (signing out there): its token stops working at once. */
  public void revoke(String actor, String userId, String tokenId) {
    Validation.id("token_id", tokenId);
    ctx.db().write(tx -> {
      ctx.liveUser(tx, userId);
      if (tx.update("DELETE FROM tokens WHERE id = ? AND user_id = ?", tokenId, userId) == 0) {
        throw ControlsException.notFound("session");
      }
      tx.audit(actor, AuditActions.TOKEN_REVOKED, userId, tokenId, null);
      return null;
    });
  }

  /** Revokes every session of the user (signing out everywhere); returns how many there were. */
  public int revokeAll(String actor, String userId) {
    return ctx.db().write(tx -> {
      ctx.liveUser(tx, userId);
      int n = tx.update("DELETE FROM tokens WHERE user_id = ?", userId);
      tx.audit(actor, AuditActions.TOKEN_REVOKED, userId, null, "sessions=" + n);
      return n;
    });
  }

  private static Session session(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Session(rs.getString(1), rs.getString(2), Sql.instant(rs, 3), Sql.instant(rs, 4));
  }

  /** What an operator sees of an account: no content, only facts and counts. */
  public record Summary(String id, String email, Instant createdAt, Instant deletedAt, Instant purgedAt, Settings settings,
      int conversations, int memories, int openRequests, int sessions) {}

  /**
   * Finds an account for an operator by its id or its email (a live account's; a deleted one is found
   * by id), with counts of what it holds. The caller audits the read.
   */
  public Summary lookup(String idOrEmail) {
    Validation.id("user", idOrEmail);
    Instant now = ctx.db().clock().instant();
    return ctx.db().read(sql -> {
      String key = idOrEmail.contains("@") ? Validation.email("email", idOrEmail) : idOrEmail;
      return sql.one("SELECT id, email, created_at, deleted_at, purged_at, improve_model, memories_enabled FROM users WHERE "
              + (idOrEmail.contains("@") ? "email = ? AND deleted_at IS NULL" : "id = ?"),
          rs -> new Summary(rs.getString("id"), rs.getString("email"), Sql.instant(rs, "created_at"), Sql.instant(rs, "deleted_at"),
              Sql.instant(rs, "purged_at"), new Settings(Sql.flag(rs, "improve_model"), Sql.flag(rs, "memories_enabled")), 0, 0, 0, 0),
          key)
          .map(u -> new Summary(u.id(), u.email(), u.createdAt(), u.deletedAt(), u.purgedAt(), u.settings(),
              (int) sql.count("SELECT COUNT(*) FROM conversations WHERE user_id = ? AND deleted_at IS NULL", u.id()),
              (int) sql.count("SELECT COUNT(*) FROM memories WHERE user_id = ?", u.id()),
              (int) sql.count("SELECT COUNT(*) FROM privacy_requests WHERE user_id = ? AND status IN ('awaiting_verification', 'in_progress')", u.id()),
              (int) sql.count("SELECT COUNT(*) FROM tokens WHERE user_id = ? AND expires_at > ?", u.id(), now)))
          .orElseThrow(() -> ControlsException.notFound("user"));
    });
  }

  /** The live user, or NOT_FOUND. */
  public User get(String userId) {
    return ctx.db().read(sql -> ctx.liveUser(sql, userId));
  }

  /**
   * Changes settings; null leaves one as it is. Each actual change is appended to the history.
   * Turning "improve the model" off or on affects only conversations started afterwards.
   */
  public Settings updateSettings(String actor, String userId, Boolean improveModel, Boolean memoriesEnabled) {
    return ctx.db().write(tx -> {
      Settings current = ctx.liveUser(tx, userId).settings();
      boolean improve = improveModel == null ? current.improveModel() : improveModel;
      boolean memories = memoriesEnabled == null ? current.memoriesEnabled() : memoriesEnabled;
      if (improve != current.improveModel()) {
        changeSetting(tx, actor, userId, Setting.IMPROVE_MODEL, improve);
      }
      if (memories != current.memoriesEnabled()) {
        changeSetting(tx, actor, userId, Setting.MEMORIES_ENABLED, memories);
      }
      return new Settings(improve, memories);
    });
  }

  static void changeSetting(Tx tx, String actor, String userId, Setting setting, boolean enabled) {
    tx.update("UPDATE users SET " + setting.key() + " = ? WHERE id = ?", enabled, userId);
    recordSetting(tx, userId, setting, enabled);
    tx.audit(actor, "setting." + setting.key(), userId, null, enabled ? "on" : "off");
  }

  private static void recordSetting(Tx tx, String userId, Setting setting, boolean enabled) {
    tx.update(
        "INSERT INTO setting_changes (user_id, seq, changed_at, setting, enabled) VALUES (?, ?, ?, ?, ?)",
        userId, tx.seq(), tx.now(), setting.key(), enabled);
  }

  /** Every setting value the user ever had, oldest first, starting with the values at registration. */
  public List<SettingChange> settingsHistory(String userId) {
    return ctx.db().read(sql -> {
      ctx.liveUser(sql, userId);
      return history(sql, userId);
    });
  }

  /** A page of {@link #settingsHistory}, oldest first; the search matches the setting's name. */
  public Page<SettingChange> settingsHistory(String userId, Page.Request page) {
    return ctx.db().read(sql -> {
      ctx.liveUser(sql, userId);
      return page.query(sql, "SELECT setting, enabled, changed_at, seq FROM setting_changes WHERE user_id = ?", List.of(userId),
          List.of(Page.Request.likeOn("setting")), Page.Order.ASC, "seq", "setting", Accounts::settingChange);
    });
  }

  static List<SettingChange> history(Sql sql, String userId) {
    return sql.list(
        "SELECT setting, enabled, changed_at, seq FROM setting_changes WHERE user_id = ? ORDER BY seq, setting",
        Accounts::settingChange, userId);
  }

  private static SettingChange settingChange(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new SettingChange(Setting.ofKey(rs.getString("setting")), Sql.flag(rs, "enabled"), Sql.instant(rs, "changed_at"),
        rs.getLong("seq"));
  }

  /**
   * Deletes the account: tokens, memories, exports and idempotency records go now, conversations
   * are hidden now and purged with the rest of the account after the deletion grace period; open
   * privacy requests are cancelled. The audit trail (no content) and the suppression list stay.
   */
  public AccountDeletion delete(String actor, String userId) {
    return ctx.db().write(tx -> deleteInTx(tx, actor, userId, null));
  }

  /**
   * {@link #delete} after checking and consuming the emailed re-confirmation code (see {@link
   * Confirmations}), in one transaction: what {@code DELETE /api/v1/me} does.
   */
  public AccountDeletion delete(String actor, String userId, String confirmationCode) {
    return confirmations.confirmed(userId, Confirmations.Action.DELETE_ACCOUNT, confirmationCode,
        tx -> deleteInTx(tx, actor, userId, null));
  }

  AccountDeletion deleteInTx(Tx tx, String actor, String userId, String byRequestId) {
    List<String> exportIdsOut = new java.util.ArrayList<>();
    ctx.liveUser(tx, userId);
    Instant due = tx.now().plus(ctx.policy().deletionGrace());
    tx.update("UPDATE users SET deleted_at = ?, purge_due_at = ? WHERE id = ?", tx.now(), due, userId);
    tx.update("DELETE FROM tokens WHERE user_id = ?", userId);
    tx.update("DELETE FROM memories WHERE user_id = ?", userId);
    tx.update("DELETE FROM idempotency_keys WHERE user_id = ?", userId);
    exportIdsOut.addAll(tx.list("SELECT id FROM exports WHERE user_id = ?", rs -> rs.getString(1), userId));
    tx.update("DELETE FROM exports WHERE user_id = ?", userId);
    int hidden = tx.update(
        "UPDATE conversations SET deleted_at = ?,"
            + " purge_due_at = CASE WHEN purge_due_at IS NOT NULL AND purge_due_at < ? THEN purge_due_at ELSE ? END"
            + " WHERE user_id = ? AND deleted_at IS NULL",
        tx.now(), due, due, userId);
    List<String> open = tx.list(
        "SELECT id FROM privacy_requests WHERE user_id = ? AND status IN ('awaiting_verification', 'in_progress')",
        rs -> rs.getString(1), userId);
    for (String requestId : open) {
      if (!requestId.equals(byRequestId)) {
        tx.update(
            "UPDATE privacy_requests SET status = 'cancelled', code_hash = NULL, outcome = 'account deleted' WHERE id = ?",
            requestId);
        tx.update("DELETE FROM suppression_entries WHERE request_id = ? AND added_seq IS NULL", requestId);
        tx.audit(actor, AuditActions.REQUEST_CANCELLED, userId, requestId, "account deleted");
      }
    }
    tx.update("DELETE FROM confirmations WHERE user_id = ?", userId);
    tx.update("DELETE FROM notices WHERE user_id = ?", userId);
    tx.audit(actor, AuditActions.ACCOUNT_DELETED, userId, userId, "conversations_hidden=" + hidden);
    tx.afterCommit(() -> {
      exportIdsOut.forEach(ctx::deleteExportFile);
      ctx.db().scrubWal();
    });
    return new AccountDeletion(userId, tx.now(), due, hidden);
  }
}
