package dev.lethe.filter.mask;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret behind the keyed masking styles ({@code hash}, {@code surrogate}, {@code reversible}): at least
 * 256 bits. Every style derives its own subkey from it with HKDF-SHA256, so one key serves all of them and
 * no output of one style reveals the key of another.
 *
 * <p>Where the key comes from:
 * <ul>
 *   <li>{@link #of(byte[])} or {@link #fromBase64(String)}: from configuration;
 *   <li>{@link #fromEnvironment()}: from {@code LETHE_MASK_KEY} (base64), or, when it is unset, the
 *       {@linkplain #development() development key} in development mode and an error in production mode
 *       ({@code LETHE_MODE=production});
 *   <li>{@link #resolve(String, Mode)}: the same rule with the configured value and the mode given
 *       explicitly.
 * </ul>
 *
 * <p>A key is never printed: {@link #toString()} shows only its {@link #id()}, a fingerprint that is safe to
 * log and tells two keys apart.
 */
public final class MaskKey {
  /** Shortest key accepted: 32 bytes, 256 bits. */
  public static final int MIN_BYTES = 32;
  /** Environment variable that holds the base64 key. */
  public static final String KEY_VARIABLE = "LETHE_MASK_KEY";
  /** Environment variable that selects the mode: {@code production} or {@code development} (default). */
  public static final String MODE_VARIABLE = "LETHE_MODE";

  /**
   * The public development key, the 32 ASCII bytes {@code lethe-development-key-not-secret}. Anyone can
   * compute its pseudonyms and open its vaults: it only keeps development setups working without
   * configuration.
   */
  private static final byte[] DEVELOPMENT = "lethe-development-key-not-secret".getBytes(StandardCharsets.US_ASCII);

  private final byte[] bytes;
  private final String id;

  private MaskKey(byte[] bytes) {
    this.bytes = bytes;
    this.id = HexFormat.of().formatHex(derive("lethe/key-id/v1"), 0, 4);
  }

  /** Whether masking runs for production, where a missing key is an error, or for development. */
  public enum Mode {
    DEVELOPMENT,
    PRODUCTION;

    /** The mode named by {@code LETHE_MODE}; development when it is unset or empty. */
    public static Mode fromEnvironment() {
      return of(System.getenv(MODE_VARIABLE));
    }

    static Mode of(String value) {
      if (value == null || value.isBlank()) {
        return DEVELOPMENT;
      }
      for (Mode m : values()) {
        if (m.name().equalsIgnoreCase(value.trim())) {
          return m;
        }
      }
      throw new IllegalArgumentException(MODE_VARIABLE + " must be 'production' or 'development', not '"
          + value + "'");
    }
  }

  /**
   * A key from raw bytes, copied.
   *
   * @throws IllegalArgumentException when shorter than {@link #MIN_BYTES}
   */
  public static MaskKey of(byte[] raw) {
    if (raw.length < MIN_BYTES) {
      throw new IllegalArgumentException("mask key has " + raw.length + " bytes; at least " + MIN_BYTES
          + " (256 bits) are required");
    }
    return new MaskKey(raw.clone());
  }

  /**
   * A key from base64 (standard or URL-safe alphabet, padding optional).
   *
   * @throws IllegalArgumentException when not base64 or shorter than {@link #MIN_BYTES} once decoded; the
   *     message never contains the value
   */
  public static MaskKey fromBase64(String base64) {
    String s = base64.strip();
    byte[] raw;
    try {
      raw = (s.indexOf('-') >= 0 || s.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mask key is not valid base64 (" + s.length() + " characters)");
    }
    return of(raw);
  }

  /** The public development key; see {@link #isDevelopment()}. */
  public static MaskKey development() {
    return new MaskKey(DEVELOPMENT.clone());
  }

  /** {@link #resolve(String, Mode)} with {@code LETHE_MASK_KEY} and {@code LETHE_MODE}. */
  public static MaskKey fromEnvironment() {
    return resolve(System.getenv());
  }

  static MaskKey resolve(Map<String, String> environment) {
    return resolve(environment.get(KEY_VARIABLE), Mode.of(environment.get(MODE_VARIABLE)));
  }

  /**
   * The configured key, or the development key when none is configured in development mode.
   *
   * @param configuredBase64 the configured key in base64, or {@code null} (or blank) when none is
   * @throws IllegalStateException in production mode when no key is configured, or when the configured key
   *     is the public development key
   * @throws IllegalArgumentException when the configured key is not base64 of at least 32 bytes
   */
  public static MaskKey resolve(String configuredBase64, Mode mode) {
    if (configuredBase64 == null || configuredBase64.isBlank()) {
      if (mode == Mode.PRODUCTION) {
        throw new IllegalStateException("no mask key configured: the hash, surrogate and reversible masking"
            + " styles need a secret key in production (" + MODE_VARIABLE + "=production). Set "
            + KEY_VARIABLE + " to a base64 key of at least 32 bytes, e.g. the output of"
            + " `openssl rand -base64 32`");
      }
      return development();
    }
    MaskKey key = fromBase64(configuredBase64);
    if (mode == Mode.PRODUCTION && key.isDevelopment()) {
      throw new IllegalStateException("the configured mask key is the public development key, which is"
          + " refused in production (" + MODE_VARIABLE + "=production); configure a secret key");
    }
    return key;
  }

  /**
   * Whether this is the public development key, whose pseudonyms anyone can recompute and whose vaults
   * anyone can open. Callers warn about it (the CLI on stderr).
   */
  public boolean isDevelopment() {
    return MessageDigest.isEqual(bytes, DEVELOPMENT);
  }

  /**
   * A fingerprint of the key: 8 hex digits of a keyed derivation, safe to log; equal keys have equal ids.
   */
  public String id() {
    return id;
  }

  /** A 256-bit subkey for one purpose: HKDF-SHA256 (RFC 5869) with an empty salt and the purpose as info. */
  byte[] derive(String purpose) {
    // The JDK 17 has no HKDF; with one 32-byte output block it is two HMAC calls.
    byte[] prk = hmac(new byte[32], bytes);
    byte[] info = purpose.getBytes(StandardCharsets.UTF_8);
    byte[] block = new byte[info.length + 1];
    System.arraycopy(info, 0, block, 0, info.length);
    block[info.length] = 1;
    return hmac(prk, block);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** {@code MaskKey[id=…]}, with {@code development} for the development key; never the key itself. */
  @Override
  public String toString() {
    return "MaskKey[id=" + id + (isDevelopment() ? ", development" : "") + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaskKey k && MessageDigest.isEqual(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }
}
