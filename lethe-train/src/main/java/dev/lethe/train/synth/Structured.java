package dev.lethe.train.synth;

import static dev.lethe.train.synth.Segment.neutral;
import static dev.lethe.train.synth.Segment.prose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Genres whose layout is a format rather than prose: CSV exports with a header, JSON records (each address
 * field its own span, the country code not personal), and log lines with a user inside. Built in code because
 * their rows repeat a schema, which a text template cannot express.
 */
final class Structured {
  private final Rng rng;

  Structured(Rng rng) {
    this.rng = rng;
  }

  private static final List<String> CSV_ASKS = List.of(
      "Can you help me dedupe these rows? Some people signed up twice.",
      "Which of these customers are missing a phone number?",
      "Sort this by date and tell me who joined first:",
      "I need to send this to our payroll provider, how do I password-protect a CSV?",
      "Can you convert this export to a markdown table?",
      "why does excel mangle the dates in this file??",
      "Our CRM import keeps failing on these lines, what's wrong with them?",
      "Please check the format of this mailing list before I upload it:",
      "Count the RSVPs by meal choice:",
      "");
  private static final List<String> CSV_AFTER = List.of("", "", "Thanks!", "How do I do it in pandas?",
      "Is there a formula for that in Google Sheets?", "Some rows have quotes, is that a problem?");

  /** A CSV export of people, with a header row; one to six data rows. */
  void csv(Scene scene, DocBuilder b) {
    List<String> cols = new ArrayList<>(List.of("name"));
    String[] optional = {"id", "email", "phone", "dob", "address", "signup_date", "city", "postcode", "status",
        "amount", "iban", "plan"};
    for (String c : optional) {
      if (rng.chance(0.4)) {
        cols.add(c);
      }
    }
    if (rng.chance(0.5)) {
      cols.remove("name");
      cols.add(0, "first_name");
      cols.add(1, "last_name");
    }
    if (cols.contains("id")) {
      cols.remove("id");
      cols.add(0, rng.oneOf("id", "customer_id", "emp_id", "member_no", "patient_id"));
    }
    String sep = scene.lang.equals("en") ? (rng.chance(0.85) ? "," : "\t") : rng.oneOf(";", ",");
    String ask = rng.pick(CSV_ASKS);
    b.text(ask.isEmpty() ? "" : ask + "\n\n");
    b.raw(String.join(sep, cols.stream().map(c -> headerName(c, scene.lang)).toList()) + "\n");
    int rows = rng.between(1, 6);
    boolean iso = rng.chance(0.6);
    for (int r = 0; r < rows; r++) {
      String pid = "p" + r;
      for (int i = 0; i < cols.size(); i++) {
        if (i > 0) {
          b.raw(sep);
        }
        if (rng.chance(0.05) && i > 0) {
          continue;
        }
        cell(scene, b, cols.get(i), pid, iso, sep);
      }
      b.raw("\n");
    }
    b.text("\n" + rng.pick(CSV_AFTER));
  }

  private static String headerName(String c, String lang) {
    if (lang.equals("de")) {
      return switch (c) {
        case "name" -> "Name";
        case "first_name" -> "Vorname";
        case "last_name" -> "Nachname";
        case "dob" -> "Geburtsdatum";
        case "address" -> "Adresse";
        case "phone" -> "Telefon";
        case "postcode" -> "PLZ";
        case "city" -> "Ort";
        default -> c;
      };
    }
    return c;
  }

  private void cell(Scene scene, DocBuilder b, String col, String pid, boolean iso, String sep) {
    switch (col) {
      case "name" -> b.append(scene.resolve(pid + ".full", null));
      case "first_name" -> b.append(scene.resolve(pid + ".first", null));
      case "last_name" -> b.append(scene.resolve(pid + ".last", null));
      case "id", "customer_id", "emp_id", "member_no", "patient_id" -> b.append(scene.resolve("custid", null));
      case "email" -> b.append(scene.resolve(pid + ".email", null));
      case "phone" -> b.append(scene.resolve(pid + ".phone", null));
      case "dob" -> b.append(scene.resolve(iso ? "isodate" : "dob", iso ? "birth" : null));
      case "signup_date" -> b.append(scene.resolve(iso ? "isodate" : "date", null));
      case "address" -> {
        String q = sep.equals(",") ? "\"" : "";
        b.raw(q).append(scene.resolve("a" + pid.charAt(1) + "", null)).raw(q);
      }
      case "city" -> b.append(scene.resolve("a" + pid.charAt(1) + ".f.city", null));
      case "postcode" -> b.append(scene.resolve("a" + pid.charAt(1) + ".f.postcode", null));
      case "iban" -> b.append(scene.resolve("iban", null));
      case "status" -> b.raw(rng.oneOf("active", "cancelled", "pending", "paid", "overdue"));
      case "plan" -> b.raw(rng.oneOf("basic", "pro", "family", "trial"));
      case "amount" -> b.raw(String.format(Locale.ROOT, "%d.%02d", rng.between(5, 900), rng.between(0, 99)));
      default -> throw new IllegalArgumentException(col);
    }
  }

  private static final List<String> JSON_ASKS = List.of("Why does this webhook payload fail validation?",
      "Our API returned this for a customer, is the address format right?",
      "Can you write a TypeScript type for this object?", "the mobile app crashes parsing this, any idea why?",
      "Here's the record from our database:", "How do I flatten this with jq?", "");

