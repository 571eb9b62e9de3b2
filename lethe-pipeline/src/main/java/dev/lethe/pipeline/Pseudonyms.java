package dev.lethe.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms (HMAC-SHA256, never a bare hash) for document ids and users. A user id never enters a
 * snapshot; lineage keeps {@link #subject(String)} so that a later deletion can find the user's documents
 * while nobody without the key can link a pseudonym back to an account or test a guessed id.
 *
 * <p>The key comes from {@code LETHE_PSEUDONYM_KEY} (base64, at least 32 bytes). In production
 * ({@code LETHE_MODE=production}) a missing key is an error; in development the public development key
 * {@code lethe-dev-pseudonym-key-not-secret!} (ASCII) is used and {@link #isDevelopment()} says so, so the
 * caller can warn. The key is never logged: {@link #keyId()} is a fingerprint safe to print and to record
 * in a manifest.
 */
public final class Pseudonyms implements java.io.Serializable {
  public static final String KEY_VARIABLE = "LETHE_PSEUDONYM_KEY";
  public static final String MODE_VARIABLE = "LETHE_MODE";
  private static final int MIN_BYTES = 32;
  private static final byte[] DEVELOPMENT = "lethe-dev-pseudonym-key-not-secret!".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;
  private final boolean development;
  private final String keyId;

  private Pseudonyms(byte[] raw) {
    this.key = new SecretKeySpec(raw, "HmacSHA256");
    this.development = MessageDigest.isEqual(raw, DEVELOPMENT);
    this.keyId = hex(mac("lethe/pseudonym-key-id/v1"), 4);
  }

  /** Pseudonyms under a raw key of at least 32 bytes. */
  public static Pseudonyms of(byte[] raw) {
    if (raw.length < MIN_BYTES) {
      throw new IllegalArgumentException("pseudonym key has " + raw.length + " bytes; at least " + MIN_BYTES + " are required");
    }
    return new Pseudonyms(raw.clone());
  }

  /** The public development key: anyone can recompute its pseudonyms. */
  public static Pseudonyms development() {
    return new Pseudonyms(DEVELOPMENT.clone());
  }

  /** The key of {@code LETHE_PSEUDONYM_KEY} under the mode of {@code LETHE_MODE}. */
  public static Pseudonyms fromEnvironment() {
    return resolve(System.getenv());
  }

  /**
   * The key configured in {@code environment}.
   *
   * @throws IllegalStateException in production mode without a key, or with the development key
   * @throws IllegalArgumentException when the value is not base64 of at least 32 bytes (the message never
   *     contains the value)
   */
  public static Pseudonyms resolve(Map<String, String> environment) {
    String value = environment.get(KEY_VARIABLE);
    String mode = environment.getOrDefault(MODE_VARIABLE, "");
    boolean production = "production".equalsIgnoreCase(mode.trim());
    if (!production && !mode.isBlank() && !"development".equalsIgnoreCase(mode.trim())) {
      throw new IllegalArgumentException(MODE_VARIABLE + " must be 'production' or 'development', not '" + mode + "'");
    }
    if (value == null || value.isBlank()) {
      if (production) {
        throw new IllegalStateException("no pseudonym key: set " + KEY_VARIABLE + " to a base64 key of at least 32"
            + " bytes (e.g. `openssl rand -base64 32`); it is required when " + MODE_VARIABLE + "=production");
      }
      return development();
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(KEY_VARIABLE + " is not valid base64 (" + value.strip().length() + " characters)");
    }
    Pseudonyms p = of(raw);
    if (production && p.development) {
      throw new IllegalStateException(KEY_VARIABLE + " is the public development key, refused in production");
    }
    return p;
  }

  /** Whether this is the public development key (callers warn). */
  public boolean isDevelopment() {
    return development;
  }

  /** A fingerprint of the key (8 hex digits), safe to log: equal keys have equal ids. */
  public String keyId() {
    return keyId;
  }

  /** The document id of a record: {@code <kind letter>-<24 hex>} from the source kind and its natural key. */
  public String documentId(SourceKind kind, String naturalKey) {
    return kind.id().charAt(0) + "-" + hex(mac("doc/" + kind.id() + "/" + naturalKey), 12);
  }

  /** The pseudonym of a user id: {@code u-<24 hex>}. */
  public String subject(String userId) {
    return "u-" + hex(mac("user/" + userId), 12);
  }

  /** A keyed digest of arbitrary text (canary seeds), 32 hex digits. */
  public String digest(String purpose, String value) {
    return hex(mac(purpose + "/" + value), 16);
  }

  private byte[] mac(String message) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      return m.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static String hex(byte[] bytes, int n) {
    return HexFormat.of().formatHex(bytes, 0, n);
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "Pseudonyms[key " + keyId + (development ? ", development" : "") + "]";
  }
}
