package dev.lethe.train.synth;

import dev.lethe.filter.Label;
import java.util.ArrayList;
import java.util.List;

/**
 * Passwords, API keys and tokens in the shapes of real providers, PEM blocks, and connection strings where only
 * the password is the secret. Placeholders from documentation are in {@link Negatives}.
 */
final class Secrets {
  private static final List<String> WORDS = List.of("Summer", "Winter", "Bella", "Monkey", "Dragon", "Sunshine",
      "Pumpkin", "Falcon", "Harbor", "Coffee", "Rocket", "Tigers", "Lakers", "Maple", "Shadow", "Princess", "Buster",
      "Liverpool", "Chelsea", "Qwerty", "Butterfly", "Snoopy", "Passw0rd", "Welcome", "Blue", "Crown", "Jewel");

  private final Rng rng;

  Secrets(Rng rng) {
    this.rng = rng;
  }

  /** A password a person would choose, or a generated one. */
  String password() {
    return switch (rng.between(0, 5)) {
      case 0 -> rng.pick(WORDS) + rng.between(1990, 2025) + rng.oneOf("!", "#", "$", "") + rng.pick(WORDS);
      case 1 -> rng.pick(WORDS).toLowerCase() + rng.oneOf("_", "-", "") + rng.pick(WORDS) + rng.between(1, 999);
      case 2 -> rng.from(Rng.BASE62 + "!#$%&*", rng.between(10, 18));
      case 3 -> rng.pick(WORDS) + rng.oneOf("@", "#", "!") + rng.digits(4);
      case 4 -> rng.from("abcdefghijklmnopqrstuvwxyz", 4) + " " + rng.from("abcdefghijklmnopqrstuvwxyz", 4) + " "
          + rng.from("abcdefghijklmnopqrstuvwxyz", 4) + " " + rng.from("abcdefghijklmnopqrstuvwxyz", 4);
      default -> rng.pick(WORDS).substring(0, 3) + rng.from(Rng.BASE62, 3) + rng.oneOf("!", "#", "$") + rng.digits(3)
          + rng.pick(WORDS).toLowerCase();
    };
  }

  /** An API key or token: {subtype, value}. */
  String[] apiKey() {
    return switch (rng.between(0, 13)) {
      case 0 -> new String[] {"openai_key", "sk-proj-" + rng.from(Rng.BASE62 + "_-", rng.between(48, 120))};
      case 1 -> new String[] {"stripe_key", rng.oneOf("sk_live_", "rk_live_") + rng.from(Rng.BASE62, 40)};
      case 2 -> new String[] {"github_token", rng.oneOf("ghp_", "gho_", "ghs_") + rng.from(Rng.BASE62, 36)};
      case 3 -> new String[] {"gitlab_token", "glpat-" + rng.from(Rng.BASE62 + "_-", 20)};
      case 4 -> new String[] {"slack_token", rng.oneOf("xoxb-", "xoxp-") + rng.digits(12) + "-" + rng.digits(13) + "-"
          + rng.from(Rng.BASE62, 24)};
      case 5 -> new String[] {"aws_access_key", "AKIA" + rng.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)};
      case 6 -> new String[] {"aws_secret_key", rng.from(Rng.BASE62 + "+/", 40)};
      case 7 -> new String[] {"google_api_key", "AIza" + rng.from(Rng.BASE62 + "_-", 35)};
      case 8 -> new String[] {"sendgrid_key", "SG." + rng.from(Rng.BASE62 + "_-", 22) + "." + rng.from(Rng.BASE62 + "_-", 43)};
      case 9 -> new String[] {"hf_token", "hf_" + rng.from(Rng.BASE62, 34)};
      case 10 -> new String[] {"npm_token", "npm_" + rng.from(Rng.BASE62, 36)};
      case 11 -> new String[] {"jwt", jwt()};
      case 12 -> new String[] {"anthropic_key", "sk-ant-api03-" + rng.from(Rng.BASE62 + "_-", 80)};
      default -> new String[] {"hex_key", rng.from(Rng.HEX, rng.oneOf(32, 40, 64))};
    };
  }

  String jwt() {
    String b64url = Rng.BASE62 + "-_";
    return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJ" + rng.from(b64url, rng.between(40, 120)) + "."
        + rng.from(b64url, 43);
  }

  String pemBlock() {
    String kind = rng.oneOf("RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY");
    StringBuilder sb = new StringBuilder("-----BEGIN ").append(kind).append("-----\n");
    int lines = rng.between(3, 8);
    for (int i = 0; i < lines; i++) {
      sb.append(rng.from(Rng.BASE62 + "+/", i == lines - 1 ? rng.between(20, 60) : 64)).append('\n');
    }
    return sb.append("-----END ").append(kind).append("-----").toString();
  }

  String webhookUrl() {
    return rng.chance(0.6)
        ? "https://hooks.slack.com/services/T" + rng.from(Rng.ALNUM, 8) + "/B" + rng.from(Rng.ALNUM, 10) + "/"
            + rng.from(Rng.BASE62, 24)
        : "https://discord.com/api/webhooks/" + rng.digits(18) + "/" + rng.from(Rng.BASE62 + "-_", 68);
  }

  /** A connection URL with credentials; only the password is a span. */
  List<Segment> connectionString(String user) {
    String scheme = rng.oneOf("postgres://", "postgresql://", "mysql://", "mongodb+srv://", "redis://", "amqp://",
        "https://");
    String host = rng.oneOf("db.internal", "pg-replica-2.eu.internal", "cluster0.x8k2p.mongodb.net", "cache.internal",
        "10.0.3.17", "db.prod.example-corp.net", "artifactory.corp.local", "rabbit.svc.cluster.local");
    String port = rng.oneOf(":5432", ":3306", "", ":6379", ":5672", "");
    String path = rng.oneOf("/orders", "/app", "/crm?retryWrites=true", "/0", "/shop?sslmode=require", "/simple", "");
    List<Segment> out = new ArrayList<>();
    out.add(Segment.neutral(scheme + (scheme.equals("redis://") && rng.chance(0.5) ? "" : user) + ":"));
    out.add(Segment.value(Label.SECRET, "password", password().replace("@", "#").replace(" ", "")));
    out.add(Segment.neutral("@" + host + port + path));
    return out;
  }

  /** A door code, alarm code or PIN, which the data treats as a secret. */
  String code() {
    return rng.oneOf(rng.digits(4), rng.digits(4) + rng.from("ABCD", 1), rng.digits(6), "#" + rng.digits(4));
  }
}
