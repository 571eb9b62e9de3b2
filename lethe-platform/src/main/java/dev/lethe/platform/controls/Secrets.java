package dev.lethe.platform.controls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Bearer tokens and one-time codes: random, and kept only as SHA-256 hashes. Never logged. */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A fresh 256-bit bearer token, URL-safe Base64 without padding (43 characters). */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A fresh numeric one-time code of {@code digits} digits. */
  public static String newCode(int digits) {
    StringBuilder sb = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      sb.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return sb.toString();
  }

  /**
   * SHA-256 of {@code secret}, hex. A bare hash is enough for 256-bit random tokens (no dictionary
   * to try); one-time codes are short, so they also expire and allow few attempts.
   */
  public static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Compares a presented secret with a stored hash in constant time. */
  public static boolean matches(String presented, String storedHash) {
    if (presented == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
