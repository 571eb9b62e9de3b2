package dev.lethe.platform.controls;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lethe.platform.store.Sql;
import dev.lethe.platform.store.Tx;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Data exports: a ZIP of everything the user has here (profile, settings history, conversations as
 * JSON and as one readable HTML page, memories, privacy requests), built in the background from one
 * consistent read. The download works only for its owner and only until the link expires.
 */
public final class Exports {
  private static final String COLUMNS = "id, status, requested_at, ready_at, expires_at, size_bytes, request_id";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Context ctx;
  private final Confirmations confirmations;
  private PrivacyRequests requests;

  Exports(Context ctx, Confirmations confirmations) {
    this.ctx = ctx;
    this.confirmations = confirmations;
  }

  void completeRequestsWith(PrivacyRequests requests) {
    this.requests = requests;
  }

  /** Asks for an export; it is built asynchronously (poll {@link #get}). */
  public Export request(String actor, String userId) {
    return ctx.db().write(tx -> requestInTx(tx, actor, userId, null));
  }

  /**
   * {@link #request} after checking and consuming the emailed re-confirmation code (see {@link
   * Confirmations}), in one transaction: what {@code POST /api/v1/me/exports} does.
   */
  public Export request(String actor, String userId, String confirmationCode) {
    return confirmations.confirmed(userId, Confirmations.Action.EXPORT, confirmationCode,
        tx -> requestInTx(tx, actor, userId, null));
  }

  /** Records a pending export; its build starts once the transaction has committed. */
  Export requestInTx(Tx tx, String actor, String userId, String requestId) {
    ctx.liveUser(tx, userId);
    String id = ctx.ids().next("exp");
    tx.update("INSERT INTO exports (id, user_id, request_id, status, requested_at) VALUES (?, ?, ?, 'pending', ?)",
        id, userId, requestId, tx.now());
    tx.audit(actor, AuditActions.EXPORT_REQUESTED, userId, id, requestId == null ? null : "request=" + requestId);
    tx.afterCommit(() -> ctx.exportExecutor().execute(() -> build(id, userId)));
    return new Export(id, "pending", tx.now(), null, null, null, requestId);
  }

  /** The user's export, or NOT_FOUND (also for another user's). */
  public Export get(String userId, String exportId) {
    Instant now = ctx.db().clock().instant();
    return ctx.db().read(sql -> owned(sql, userId, exportId)).asOf(now);
  }

  /** The user's exports, newest first, a page at a time; {@code search} matches the status. */
  public Page<Export> list(String userId, Page.Request page) {
    Instant now = ctx.db().clock().instant();
    Page<Export> p = ctx.db().read(sql -> {
      ctx.liveUser(sql, userId);
      return page.query(sql, "SELECT " + COLUMNS + " FROM exports WHERE user_id = ?", List.of(userId), List.of(Page.Request.likeOn("status")),
          Page.Order.DESC, "requested_at", "id", Exports::map);
    });
    return new Page<>(p.items().stream().map(e -> e.asOf(now)).toList(), p.nextCursor());
  }

  /**
   * The ZIP file of a ready export for its owner: NOT_FOUND for anyone else, CONFLICT while it is
   * being built, GONE once the link expired. The download is audited.
   */
  public Path download(String userId, String exportId) {
    return ctx.db().write(tx -> {
      Export e = owned(tx, userId, exportId);
      if (e.status().equals("pending")) {
        throw ControlsException.conflict("the export is still being built");
      }
      if (!e.status().equals("ready") || !tx.now().isBefore(e.expiresAt())) {
        throw ControlsException.gone("the download link has expired; request a new export");
      }
      tx.audit(Actors.user(userId), AuditActions.EXPORT_DOWNLOADED, userId, exportId, null);
      return ctx.exportFile(exportId);
    });
  }

  private Export owned(Sql sql, String userId, String exportId) {
    ctx.liveUser(sql, userId);
    return sql.one("SELECT " + COLUMNS + " FROM exports WHERE id = ? AND user_id = ?", Exports::map, exportId, userId)
        .orElseThrow(() -> ControlsException.notFound("export"));
  }