  /** A JSON record of a person: pretty or compact; every address field is its own span. */
  void json(Scene scene, DocBuilder b) {
    boolean camel = rng.chance(0.4);
    boolean pretty = rng.chance(0.75);
    String nl = pretty ? "\n" : "";
    String in1 = pretty ? "  " : "";
    String in2 = pretty ? "    " : "";
    String colon = pretty ? ": " : ":";
    String comma = pretty ? ",\n" : ", ";
    String ask = rng.pick(JSON_ASKS);
    b.text(ask.isEmpty() ? "" : ask + "\n\n");
    b.raw("{" + nl);
    List<Runnable> fields = new ArrayList<>();
    fields.add(() -> {
      b.raw(in1 + "\"id\"" + colon + "\"");
      b.append(rng.chance(0.5) ? scene.resolve("custid", null) : List.of(neutral(rng.oneOf("pi_", "ord_", "evt_")
          + rng.from(Rng.BASE62, 24))));
      b.raw("\"");
    });
    fields.add(() -> field(b, in1, camel ? "fullName" : rng.oneOf("name", "full_name"), colon, scene.resolve("p1.full", null)));
    if (rng.chance(0.7)) {
      fields.add(() -> field(b, in1, "email", colon, scene.resolve("p1.email", null)));
    }
    if (rng.chance(0.6)) {
      fields.add(() -> field(b, in1, "phone", colon, scene.resolve("p1.phone", null)));
    }
    if (rng.chance(0.4)) {
      fields.add(() -> field(b, in1, camel ? "dateOfBirth" : rng.oneOf("dob", "birth_date"), colon,
          scene.resolve("isodate", "birth")));
    }
    fields.add(() -> {
      Address a = scene.address("a1", null);
      b.raw(in1 + "\"" + rng.oneOf("address", camel ? "shippingAddress" : "billing_address") + "\"" + colon + "{"
          + nl);
      List<String[]> keys = new ArrayList<>();
      keys.add(new String[] {"line1", camel ? "line1" : rng.oneOf("line1", "street")});
      if (a.line2() != null) {
        keys.add(new String[] {"line2", "line2"});
      }
      keys.add(new String[] {"city", "city"});
      if (a.region() != null) {
        keys.add(new String[] {"region", rng.oneOf("state", "region")});
      }
      keys.add(new String[] {"postcode", camel ? "postalCode" : rng.oneOf("postal_code", "zip")});
      for (int i = 0; i < keys.size(); i++) {
        String[] k = keys.get(i);
        b.raw(in2 + "\"" + k[1] + "\"" + colon + "\"");
        b.append(scene.resolve("a1.f." + k[0], null));
        b.raw("\"" + (pretty ? ",\n" : ", "));
      }
      b.raw(in2 + "\"country\"" + colon + "\"" + a.country() + "\"" + nl + in1 + "}");
    });
    fields.add(() -> b.raw(in1 + "\"" + (camel ? "createdAt" : "created_at") + "\"" + colon + "\"")
        .append(List.of(neutral(scene.logTimestamp().replace(" ", "T").replace("[", "").replace("]", ""))))
        .raw("\""));
    for (int i = 0; i < fields.size(); i++) {
      fields.get(i).run();
      b.raw(i < fields.size() - 1 ? comma : nl);
    }
    b.raw("}");
  }

  private void field(DocBuilder b, String indent, String key, String colon, List<Segment> value) {
    b.raw(indent + "\"" + key + "\"" + colon + "\"");
    b.append(value);
    b.raw("\"");
  }

  private static final List<String> LOG_ASKS = List.of("Our auth logs show this, is someone brute forcing?",
      "What does this log mean?", "Can you summarise what happened here:", "grep gave me these lines:",
      "Production logs from last night, any idea?", "");

  /** Log lines with timestamps (not personal) and users inside (personal). */
  void log(Scene scene, DocBuilder b) {
    b.text(rng.pick(LOG_ASKS) + "\n\n");
    int lines = rng.between(2, 6);
    String user = rng.oneOf("email", "user", "name");
    for (int i = 0; i < lines; i++) {
      b.append(neutral(scene.logTimestamp()));
      b.raw(" " + rng.oneOf("INFO ", "WARN ", "ERROR", "DEBUG") + " ");
      String pid = "p" + (rng.chance(0.7) ? 1 : rng.between(2, 3));
      switch (rng.between(0, 4)) {
        case 0 -> {
          b.raw(rng.oneOf("login failed", "login ok", "password_change", "mfa_challenge") + " user=");
          b.append(scene.resolve(pid + "." + user.replace("name", "email"), null));
          b.raw(" ip=").append(scene.resolve("ip", null));
        }
        case 1 -> {
          b.raw("[req=").append(scene.resolve("uuid", null)).raw("] upstream=" + rng.oneOf("orders", "billing", "search")
              + "-svc status=" + rng.oneOf("200", "401", "499", "504") + " duration_ms=" + rng.between(3, 30000));
        }
        case 2 -> {
          b.raw("Deploy " + rng.oneOf("finished", "started", "rolled back") + " by ");
          b.append(scene.resolve(pid + (user.equals("name") ? ".full" : ".user"), null));
        }
        case 3 -> {
          b.raw("user_id=" + rng.digits(6) + " name=\"");
          b.append(scene.resolve(pid + ".full", null));
          b.raw("\" action=" + rng.oneOf("export", "delete_account", "update_address", "upload"));
        }
        default -> {
          b.raw("sent " + rng.oneOf("receipt", "reset link", "invoice", "welcome mail") + " to ");
          b.append(scene.resolve(pid + ".email", null));
        }
      }
      b.raw("\n");
    }
    b.append(prose(rng.chance(0.5) ? "" : "\n" + rng.oneOf("Thanks in advance.", "What should I block?",
        "is this normal??")));
  }
}
