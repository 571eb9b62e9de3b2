package dev.lethe.filter.mask;

import dev.lethe.filter.Label;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a labelled value under one subkey of a {@link MaskKey}: the keyed pseudonym behind the
 * hash style and the per-value seed of the surrogate style. Thread-safe: each call works on a clone of an
 * initialised prototype.
 */
final class KeyedHash {
  private final Mac prototype;

  KeyedHash(MaskKey key, String purpose) {
    try {
      prototype = Mac.getInstance("HmacSHA256");
      prototype.init(new SecretKeySpec(key.derive(purpose), "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** HMAC(subkey, label id, 0x00, UTF-8 of value): 32 bytes. The label separates equal strings of two labels. */
  byte[] of(Label label, String value) {
    Mac mac = mac();
    mac.update(label.id().getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) 0);
    return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
  }

  /** The first 8 bytes of {@link #of} as a long: a seed for a value's random choices. */
  long seed(Label label, String value) {
    byte[] h = of(label, value);
    long seed = 0;
    for (int i = 0; i < 8; i++) {
      seed = (seed << 8) | (h[i] & 0xff);
    }
    return seed;
  }

  private Mac mac() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 provider cannot clone", e);
    }
  }
}