  private void build(String exportId, String userId) {
    Path file = ctx.exportFile(exportId);
    Path part = file.resolveSibling(exportId + ".zip.part");
    try {
      dev.lethe.platform.store.PrivateFiles.folder(file.getParent());
      boolean wrote = ctx.db().read(sql -> {
        if (sql.count("SELECT COUNT(*) FROM exports WHERE id = ?", exportId) == 0) {
          return false;  // the account was deleted meanwhile
        }
        try {
          Files.deleteIfExists(part);  // a leftover of a crashed build
          dev.lethe.platform.store.PrivateFiles.createNew(part);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        try (OutputStream out = Files.newOutputStream(part)) {
          writeZip(sql, userId, out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return true;
      });
      if (!wrote) {
        return;
      }
      // Visible only complete: the half-written .part is never served.
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      long size = Files.size(file);
      boolean kept = ctx.db().write(tx -> {
        Instant expires = tx.now().plus(ctx.policy().exportLink());
        int updated = tx.update(
            "UPDATE exports SET status = 'ready', ready_at = ?, expires_at = ?, size_bytes = ? WHERE id = ? AND status = 'pending'",
            tx.now(), expires, size, exportId);
        if (updated == 0) {
          return false;
        }
        tx.audit(Actors.SYSTEM, AuditActions.EXPORT_READY, userId, exportId, "size_bytes=" + size);
        Notices.add(ctx, tx, userId, "export_ready", exportId, "Your data export is ready to download until " + expires + ".");
        String requestId = tx.one("SELECT request_id FROM exports WHERE id = ?", rs -> rs.getString(1), exportId).orElse(null);
        if (requestId != null && requests != null) {
          requests.completeAccess(tx, requestId, exportId, expires);
        }
        return true;
      });
      if (!kept) {
        Files.deleteIfExists(file);
      }
    } catch (RuntimeException | IOException e) {
      try {
        Files.deleteIfExists(part);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      ctx.db().write(tx -> {
        if (tx.update("UPDATE exports SET status = 'failed', failure = ? WHERE id = ? AND status = 'pending'",
            e.getClass().getSimpleName(), exportId) > 0) {
          tx.audit(Actors.SYSTEM, AuditActions.EXPORT_FAILED, userId, exportId, e.getClass().getSimpleName());
        }
        return null;
      });
    }
  }

  private static void writeZip(Sql sql, String userId, OutputStream out) throws IOException {
    Map<String, Object> profile = sql.one(
            "SELECT id, email, display_name, created_at, improve_model, memories_enabled FROM users WHERE id = ?",
            rs -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("user_id", rs.getString("id"));
              m.put("email", rs.getString("email"));
              m.put("display_name", rs.getString("display_name"));
              m.put("created_at", String.valueOf(Sql.instant(rs, "created_at")));
              m.put("improve_model", Sql.flag(rs, "improve_model"));
              m.put("memories_enabled", Sql.flag(rs, "memories_enabled"));
              return m;
            }, userId)
        .orElseThrow();
    List<Map<String, Object>> history = Accounts.history(sql, userId).stream().map(h -> Map.<String, Object>of(
        "setting", h.setting().key(), "enabled", h.enabled(), "changed_at", h.changedAt().toString())).toList();
    List<Conversation> conversations = sql.list(
        "SELECT " + Conversations.COLUMNS + " FROM conversations WHERE user_id = ? AND deleted_at IS NULL ORDER BY started_at, id",
        Conversations::map, userId);
    List<Map<String, Object>> memories = Memories.all(sql, userId).stream().map(m -> {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("id", m.id());
      j.put("text", m.text());
      j.put("source_conversation_id", m.sourceConversationId());
      j.put("saved_at", m.savedAt().toString());
      j.put("updated_at", m.updatedAt().toString());
      return j;
    }).toList();
    List<Map<String, Object>> requests = sql.list(
        "SELECT id, kind, status, created_at, due_at, completed_at, outcome FROM privacy_requests WHERE user_id = ? ORDER BY created_at, id",
        rs -> {
          Map<String, Object> j = new LinkedHashMap<>();
          j.put("id", rs.getString("id"));
          j.put("kind", rs.getString("kind"));
          j.put("status", rs.getString("status"));
          j.put("created_at", String.valueOf(Sql.instant(rs, "created_at")));
          j.put("due_at", String.valueOf(Sql.instant(rs, "due_at")));
          j.put("completed_at", String.valueOf(Sql.instant(rs, "completed_at")));
          j.put("outcome", rs.getString("outcome"));
          return j;
        }, userId);

    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, "README.txt", ("Your data from Lethe, exported for " + profile.get("email") + ".\n"
          + "profile.json, settings_history.json, conversations/*.json, conversations.html (readable),\n"
          + "memories.json, privacy_requests.json. Deleted conversations are not included.\n").getBytes(StandardCharsets.UTF_8));
      entry(zip, "profile.json", JSON.writeValueAsBytes(profile));
      entry(zip, "settings_history.json", JSON.writeValueAsBytes(history));
      StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Your conversations</title>"
          + "<style>body{font-family:sans-serif;max-width:50em;margin:auto}.m{margin:.5em 0;padding:.5em;border-radius:6px}"
          + ".user{background:#eef}.assistant{background:#efe}.meta{color:#666;font-size:.85em}</style></head><body>"
          + "<h1>Your conversations</h1>");
      for (Conversation c : conversations) {
        List<Message> messages = Conversations.messages(sql, c.id());
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", c.id());
        j.put("title", c.title());
        j.put("started_at", c.startedAt().toString());
        j.put("temporary", c.temporary());
        j.put("archived", c.archivedAt() != null);
        j.put("training_eligible", c.trainingEligible());
        j.put("messages", messages.stream().map(m -> Map.of(
            "role", m.role(), "text", m.text(), "created_at", m.createdAt().toString())).toList());
        entry(zip, "conversations/" + c.id() + ".json", JSON.writeValueAsBytes(j));
        html.append("<h2>").append(Html.escape(c.title() == null ? "Untitled" : c.title())).append("</h2><p class=\"meta\">")
            .append(c.startedAt()).append(c.temporary() ? " · temporary chat" : "")
            .append(c.archivedAt() != null ? " · archived" : "").append("</p>");
        for (Message m : messages) {
          html.append("<div class=\"m ").append(Html.escape(m.role())).append("\"><b>").append(Html.escape(m.role()))
              .append("</b>: ").append(Html.escape(m.text()).replace("\n", "<br>")).append("</div>");
        }
      }
      html.append("</body></html>\n");
      entry(zip, "conversations.html", html.toString().getBytes(StandardCharsets.UTF_8));
      entry(zip, "memories.json", JSON.writeValueAsBytes(memories));
      entry(zip, "privacy_requests.json", JSON.writeValueAsBytes(requests));
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }


  private static Export map(ResultSet rs) throws SQLException {
    long size = rs.getLong("size_bytes");
    Long sizeBytes = rs.wasNull() ? null : size;
    return new Export(rs.getString("id"), rs.getString("status"), Sql.instant(rs, "requested_at"),
        Sql.instant(rs, "ready_at"), Sql.instant(rs, "expires_at"), sizeBytes, rs.getString("request_id"));
  }
}
