package dev.lethe.platform.http;

import static dev.lethe.platform.controls.Html.escape;

import dev.lethe.platform.controls.Actors;
import dev.lethe.platform.controls.AuditEntry;
import dev.lethe.platform.controls.Confirmations;
import dev.lethe.platform.controls.Conversation;
import dev.lethe.platform.controls.ControlsException;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.Export;
import dev.lethe.platform.controls.Memory;
import dev.lethe.platform.controls.Page;
import dev.lethe.platform.controls.PrivacyRequest;
import dev.lethe.platform.controls.PrivacyRequests;
import dev.lethe.platform.controls.RequestKind;
import dev.lethe.platform.controls.Secrets;
import dev.lethe.platform.controls.Session;
import dev.lethe.platform.controls.SettingChange;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The web UI, served with the API: a user's data-controls page at {@code /} and the operators'
 * console at {@code /admin}. Plain server-rendered HTML with forms (no script, no CDN): every control
 * works with a keyboard and a screen reader, on a narrow screen, and without JavaScript.
 *
 * <p>Sign-in takes the same bearer token as the API (the chat product hands it to the user; an
 * operator uses the admin token) and keeps it in an HttpOnly, SameSite=Strict cookie; every form
 * carries a CSRF token derived from it. Handlers call the same services as the API, so the rules and
 * the audit trail are the same. Answers are redirects back to the page with a one-time message.
 */
final class WebUi {
  private static final String USER_COOKIE = "lethe_session";
  private static final String ADMIN_COOKIE = "lethe_admin";
  private static final String FLASH_COOKIE = "lethe_flash";

  private final DataControls dc;
  private final ApiConfig config;

  WebUi(DataControls dc, ApiConfig config) {
    this.dc = dc;
    this.config = config;
  }

  /** A form action: does the work and returns the message to show. */
  @FunctionalInterface
  private interface UserAction {
    String run(Context ctx, Session session);
  }

