package dev.lethe.filter.detect.secret;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import dev.lethe.filter.detect.Detector;
import dev.lethe.filter.detect.Keywords;
import java.util.List;

/**
 * Finds {@link Label#SECRET secrets}: provider tokens by their format (GitHub, AWS, Stripe, Slack, OpenAI,
 * ... about a hundred, listed in docs/secret-formats.md), private key blocks, JSON Web Tokens, passwords in
 * URLs and connection strings, and values assigned to or said of a secret key, in configuration, code,
 * command lines, HTTP headers and sentences. Each span carries a {@link Span#subtype() subtype} such as
 * {@code aws_access_key}, {@code github_pat}, {@code jwt}, {@code private_key}, {@code
 * connection_string_password}, {@code password} or {@code seed_phrase} (BIP-39 mnemonics, {@link SeedPhrases}).
 *
 * <p>Only the secret is the span: the value and not its key ({@code password=[hunter2]}), the password and
 * not the rest of the URL ({@code postgres://app:[s3cret]@db/x}), quotes outside. A token that is the whole
 * string (API key, webhook URL, JWT, PEM block) is one span.
 *
 * <p>Scores follow the evidence: 0.99 for a verified checksum (GitHub, npm, age) or a whole private key
 * block; 0.95 for a distinctive provider prefix with the exact body shape; 0.85-0.9 for a value assigned to
 * a clearly secret key, depending on how much it looks like a credential; 0.6 for a random-looking value
 * beside a weaker key ({@code key}, {@code session}, {@code sig}); 0.3 (recall only) for a plain word after
 * "password is". Documentation placeholders ({@code AKIAIOSFODNN7EXAMPLE}, {@code YOUR_API_KEY}, {@code
 * ${VAR}}, {@code ****}, {@code changeme}) get nothing. A bare high-entropy string with no key or format is
 * not reported: hashes, ids and base64 data look the same.
 *
 * <p>Speed: one pass of an Aho-Corasick automaton ({@link Keywords}) over token prefixes and key words;
 * every hit is validated locally, with hand-written checks or a precompiled pattern on a small window. No
 * pattern runs over the whole text.
 */
public final class SecretDetector implements Detector {
  /** The name reported in {@link Span#detector()}. */
  public static final String NAME = "secret";

  private final Keywords keywords;
  private final Anchor[] anchors;

  public SecretDetector() {
    AnchorSet set = new AnchorSet();
    for (TokenFormat format : TokenFormats.ALL) {
      for (String anchor : format.anchors()) {
        set.on(anchor, format.boundary(), format);
      }
    }
    KeyBlocks.register(set);
    Urls.register(set);
    Assignments.register(set);
    Commands.register(set);
    Blobs.register(set);
    this.keywords = set.keywords();
    this.anchors = set.anchors();
  }

  /**
   * Whether a column or field named {@code name} holds secrets ({@code password}, {@code login_password},
   * {@code api_key}, {@code PIN}, {@code totp}), read as key names are ({@code password_hash} and
   * {@code timePasswordChanged} hold none). Session ids and weak keys ({@code key}, {@code sig}) do not
   * count: a column of them is not known to be secret.
   */
  public static boolean namesSecret(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("totp") || lower.endsWith("_totp") || lower.equals("otpauth") || lower.equals("otp")) {
      return true; // one-time password seeds of password-manager exports
    }
    KeyNames.Kind kind = KeyNames.classify(name, 0, name.length());
    return kind != null && kind != KeyNames.Kind.WEAK && kind != KeyNames.Kind.SESSION;
  }

  /** Whether {@code text[start, end)} is a documentation placeholder or an empty value ({@code changeme}, {@code ****}). */
  public static boolean isPlaceholder(CharSequence text, int start, int end) {
    return Values.isPlaceholder(text, start, end);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void detect(String text, List<Span> out) {
    Scan scan = new Scan(text, anchors);
    keywords.scan(text, 0, text.length(), scan);
    Assignments.scanNonLatin(scan);
    SeedPhrases.find(scan);
    List<Span> found = scan.spans();
    if (!found.isEmpty()) {
      out.addAll(found);
    }
  }
}
