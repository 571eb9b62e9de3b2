package dev.lethe.platform.controls;

import dev.lethe.platform.store.Sql;
import dev.lethe.platform.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Privacy requests (access, delete, do-not-train, remove-from-outputs). Each is due one calendar
 * month after it is made (GDPR art. 12(3)), acts only after an identity check (a one-time code sent
 * to the account's email), refuses duplicates of an open request, and leaves an audit trail of every
 * step.
 */
public final class PrivacyRequests {
  static final int CODE_ATTEMPTS = 5;
  static final java.time.Duration CODE_VALID = java.time.Duration.ofHours(24);
  private static final String COLUMNS =
      "r.id, r.user_id, r.kind, r.status, r.created_at, r.due_at, r.verified_at, r.completed_at, r.outcome, r.details, r.approved_at,"
          + " (SELECT COUNT(*) FROM suppression_entries s WHERE s.request_id = r.id) AS strings";

  /** A request with its audit trail. */
  public record WithTrail(PrivacyRequest request, List<AuditEntry> trail) {}

  private final Context ctx;
  private final Accounts accounts;
  private final Exports exports;

  PrivacyRequests(Context ctx, Accounts accounts, Exports exports) {
    this.ctx = ctx;
    this.accounts = accounts;
    this.exports = exports;
  }

  /**
   * Files a request and sends the identity-check code to the account's email.
   *
   * @param strings for {@link RequestKind#REMOVE_FROM_OUTPUTS}: the strings to suppress (1 to 50, each
   *     2 to 500 characters); must be empty for the other kinds
   * @throws ControlsException CONFLICT with detail {@code existing_request_id} when the same request
   *     (same kind and strings) is already open
   */
  public PrivacyRequest create(String userId, RequestKind kind, List<String> strings) {
    return create(userId, kind, strings, null);
  }

  /**
   * {@link #create(String, RequestKind, List)} with the {@code details} a correction request needs
   * (what is wrong and what it should be, 5 to 2,000 characters; refused for the other kinds).
   */
  public PrivacyRequest create(String userId, RequestKind kind, List<String> strings, String details) {
    List<String> texts = checkStrings(kind, strings == null ? List.of() : strings);
    String checkedDetails;
    if (kind == RequestKind.CORRECTION) {
      checkedDetails = Validation.text("details", details == null ? null : details.strip(), 5, 2_000);
    } else if (details != null) {
      throw ControlsException.invalid("details", "only a correction request takes details");
    } else {
      checkedDetails = null;
    }
    String fingerprint = kind.key() + ":" + Secrets.hash(String.join("\u0000", texts.stream().sorted().toList())
        + (checkedDetails == null ? "" : "\u0001" + checkedDetails));
    String code = Secrets.newCode(8);
    return ctx.db().write(tx -> {
      User user = ctx.liveUser(tx, userId);
      tx.one("SELECT id FROM privacy_requests WHERE user_id = ? AND fingerprint = ?"
              + " AND status IN ('awaiting_verification', 'in_progress')", rs -> rs.getString(1), userId, fingerprint)
          .ifPresent(existing -> {
            throw ControlsException.conflict("an identical request is already open", Map.of("existing_request_id", existing));
          });
      String id = ctx.ids().next("req");
      Instant due = tx.now().atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
      tx.update(
          "INSERT INTO privacy_requests (id, user_id, kind, status, fingerprint, created_at, due_at, code_hash,"
              + " code_expires_at, code_attempts, details) VALUES (?, ?, ?, 'awaiting_verification', ?, ?, ?, ?, ?, 0, ?)",
          id, userId, kind.key(), fingerprint, tx.now(), due, Secrets.hash(code), tx.now().plus(CODE_VALID), checkedDetails);
      for (String text : texts) {
        tx.update("INSERT INTO suppression_entries (id, request_id, user_id, text) VALUES (?, ?, ?, ?)",
            ctx.ids().next("sup"), id, userId, text);
      }
      tx.audit(Actors.user(userId), AuditActions.REQUEST_CREATED, userId, id, "kind=" + kind.key() + " strings=" + texts.size());
      sendCode(tx, user, id, kind, code);
      return get(tx, id);
    });
  }

  private void sendCode(Tx tx, User user, String requestId, RequestKind kind, String code) {
    tx.audit(Actors.SYSTEM, AuditActions.REQUEST_CODE_SENT, user.id(), requestId, "to registered email");
    tx.afterCommit(() -> ctx.notifier().send(user.email(), "Confirm your privacy request",
        "Someone (hopefully you) asked Lethe for a " + kind.key().replace('_', '-') + " request.\n"
            + "Your code: " + code + "\n"
            + "Enter it within 24 hours to confirm it is you.\n"
            + "If it was not you, ignore this message and nothing will happen."));
  }

  private static List<String> checkStrings(RequestKind kind, List<String> strings) {
    if (kind != RequestKind.REMOVE_FROM_OUTPUTS) {
      if (!strings.isEmpty()) {
        throw ControlsException.invalid("strings", "only a remove_from_outputs request takes strings");
      }
      return List.of();
    }
    if (strings.isEmpty() || strings.size() > 50) {
      throw ControlsException.invalid("strings", "give 1 to 50 strings to remove from model outputs");
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (int i = 0; i < strings.size(); i++) {
      String s = strings.get(i);
      Validation.text("strings[" + i + "]", s == null ? null : s.strip(), 2, 500);
      unique.add(s.strip());
    }
    return new ArrayList<>(unique);
  }

  /**
   * Checks the identity code and, when it matches, carries the request out: delete erases the
   * account, do-not-train turns the setting off and excludes everything taken before, remove-from-
   * outputs activates the suppression entries, access builds an export (completed when it is ready).
   * A wrong code counts an attempt; after {@value #CODE_ATTEMPTS} or after expiry the request is
   * rejected.
   */
  public PrivacyRequest verify(String userId, String requestId, String code) {
    if (code == null || code.isBlank()) {
      throw ControlsException.invalid("code", "is required");
    }
    return ctx.db().write(tx -> {
      PrivacyRequest r = owned(tx, userId, requestId);
      if (!r.status().equals("awaiting_verification")) {
        throw ControlsException.conflict("the request is " + r.status() + ", not awaiting verification");
      }
      var check = tx.one("SELECT code_hash, code_expires_at, code_attempts FROM privacy_requests WHERE id = ?",
          rs -> new Object[] {rs.getString(1), Sql.instant(rs, "code_expires_at"), rs.getInt(3)}, requestId).orElseThrow();
      // A refused verification still commits (attempt counted, request closed) before reporting it.
      if (!tx.now().isBefore((Instant) check[1])) {
        reject(tx, Actors.SYSTEM, r, "verification code expired");
        throw Tx.failAfterCommit(ControlsException.conflict("the code expired; the request was closed, make a new one"));
      }
      if (!Secrets.matches(code.strip(), (String) check[0])) {
        int attempts = (int) check[2] + 1;
        tx.update("UPDATE privacy_requests SET code_attempts = ? WHERE id = ?", attempts, requestId);
        tx.audit(Actors.user(userId), AuditActions.REQUEST_VERIFICATION_FAILED, userId, requestId, "attempt=" + attempts);
        if (attempts >= CODE_ATTEMPTS) {
          reject(tx, Actors.SYSTEM, r, "identity check failed " + attempts + " times");
          throw Tx.failAfterCommit(ControlsException.conflict("wrong code; too many attempts, the request was closed"));
        }
        throw Tx.failAfterCommit(ControlsException.invalid("code", "does not match; " + (CODE_ATTEMPTS - attempts) + " attempts left"));
      }
      tx.update("UPDATE privacy_requests SET status = 'in_progress', verified_at = ?, code_hash = NULL WHERE id = ?",
          tx.now(), requestId);
      tx.audit(Actors.user(userId), AuditActions.REQUEST_VERIFIED, userId, requestId, "by emailed code");
      act(tx, r);
      return get(tx, requestId);
    });
  }

  private void act(Tx tx, PrivacyRequest r) {
    String userId = r.userId();
    switch (r.kind()) {
      case ACCESS -> exports.requestInTx(tx, Actors.SYSTEM, userId, r.id());
      case DELETE -> {
        AccountDeletion d = accounts.deleteInTx(tx, Actors.SYSTEM, userId, r.id());
        complete(tx, r, "account deleted; " + d.conversationsHidden() + " conversations hidden, purge due " + d.purgeDueAt());
      }
      case DO_NOT_TRAIN -> {
        if (ctx.liveUser(tx, userId).settings().improveModel()) {
          Accounts.changeSetting(tx, Actors.SYSTEM, userId, Setting.IMPROVE_MODEL, false);
        }
        int conversations = tx.update(
            "UPDATE conversations SET training_eligible = 0 WHERE user_id = ? AND training_eligible = 1", userId);
        int memories = tx.update("UPDATE memories SET training_eligible = 0 WHERE user_id = ? AND training_eligible = 1", userId);
        complete(tx, r, "improve_model off; " + conversations + " conversations and " + memories + " memories excluded from training");
      }
      case REMOVE_FROM_OUTPUTS -> {
        List<String> entries = tx.list("SELECT id FROM suppression_entries WHERE request_id = ? ORDER BY id",
            rs -> rs.getString(1), r.id());
        tx.update("UPDATE suppression_entries SET added_seq = ?, added_at = ? WHERE request_id = ?", tx.seq(), tx.now(), r.id());
        for (String entry : entries) {
          tx.audit(Actors.SYSTEM, AuditActions.SUPPRESSION_ADDED, userId, entry, "request=" + r.id());
        }
        complete(tx, r, entries.size() + " strings added to the suppression list");
      }
      case CORRECTION -> tx.audit(Actors.SYSTEM, AuditActions.REQUEST_VERIFIED, userId, r.id(), "awaiting an operator");
    }
  }

  void completeAccess(Tx tx, String requestId, String exportId, Instant expires) {
    PrivacyRequest r = get(tx, requestId);
    if (r.status().equals("in_progress")) {
      complete(tx, r, "export " + exportId + " ready; link valid until " + expires);
    }
  }

  private void complete(Tx tx, PrivacyRequest r, String outcome) {
    complete(tx, Actors.SYSTEM, r, outcome);
  }

  private void complete(Tx tx, String actor, PrivacyRequest r, String outcome) {
    tx.update("UPDATE privacy_requests SET status = 'completed', completed_at = ?, outcome = ? WHERE id = ?", tx.now(), outcome, r.id());
    tx.audit(actor, AuditActions.REQUEST_COMPLETED, r.userId(), r.id(), "kind=" + r.kind().key() + "; " + outcome);
    if (r.kind() != RequestKind.DELETE) {  // a completed delete leaves no account to tell
      Notices.add(ctx, tx, r.userId(), "request_completed", r.id(),
          "Your " + r.kind().key().replace('_', '-') + " request was completed: " + outcome);
    }
  }

  private void reject(Tx tx, String actor, PrivacyRequest r, String reason) {
    tx.update("UPDATE privacy_requests SET status = 'rejected', completed_at = ?, code_hash = NULL, outcome = ? WHERE id = ?",
        tx.now(), reason, r.id());
    tx.update("DELETE FROM suppression_entries WHERE request_id = ? AND added_seq IS NULL", r.id());
    tx.audit(actor, AuditActions.REQUEST_REJECTED, r.userId(), r.id(), reason);
    Notices.add(ctx, tx, r.userId(), "request_rejected", r.id(),
        "Your " + r.kind().key().replace('_', '-') + " request was closed: " + reason);
  }

  /** An operator closes an open request without acting on it (e.g. abusive or impossible). */
  public PrivacyRequest reject(String requestId, String reason) {
    String why = Validation.text("reason", reason, 1, 500);
    return ctx.db().write(tx -> {
      PrivacyRequest r = tx.one("SELECT " + COLUMNS + " FROM privacy_requests r WHERE r.id = ?", PrivacyRequests::map, requestId)
          .orElseThrow(() -> ControlsException.notFound("request"));
      if (!r.open()) {
        throw ControlsException.conflict("the request is already " + r.status());
      }
      reject(tx, Actors.ADMIN, r, "rejected by operator: " + why);
      return get(tx, requestId);
    });
  }

  static final int MAX_RESENDS = 3;

  /**
   * Sends a fresh identity-check code for a request still awaiting verification (the first mail was
   * lost or the code expired unused): a new 24-hour code, attempts start again; at most {@value
   * #MAX_RESENDS} times per request.
   */
  public PrivacyRequest resendCode(String userId, String requestId) {
    String code = Secrets.newCode(8);
    return ctx.db().write(tx -> {
      User user = ctx.liveUser(tx, userId);
      PrivacyRequest r = owned(tx, userId, requestId);
      if (!r.status().equals("awaiting_verification")) {
        throw ControlsException.conflict("the request is " + r.status() + ", not awaiting verification");
      }
      int resends = (int) tx.count("SELECT code_resends FROM privacy_requests WHERE id = ?", requestId);
      if (resends >= MAX_RESENDS) {
        throw ControlsException.conflict("the code was already sent again " + MAX_RESENDS + " times; make a new request");
      }
      tx.update("UPDATE privacy_requests SET code_hash = ?, code_expires_at = ?, code_attempts = 0, code_resends = ? WHERE id = ?",
          Secrets.hash(code), tx.now().plus(CODE_VALID), resends + 1, requestId);
      tx.audit(Actors.user(userId), AuditActions.REQUEST_CODE_RESENT, userId, requestId, "resend=" + (resends + 1));
      sendCode(tx, user, requestId, r.kind(), code);
      return get(tx, requestId);
    });
  }

  /** An operator approves a verified correction request (they will now correct the data), with a reason. */
  public PrivacyRequest approve(String requestId, String reason) {
    String why = Validation.text("reason", reason, 1, 500);
    return ctx.db().write(tx -> {
      PrivacyRequest r = correctionInProgress(tx, requestId);
      if (r.approvedAt() != null) {
        throw ControlsException.conflict("the request is already approved");
      }
      tx.update("UPDATE privacy_requests SET approved_at = ? WHERE id = ?", tx.now(), requestId);
      tx.audit(Actors.ADMIN, AuditActions.REQUEST_APPROVED, r.userId(), requestId, "reason given");
      Notices.add(ctx, tx, r.userId(), "request_approved", requestId, "Your correction request was approved: " + why);
      return get(tx, requestId);
    });
  }

  /** An operator records that a correction request was carried out, saying what was done. */
  public PrivacyRequest complete(String requestId, String reason) {
    String why = Validation.text("reason", reason, 1, 500);
    return ctx.db().write(tx -> {
      PrivacyRequest r = correctionInProgress(tx, requestId);
      complete(tx, Actors.ADMIN, r, "completed by operator: " + why);
      return get(tx, requestId);
    });
  }

  private static PrivacyRequest correctionInProgress(Sql sql, String requestId) {
    PrivacyRequest r = sql.one("SELECT " + COLUMNS + " FROM privacy_requests r WHERE r.id = ?", PrivacyRequests::map, requestId)
        .orElseThrow(() -> ControlsException.notFound("request"));
    if (r.kind() != RequestKind.CORRECTION) {
      throw ControlsException.conflict("only correction requests are carried out by an operator; "
          + r.kind().key() + " requests are carried out when verified");
    }
    if (!r.status().equals("in_progress")) {
      throw ControlsException.conflict("the request is " + r.status() + "; an operator acts on verified (in_progress) ones");
    }
    return r;
  }

  /** A page of the user's requests, newest first; the search matches the kind or status. */
  public Page<PrivacyRequest> list(String userId, Page.Request page) {
    return ctx.db().read(sql -> {
      ctx.liveUser(sql, userId);
      return page.query(sql, "SELECT " + COLUMNS + " FROM privacy_requests r WHERE r.user_id = ?", List.of(userId),
          List.of(Page.Request.likeOn("r.kind"), Page.Request.likeOn("r.status")), Page.Order.DESC, "r.created_at", "r.id",
          PrivacyRequests::map);
    });
  }

  /**
   * The operators' search, earliest due first: by status (null: open ones), kind and user (each
   * null: any); the search text matches the request id or the account's email.
   */
  public Page<PrivacyRequest> search(String status, RequestKind kind, String userId, Page.Request page) {
    StringBuilder where = new StringBuilder("SELECT " + COLUMNS + " FROM privacy_requests r WHERE ");
    List<Object> params = new ArrayList<>();
    if (status == null) {
      where.append("r.status IN ('awaiting_verification', 'in_progress')");
    } else {
      where.append("r.status = ?");
      params.add(status);
    }
    if (kind != null) {
      where.append(" AND r.kind = ?");
      params.add(kind.key());
    }
    if (userId != null) {
      where.append(" AND r.user_id = ?");
      params.add(userId);
    }
    return ctx.db().read(sql -> page.query(sql, where.toString(), params,
        List.of(Page.Request.likeOn("r.id"),
            "EXISTS (SELECT 1 FROM users u WHERE u.id = r.user_id AND " + Page.Request.likeOn("u.email") + ")"),
        Page.Order.ASC, "r.due_at", "r.id", PrivacyRequests::map));
  }

  /** Open requests by due date for the operators' dashboard: counts, and the earliest due (overdue first). */
  public record Dashboard(int open, int overdue, int dueWithinWeek, List<PrivacyRequest> earliest, Instant at) {}

  /** The dashboard at this moment; {@code earliest} holds up to {@code limit} open requests, earliest due first. */
  public Dashboard dashboard(int limit) {
    Instant now = ctx.db().clock().instant();
    List<PrivacyRequest> earliest = search(null, null, null, new Page.Request(limit, null, null)).items();
    return ctx.db().read(sql -> new Dashboard(
        (int) sql.count("SELECT COUNT(*) FROM privacy_requests WHERE status IN ('awaiting_verification', 'in_progress')"),
        (int) sql.count("SELECT COUNT(*) FROM privacy_requests WHERE status IN ('awaiting_verification', 'in_progress')"
            + " AND due_at <= ?", now),
        (int) sql.count("SELECT COUNT(*) FROM privacy_requests WHERE status IN ('awaiting_verification', 'in_progress')"
            + " AND due_at > ? AND due_at <= ?", now, now.plus(java.time.Duration.ofDays(7))),
        earliest, now));
  }

  /** The user's requests, newest first. */
  public List<PrivacyRequest> list(String userId) {
    return ctx.db().read(sql -> {
      ctx.liveUser(sql, userId);
      return sql.list("SELECT " + COLUMNS + " FROM privacy_requests r WHERE r.user_id = ? ORDER BY r.created_at DESC, r.id",
          PrivacyRequests::map, userId);
    });
  }

  /** One of the user's requests with its audit trail, or NOT_FOUND. */
  public WithTrail get(String userId, String requestId) {
    return ctx.db().read(sql -> new WithTrail(owned(sql, userId, requestId), AuditLog.forSubject(sql, requestId)));
  }

  /** The operators' queue: requests with the given status (null: open ones), earliest due first. */
  public List<PrivacyRequest> queue(String status) {
    return ctx.db().read(sql -> status == null
        ? sql.list("SELECT " + COLUMNS + " FROM privacy_requests r WHERE r.status IN ('awaiting_verification', 'in_progress')"
            + " ORDER BY r.due_at, r.id", PrivacyRequests::map)
        : sql.list("SELECT " + COLUMNS + " FROM privacy_requests r WHERE r.status = ? ORDER BY r.due_at, r.id",
            PrivacyRequests::map, status));
  }

  /** Any request with its audit trail, for operators. */
  public WithTrail getForAdmin(String requestId) {
    return ctx.db().read(sql -> new WithTrail(
        sql.one("SELECT " + COLUMNS + " FROM privacy_requests r WHERE r.id = ?", PrivacyRequests::map, requestId)
            .orElseThrow(() -> ControlsException.notFound("request")),
        AuditLog.forSubject(sql, requestId)));
  }

  private PrivacyRequest owned(Sql sql, String userId, String requestId) {
    ctx.liveUser(sql, userId);
    return sql.one("SELECT " + COLUMNS + " FROM privacy_requests r WHERE r.id = ? AND r.user_id = ?", PrivacyRequests::map,
            requestId, userId)
        .orElseThrow(() -> ControlsException.notFound("request"));
  }

  private static PrivacyRequest get(Sql sql, String requestId) {
    return sql.one("SELECT " + COLUMNS + " FROM privacy_requests r WHERE r.id = ?", PrivacyRequests::map, requestId).orElseThrow();
  }

  private static PrivacyRequest map(ResultSet rs) throws SQLException {
    return new PrivacyRequest(rs.getString("id"), rs.getString("user_id"), RequestKind.ofKey(rs.getString("kind")),
        rs.getString("status"), Sql.instant(rs, "created_at"), Sql.instant(rs, "due_at"), Sql.instant(rs, "verified_at"),
        Sql.instant(rs, "completed_at"), rs.getString("outcome"), rs.getInt("strings"), rs.getString("details"),
        Sql.instant(rs, "approved_at"));
  }
}