  void register(JavalinConfig c) {
    c.routes.get("/", this::userPage);
    c.routes.get("/admin", this::adminPage);
    c.routes.post("/ui/sign-in", ctx -> {
      Optional<Session> s = dc.accounts().authenticate(ctx.formParam("token") == null ? "" : ctx.formParam("token").strip());
      if (s.isEmpty()) {
        flash(ctx, "error:That token is unknown, expired or revoked.");
      } else {
        setCookie(ctx, USER_COOKIE, ctx.formParam("token").strip(), -1);
      }
      ctx.redirect("/");
    });
    post(c, "/ui/sign-out", (ctx, s) -> {
      dc.accounts().revoke(Actors.user(s.userId()), s.userId(), s.tokenId());
      setCookie(ctx, USER_COOKIE, "", 0);
      return "You are signed out.";
    });
    post(c, "/ui/sign-out-everywhere", (ctx, s) -> {
      int n = dc.accounts().revokeAll(Actors.user(s.userId()), s.userId());
      setCookie(ctx, USER_COOKIE, "", 0);
      return "Signed out of " + n + " sessions.";
    });
    post(c, "/ui/settings", (ctx, s) -> {
      dc.accounts().updateSettings(Actors.user(s.userId()), s.userId(), ctx.formParam("improve_model") != null,
          ctx.formParam("memories_enabled") != null);
      return "Settings saved. They apply to conversations started from now on.";
    });
    post(c, "/ui/conversations/temporary", (ctx, s) -> {
      Conversation t = dc.conversations().start(Actors.user(s.userId()), s.userId(), null, true);
      return "Temporary chat " + t.id() + " started: not in your history, never used for training, deleted after 30 days.";
    });
    post(c, "/ui/conversations/{id}/rename", (ctx, s) -> {
      dc.conversations().rename(Actors.user(s.userId()), s.userId(), ctx.pathParam("id"), ctx.formParam("title"));
      return "Conversation renamed.";
    });
    post(c, "/ui/conversations/{id}/archive", (ctx, s) -> {
      boolean archive = !"false".equals(ctx.formParam("archived"));
      dc.conversations().archive(Actors.user(s.userId()), s.userId(), ctx.pathParam("id"), archive);
      return archive ? "Conversation archived." : "Conversation moved back to your history.";
    });
    post(c, "/ui/conversations/{id}/delete", (ctx, s) -> {
      dc.conversations().delete(Actors.user(s.userId()), s.userId(), ctx.pathParam("id"));
      return "Conversation deleted. " + Views.MEMORIES_KEPT_NOTE;
    });
    post(c, "/ui/conversations/archive-all", (ctx, s) ->
        dc.conversations().archiveAll(Actors.user(s.userId()), s.userId()) + " conversations archived.");
    post(c, "/ui/conversations/delete-all", (ctx, s) ->
        dc.conversations().deleteAll(Actors.user(s.userId()), s.userId()).size() + " conversations deleted. " + Views.MEMORIES_KEPT_NOTE);
    post(c, "/ui/memories/add", (ctx, s) -> {
      dc.memories().save(Actors.user(s.userId()), s.userId(), null, ctx.formParam("text"));
      return "Memory saved.";
    });
    post(c, "/ui/memories/{id}/edit", (ctx, s) -> {
      dc.memories().update(Actors.user(s.userId()), s.userId(), ctx.pathParam("id"), ctx.formParam("text"));
      return "Memory updated.";
    });
    post(c, "/ui/memories/{id}/delete", (ctx, s) -> {
      dc.memories().delete(Actors.user(s.userId()), s.userId(), ctx.pathParam("id"));
      return "Memory deleted.";
    });
    post(c, "/ui/memories/delete-all", (ctx, s) -> dc.memories().deleteAll(Actors.user(s.userId()), s.userId()) + " memories deleted.");
    post(c, "/ui/confirmations", (ctx, s) -> {
      Confirmations.Action a = Confirmations.Action.ofKey(ctx.formParam("action"));
      if (a == null) {
        throw ControlsException.invalid("action", "must be delete_account or export");
      }
      dc.confirmations().send(s.userId(), a);
      return "A code was sent to your email. It works once, for 30 minutes.";
    });
    post(c, "/ui/exports", (ctx, s) -> {
      Export e = dc.exports().request(Actors.user(s.userId()), s.userId(), ctx.formParam("code"));
      return "Export " + e.id() + " requested; it is built in the background.";
    });
    c.routes.get("/ui/exports/{id}/download", ctx -> {
      Session s = session(ctx).orElse(null);
      if (s == null) {
        ctx.redirect("/");
        return;
      }
      try {
        var file = dc.exports().download(s.userId(), ctx.pathParam("id"));
        ctx.contentType("application/zip")
            .header("Content-Disposition", "attachment; filename=\"lethe-export-" + ctx.pathParam("id") + ".zip\"")
            .result(Files.newInputStream(file));
      } catch (ControlsException e) {
        flash(ctx, "error:" + e.getMessage());
        ctx.redirect("/#exports");
      }
    });
    post(c, "/ui/requests", (ctx, s) -> {
      RequestKind kind = RequestKind.ofKey(ctx.formParam("kind"));
      if (kind == null) {
        throw ControlsException.invalid("kind", "choose a kind of request");
      }
      String lines = ctx.formParam("strings");
      List<String> strings = kind == RequestKind.REMOVE_FROM_OUTPUTS && lines != null
          ? Arrays.stream(lines.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList() : List.of();
      String details = kind == RequestKind.CORRECTION ? ctx.formParam("details") : null;
      PrivacyRequest r = dc.requests().create(s.userId(), kind, strings, details);
      return "Request " + r.id() + " filed. Enter the code we emailed you to confirm it.";
    });
    post(c, "/ui/requests/{id}/verify", (ctx, s) -> {
      PrivacyRequest r = dc.requests().verify(s.userId(), ctx.pathParam("id"), ctx.formParam("code"));
      return "Request confirmed: " + r.status().replace('_', ' ') + ".";
    });
    post(c, "/ui/requests/{id}/resend", (ctx, s) -> {
      dc.requests().resendCode(s.userId(), ctx.pathParam("id"));
      return "A new code was sent to your email.";
    });
    post(c, "/ui/notices/read", (ctx, s) -> dc.notices().markRead(s.userId()) + " notices marked read.");
    post(c, "/ui/account/delete", (ctx, s) -> {
      dc.accounts().delete(Actors.user(s.userId()), s.userId(), ctx.formParam("code"));
      setCookie(ctx, USER_COOKIE, "", 0);
      return "Your account was deleted. " + Views.ACCOUNT_DELETED_NOTE;
    });

    c.routes.post("/ui/admin/sign-in", ctx -> {
      String token = ctx.formParam("token") == null ? "" : ctx.formParam("token").strip();
      if (isAdmin(token)) {
        setCookie(ctx, ADMIN_COOKIE, token, -1);
      } else {
        flash(ctx, "error:That is not the admin token" + (config.adminTokenHash() == null ? " (admin routes are closed)" : "") + ".");
      }
      ctx.redirect("/admin");
    });
    adminPost(c, "/ui/admin/sign-out", ctx -> {
      setCookie(ctx, ADMIN_COOKIE, "", 0);
      return "Signed out.";
    });
    adminPost(c, "/ui/admin/requests/{id}/{step}", ctx -> {
      String id = ctx.pathParam("id");
      String reason = ctx.formParam("reason");
      PrivacyRequest r = switch (ctx.pathParam("step")) {
        case "approve" -> dc.requests().approve(id, reason);
        case "complete" -> dc.requests().complete(id, reason);
        case "reject" -> dc.requests().reject(id, reason);
        default -> throw ControlsException.notFound("action");
      };
      return "Request " + r.id() + " is now " + r.status().replace('_', ' ') + (r.approvedAt() != null && r.open() ? " (approved)" : "") + ".";
    });
  }

  // ---- plumbing -------------------------------------------------------------------------------

  private void post(JavalinConfig c, String path, UserAction action) {
    c.routes.post(path, ctx -> {
      Session s = session(ctx).orElse(null);
      if (s == null || !csrfOk(ctx, ctx.cookie(USER_COOKIE))) {
        flash(ctx, "error:Please sign in again.");
      } else {
        try {
          flash(ctx, "ok:" + action.run(ctx, s));
        } catch (ControlsException | ApiException e) {
          flash(ctx, "error:" + e.getMessage());
        }
      }
      ctx.redirect("/" + anchor(ctx));
    });
  }

  private void adminPost(JavalinConfig c, String path, java.util.function.Function<Context, String> action) {
    c.routes.post(path, ctx -> {
      String token = ctx.cookie(ADMIN_COOKIE);
      if (!isAdmin(token) || !csrfOk(ctx, token)) {
        flash(ctx, "error:Please sign in again.");
      } else {
        try {
          flash(ctx, "ok:" + action.apply(ctx));
        } catch (ControlsException | ApiException e) {
          flash(ctx, "error:" + e.getMessage());
        }
      }
      ctx.redirect("/admin" + anchor(ctx));
    });
  }

  /** Where to scroll back to: the form's section, from its hidden {@code back} field. */
  private static String anchor(Context ctx) {
    String back = ctx.formParam("back");
    return back != null && back.matches("[a-z-]{1,30}") ? "#" + back : "";
  }

  private Optional<Session> session(Context ctx) {
    String token = ctx.cookie(USER_COOKIE);
    return token == null || token.isEmpty() ? Optional.empty() : dc.accounts().authenticate(token);
  }

  private boolean isAdmin(String token) {
    return token != null && !token.isEmpty() && config.adminTokenHash() != null
        && Secrets.matches(token, config.adminTokenHash());
  }

  /** The CSRF token of a signed-in browser: derived from its bearer token, so a third-party page cannot know it. */
  private static String csrf(String token) {
    return Secrets.hash("lethe-csrf:" + token).substring(0, 32);
  }

  private static boolean csrfOk(Context ctx, String token) {
    String sent = ctx.formParam("csrf");
    return sent != null && token != null
        && MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII), csrf(token).getBytes(StandardCharsets.US_ASCII));
  }

  private static void setCookie(Context ctx, String name, String value, int maxAge) {
    boolean https = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "")
        + (maxAge >= 0 ? "; Max-Age=" + maxAge : ""));
  }

  /** A one-time message for the next page, in a cookie (a link cannot put words on the page). */
  private static void flash(Context ctx, String message) {
    setCookie(ctx, FLASH_COOKIE, URLEncoder.encode(message, StandardCharsets.UTF_8), 60);
  }

  private static String takeFlash(Context ctx) {
    String v = ctx.cookie(FLASH_COOKIE);
    if (v == null || v.isEmpty()) {
      return "";
    }
    setCookie(ctx, FLASH_COOKIE, "", 0);
    String m = URLDecoder.decode(v, StandardCharsets.UTF_8);
    boolean error = m.startsWith("error:");
    String text = m.substring(m.indexOf(':') + 1);
    return "<p class=\"flash " + (error ? "error" : "ok") + "\" role=\"" + (error ? "alert" : "status") + "\" id=\"flash\">"
        + escape(text) + "</p>";
  }

  private static String form(String action, String csrf, String back, String inner) {
    return "<form method=\"post\" action=\"" + escape(action) + "\"><input type=\"hidden\" name=\"csrf\" value=\"" + csrf + "\">"
        + "<input type=\"hidden\" name=\"back\" value=\"" + back + "\">" + inner + "</form>";
  }

  private static String button(String label) {
    return "<button type=\"submit\">" + escape(label) + "</button>";
  }

  private static String field(String id, String name, String label, String type, String value, boolean required) {
    return "<label for=\"" + id + "\">" + escape(label) + "</label> <input id=\"" + id + "\" name=\"" + name + "\" type=\"" + type
        + "\" value=\"" + escape(value) + "\"" + (required ? " required" : "") + " autocomplete=\"off\">";
  }

  private static String when(java.time.Instant t) {
    return t == null ? "" : "<time datetime=\"" + t + "\">" + t.toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC") + "</time>";
  }

  private static final String CSS = "*{box-sizing:border-box}body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:52em;"
      + "padding:0 1em 3em;color:#1b1b1b}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:2px solid #ddd}"
      + "a{color:#0645ad}.skip{position:absolute;left:-999px}.skip:focus{left:1em;top:1em;background:#fff;padding:.5em}"
      + "form{display:flex;flex-wrap:wrap;gap:.4em;align-items:center;margin:.4em 0}input[type=text],input[type=password],"
      + "textarea,select{max-width:100%;min-width:0;flex:1 1 14em;font:inherit;padding:.3em}button{font:inherit;padding:.3em .8em}"
      + ":focus-visible{outline:3px solid #1a73e8;outline-offset:2px}.flash{padding:.6em;border-radius:4px}.ok{background:#e6f4ea}"
      + ".error{background:#fce8e6}.muted{color:#555;font-size:.9em}details{border:1px solid #ddd;border-radius:4px;margin:.5em 0;"
      + "padding:.4em .6em}summary{cursor:pointer;font-weight:600}table{border-collapse:collapse;width:100%;display:block;"
      + "overflow-x:auto}td,th{border-bottom:1px solid #eee;padding:.25em .4em;text-align:left;vertical-align:top}"
      + ".overdue{color:#a50e0e;font-weight:700}ul{padding-left:1.2em}.msg{white-space:pre-wrap;overflow-wrap:anywhere}";

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
        + " initial-scale=1\"><title>" + escape(title) + "</title><style>" + CSS + "</style></head><body>"
        + "<a class=\"skip\" href=\"#main\">Skip to content</a><main id=\"main\">" + body + "</main></body></html>";
  }

  private static void html(Context ctx, String html) {
    ctx.header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
        .contentType("text/html; charset=utf-8").result(html);
  }

  // ---- the user's page ------------------------------------------------------------------------

  private void userPage(Context ctx) {
    String flash = takeFlash(ctx);
    Session s = session(ctx).orElse(null);
    if (s == null) {
      html(ctx, page("Lethe · Your data controls", "<h1>Your data controls</h1>" + flash
          + "<p>Sign in with the access token the chat app gave you. It is kept in this browser only, in a cookie no script can read.</p>"
          + "<form method=\"post\" action=\"/ui/sign-in\">" + field("token", "token", "Access token", "password", "", true)
          + button("Sign in") + "</form>"));
      return;
    }
    String csrf = csrf(ctx.cookie(USER_COOKIE));
    String user = s.userId();
    var me = dc.accounts().get(user);
    StringBuilder b = new StringBuilder("<h1>Your data controls</h1>").append(flash);
    b.append("<p>Signed in as <strong>").append(escape(me.email())).append("</strong>.</p>")
        .append(form("/ui/sign-out", csrf, "", button("Sign out")))
        .append(form("/ui/sign-out-everywhere", csrf, "", button("Sign out everywhere")));

    List<dev.lethe.platform.controls.Notices.Notice> notices = dc.notices().list(user, new Page.Request(20, null, null)).items();
    if (!notices.isEmpty()) {
      b.append("<section aria-labelledby=\"h-notices\"><h2 id=\"h-notices\">Notices</h2><ul id=\"notices\">");
      notices.forEach(n -> b.append("<li").append(n.read() ? " class=\"muted\"" : "").append(">").append(when(n.createdAt()))
          .append(" ").append(escape(n.message())).append("</li>"));
      b.append("</ul>").append(form("/ui/notices/read", csrf, "h-notices", button("Mark all read"))).append("</section>");
    }

    b.append("<section aria-labelledby=\"h-settings\"><h2 id=\"h-settings\">Settings</h2>")
        .append(form("/ui/settings", csrf, "h-settings",
            "<label><input type=\"checkbox\" name=\"improve_model\" id=\"improve_model\"" + (me.settings().improveModel() ? " checked" : "")
                + "> Improve the model for everyone</label>"
                + "<label><input type=\"checkbox\" name=\"memories_enabled\" id=\"memories_enabled\""
                + (me.settings().memoriesEnabled() ? " checked" : "") + "> Memories</label>" + button("Save settings")))
        .append("<p class=\"muted\">A change applies to conversations started afterwards; earlier ones keep their setting.</p>")
        .append("<details><summary>History of your settings</summary><table id=\"settings-history\"><thead><tr><th>When</th>"
            + "<th>Setting</th><th>Value</th></tr></thead><tbody>");
    for (SettingChange h : dc.accounts().settingsHistory(user, new Page.Request(Page.MAX_LIMIT, null, null)).items()) {
      b.append("<tr><td>").append(when(h.changedAt())).append("</td><td>").append(h.setting().key().replace('_', ' '))
          .append("</td><td>").append(h.enabled() ? "on" : "off").append("</td></tr>");
    }
    b.append("</tbody></table></details></section>");

    String q = ctx.queryParam("q");
    Page.Request search = new Page.Request(100, null, q == null || q.isBlank() ? null : q.strip());
    b.append("<section aria-labelledby=\"h-conversations\"><h2 id=\"h-conversations\">Conversations</h2>")
        .append("<form method=\"get\" action=\"/\" role=\"search\">").append(field("q", "q", "Search conversations", "text",
            q == null ? "" : q, false)).append(button("Search")).append("</form><div id=\"conversations\">");
    List<Conversation> history = dc.conversations().history(user, false, search).items();
    if (history.isEmpty()) {
      b.append("<p class=\"muted\">No conversations").append(search.search() == null ? "" : " match").append(".</p>");
    }
    history.forEach(conv -> b.append(conversation(user, conv, csrf)));
    b.append("</div>").append(form("/ui/conversations/archive-all", csrf, "h-conversations", button("Archive all")))
        .append(form("/ui/conversations/delete-all", csrf, "h-conversations", button("Delete all conversations")))
        .append("<p class=\"muted\">").append(escape(Views.MEMORIES_KEPT_NOTE)).append("</p>");
    List<Conversation> archived = dc.conversations().history(user, true, search).items();
    b.append("<details id=\"archived\"><summary>Archived (").append(archived.size()).append(")</summary>");
    archived.forEach(conv -> b.append(conversation(user, conv, csrf)));
    b.append("</details>");
    b.append("<h3>Temporary chats</h3><p class=\"muted\">Not in your history, never used for training, no memories; deleted after"
        + " 30 days.</p>").append(form("/ui/conversations/temporary", csrf, "h-conversations", button("Start a temporary chat")))
        .append("</section>");

    b.append("<section aria-labelledby=\"h-memories\"><h2 id=\"h-memories\">Memories</h2><ul id=\"memories\">");
    for (Memory m : dc.memories().list(user, new Page.Request(100, null, null)).items()) {
      b.append("<li><span class=\"msg\">").append(escape(m.text())).append("</span> <span class=\"muted\">")
          .append(m.trainingEligible() ? "may be used for training" : "not used for training").append("</span>")
          .append(form("/ui/memories/" + m.id() + "/edit", csrf, "h-memories",
              field("mem-" + m.id(), "text", "Edit memory", "text", m.text(), true) + button("Save")))
          .append(form("/ui/memories/" + m.id() + "/delete", csrf, "h-memories",
              "<button type=\"submit\" aria-label=\"Delete memory: " + escape(m.text()) + "\">Delete</button>"))
          .append("</li>");
    }
    b.append("</ul>").append(form("/ui/memories/add", csrf, "h-memories", field("new-memory", "text", "New memory", "text", "", true)
            + button("Add memory")))
        .append(form("/ui/memories/delete-all", csrf, "h-memories", button("Delete all memories"))).append("</section>");

    b.append("<section aria-labelledby=\"h-exports\" id=\"exports\"><h2 id=\"h-exports\">Export your data</h2>")
        .append("<p class=\"muted\">A ZIP of everything we hold about you. For your safety we first email you a code.</p>")
        .append(form("/ui/confirmations", csrf, "h-exports", "<input type=\"hidden\" name=\"action\" value=\"export\">"
            + button("Email me a code for an export")))
        .append(form("/ui/exports", csrf, "h-exports", field("export-code", "code", "Code from the email", "text", "", true)
            + button("Export my data")))
        .append("<ul id=\"export-list\">");
    for (Export e : dc.exports().list(user, new Page.Request(20, null, null)).items()) {
      b.append("<li>").append(when(e.requestedAt())).append(" · ").append(e.status());
      if (e.downloadable()) {
        b.append(" · <a href=\"/ui/exports/").append(e.id()).append("/download\">Download ZIP</a> (until ")
            .append(when(e.expiresAt())).append(")");
      }
      b.append("</li>");
    }
    b.append("</ul></section>");

    b.append("<section aria-labelledby=\"h-requests\"><h2 id=\"h-requests\">Privacy requests</h2>")
        .append(form("/ui/requests", csrf, "h-requests", "<label for=\"kind\">Kind of request</label> <select id=\"kind\" name=\"kind\">"
            + "<option value=\"access\">Access: a copy of my data</option><option value=\"delete\">Delete my account and data</option>"
            + "<option value=\"do_not_train\">Do not train on any of my data</option>"
            + "<option value=\"remove_from_outputs\">Remove my personal data from model outputs</option>"
            + "<option value=\"correction\">Correct my data</option></select>"
            + "<label for=\"strings\">Text to remove from outputs (one per line)</label> <textarea id=\"strings\" name=\"strings\""
            + " rows=\"2\"></textarea><label for=\"details\">For a correction: what is wrong and what it should be</label>"
            + " <textarea id=\"details\" name=\"details\" rows=\"2\"></textarea>" + button("File request")))
        .append("<div id=\"requests\">");
    for (PrivacyRequest r : dc.requests().list(user, new Page.Request(50, null, null)).items()) {
      b.append("<details id=\"req-").append(r.id()).append("\"").append(r.open() ? " open" : "").append("><summary>")
          .append(r.kind().key().replace('_', ' ')).append(" · <span class=\"status\">").append(r.status().replace('_', ' '))
          .append("</span> · due ").append(when(r.dueAt())).append("</summary>");
      if (r.outcome() != null) {
        b.append("<p>Outcome: ").append(escape(r.outcome())).append("</p>");
      }
      if (r.status().equals("awaiting_verification")) {
        b.append(form("/ui/requests/" + r.id() + "/verify", csrf, "h-requests",
                field("code-" + r.id(), "code", "Code from the email", "text", "", true) + button("Confirm")))
            .append(form("/ui/requests/" + r.id() + "/resend", csrf, "h-requests", button("Send the code again")));
      }
      b.append(trail(dc.requests().get(user, r.id()).trail(), "you")).append("</details>");
    }
    b.append("</div></section>");

    b.append("<section aria-labelledby=\"h-account\"><h2 id=\"h-account\">Delete your account</h2><p class=\"muted\">")
        .append(escape(Views.ACCOUNT_DELETED_NOTE)).append("</p>")
        .append(form("/ui/confirmations", csrf, "h-account", "<input type=\"hidden\" name=\"action\" value=\"delete_account\">"
            + button("Email me a code to delete my account")))
        .append(form("/ui/account/delete", csrf, "h-account", field("delete-code", "code", "Code from the email", "text", "", true)
            + button("Delete my account")))
        .append("</section>");
    html(ctx, page("Lethe · Your data controls", b.toString()));
  }

  private String conversation(String user, Conversation conv, String csrf) {
    String title = conv.title() == null ? "Untitled" : conv.title();
    StringBuilder b = new StringBuilder("<details class=\"conversation\" id=\"conv-").append(conv.id()).append("\"><summary>")
        .append(escape(title)).append(" <span class=\"muted\">").append(when(conv.startedAt()))
        .append(conv.trainingEligible() ? " · may be used for training" : " · not used for training").append("</span></summary>");
    dc.conversations().get(user, conv.id()).messages().forEach(m -> b.append("<p class=\"msg\"><strong>").append(escape(m.role()))
        .append(":</strong> ").append(escape(m.text())).append("</p>"));
    b.append(form("/ui/conversations/" + conv.id() + "/rename", csrf, "h-conversations",
            field("title-" + conv.id(), "title", "New title", "text", conv.title() == null ? "" : conv.title(), false) + button("Rename")))
        .append(form("/ui/conversations/" + conv.id() + "/archive", csrf, "h-conversations",
            "<input type=\"hidden\" name=\"archived\" value=\"" + (conv.archivedAt() == null) + "\">"
                + button(conv.archivedAt() == null ? "Archive" : "Unarchive")))
        .append(form("/ui/conversations/" + conv.id() + "/delete", csrf, "h-conversations",
            "<button type=\"submit\" aria-label=\"Delete conversation " + escape(title) + "\">Delete</button>"))
        .append("</details>");
    return b.toString();
  }

  /** A request's trail; {@code self} names the user's own steps "you" (their page), else "user" (the console). */
  private static String trail(List<AuditEntry> trail, String self) {
    StringBuilder b = new StringBuilder("<table class=\"trail\"><caption class=\"muted\">Trail</caption><thead><tr><th>When</th>"
        + "<th>Who</th><th>What</th><th>Detail</th></tr></thead><tbody>");
    trail.forEach(a -> b.append("<tr><td>").append(when(a.at())).append("</td><td>").append(escape(a.actor().startsWith("user:")
        ? self : a.actor())).append("</td><td>").append(escape(a.action())).append("</td><td>").append(escape(a.detail()))
        .append("</td></tr>"));
    return b.append("</tbody></table>").toString();
  }

  // ---- the operators' console -----------------------------------------------------------------

  private void adminPage(Context ctx) {
    String flash = takeFlash(ctx);
    String token = ctx.cookie(ADMIN_COOKIE);
    if (!isAdmin(token)) {
      html(ctx, page("Lethe · Operator console", "<h1>Operator console</h1>" + flash
          + "<form method=\"post\" action=\"/ui/admin/sign-in\">" + field("token", "token", "Admin token", "password", "", true)
          + button("Sign in") + "</form>"));
      return;
    }
    String csrf = csrf(token);
    dc.audit().adminRead("GET /admin", null);
    StringBuilder b = new StringBuilder("<h1>Operator console</h1>").append(flash)
        .append(form("/ui/admin/sign-out", csrf, "", button("Sign out")));
    PrivacyRequests.Dashboard d = dc.requests().dashboard(1);
    b.append("<section aria-labelledby=\"h-due\"><h2 id=\"h-due\">Due dates</h2><p id=\"dashboard\"><strong>").append(d.open())
        .append("</strong> open · <strong class=\"overdue\">").append(d.overdue()).append("</strong> overdue · <strong>")
        .append(d.dueWithinWeek()).append("</strong> due within a week</p></section>");

    String status = ctx.queryParam("status");
    String kindKey = ctx.queryParam("kind");
    String q = ctx.queryParam("q");
    RequestKind kind = kindKey == null || kindKey.isEmpty() ? null : RequestKind.ofKey(kindKey);
    String st = status == null || status.isEmpty() ? null : status;
    b.append("<section aria-labelledby=\"h-queue\"><h2 id=\"h-queue\">Request queue</h2>")
        .append("<form method=\"get\" action=\"/admin\" role=\"search\">")
        .append(field("q", "q", "Request id or email", "text", q == null ? "" : q, false))
        .append("<label for=\"status\">Status</label> <select id=\"status\" name=\"status\"><option value=\"\">open</option>");
    for (String s : List.of("awaiting_verification", "in_progress", "completed", "rejected", "cancelled")) {
      b.append("<option").append(s.equals(st) ? " selected" : "").append(">").append(s).append("</option>");
    }
    b.append("</select><label for=\"kind-filter\">Kind</label> <select id=\"kind-filter\" name=\"kind\"><option value=\"\">any</option>");
    for (RequestKind k : RequestKind.values()) {
      b.append("<option").append(k == kind ? " selected" : "").append(">").append(k.key()).append("</option>");
    }
    b.append("</select>").append(button("Search")).append("</form>");
    var page = dc.requests().search(st, kind, null, new Page.Request(100, null, q == null || q.isBlank() ? null : q.strip()));
    b.append("<div id=\"queue\">");
    if (page.items().isEmpty()) {
      b.append("<p class=\"muted\">No requests.</p>");
    }
    for (PrivacyRequest r : page.items()) {
      boolean overdue = r.open() && !d.at().isBefore(r.dueAt());
      b.append("<details id=\"req-").append(r.id()).append("\"><summary>").append(r.kind().key().replace('_', ' ')).append(" · ")
          .append(r.status().replace('_', ' ')).append(r.approvedAt() != null && r.open() ? " (approved)" : "").append(" · due ")
          .append(when(r.dueAt())).append(overdue ? " <span class=\"overdue\">overdue</span>" : "").append(" · ")
          .append(escape(r.id())).append("</summary><p>User ").append(escape(r.userId())).append("</p>");
      if (r.details() != null) {
        b.append("<p>Asks to correct: <span class=\"msg\">").append(escape(r.details())).append("</span></p>");
      }
      if (r.outcome() != null) {
        b.append("<p>Outcome: ").append(escape(r.outcome())).append("</p>");
      }
      if (r.open()) {
        List<String> steps = r.kind() == RequestKind.CORRECTION && r.status().equals("in_progress")
            ? (r.approvedAt() == null ? List.of("approve", "reject") : List.of("complete", "reject")) : List.of("reject");
        for (String step : steps) {
          b.append(form("/ui/admin/requests/" + r.id() + "/" + step, csrf, "h-queue",
              field(step + "-" + r.id(), "reason", "Reason to " + step, "text", "", true) + button(step.substring(0, 1).toUpperCase(Locale.ROOT)
                  + step.substring(1))));
        }
      }
      b.append(trail(dc.requests().getForAdmin(r.id()).trail(), "user")).append("</details>");
    }
    b.append("</div></section>");

    String lookup = ctx.queryParam("user");
    b.append("<section aria-labelledby=\"h-users\"><h2 id=\"h-users\">Look up an account</h2>")
        .append("<form method=\"get\" action=\"/admin\">").append(field("user", "user", "User id or email", "text",
            lookup == null ? "" : lookup, true)).append(button("Look up")).append("</form>");
    if (lookup != null && !lookup.isBlank()) {
      try {
        var u = dc.accounts().lookup(lookup.strip());
        dc.audit().adminRead("GET /admin?user", u.id());
        b.append("<dl id=\"account\"><dt>Id</dt><dd>").append(escape(u.id())).append("</dd><dt>Email</dt><dd>").append(escape(u.email()))
            .append("</dd><dt>Created</dt><dd>").append(when(u.createdAt())).append("</dd><dt>Deleted</dt><dd>")
            .append(u.deletedAt() == null ? "no" : when(u.deletedAt())).append("</dd><dt>Improve the model</dt><dd>")
            .append(u.settings().improveModel() ? "on" : "off").append("</dd><dt>Conversations · memories · open requests</dt><dd>")
            .append(u.conversations()).append(" · ").append(u.memories()).append(" · ").append(u.openRequests()).append("</dd></dl>");
      } catch (ControlsException e) {
        b.append("<p role=\"alert\">").append(escape(e.getMessage())).append("</p>");
      }
    }
    b.append("</section>");

    String cursor = ctx.queryParam("audit_after");
    Page<AuditEntry> audit;
    try {
      audit = dc.audit().list(0, new Page.Request(50, cursor == null || cursor.isEmpty() ? null : cursor, null), null, null, null);
    } catch (ControlsException e) {
      audit = dc.audit().list(0, new Page.Request(50, null, null), null, null, null);
    }
    b.append("<section aria-labelledby=\"h-audit\"><h2 id=\"h-audit\">Audit log</h2><table id=\"audit\"><thead><tr><th>Seq</th>"
        + "<th>When</th><th>Who</th><th>What</th><th>User</th><th>Subject</th><th>Detail</th></tr></thead><tbody>");
    for (AuditEntry a : audit.items()) {
      b.append("<tr><td>").append(a.seq()).append('.').append(a.idx()).append("</td><td>").append(when(a.at())).append("</td><td>")
          .append(escape(a.actor())).append("</td><td>").append(escape(a.action())).append("</td><td>").append(escape(a.userId()))
          .append("</td><td>").append(escape(a.subjectId())).append("</td><td>").append(escape(a.detail())).append("</td></tr>");
    }
    b.append("</tbody></table>");
    if (audit.nextCursor() != null) {
      b.append("<p><a href=\"/admin?audit_after=").append(escape(audit.nextCursor())).append("#h-audit\">Older entries come after"
          + " these: next page</a></p>");
    }
    b.append("</section>");
    html(ctx, page("Lethe · Operator console", b.toString()));
  }
}
