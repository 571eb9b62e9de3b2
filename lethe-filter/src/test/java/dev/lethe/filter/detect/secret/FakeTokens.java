package dev.lethe.filter.detect.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Fake credentials with the right shape (and, where the format has one, a valid checksum), drawn from a
 * seeded random source: they look real to the detector and are nobody's secret. The checksums are computed
 * here independently of the code under test.
 */
final class FakeTokens {
  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String DIGITS = "0123456789";
  static final String HEX = "0123456789abcdef";
  static final String BASE62 = DIGITS + UPPER + LOWER;
  static final String BASE64 = UPPER + LOWER + DIGITS + "+/";
  static final String BASE64URL = UPPER + LOWER + DIGITS + "-_";
  static final String BASE32 = UPPER + "234567";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  private final Random random;

  FakeTokens(long seed) {
    this.random = new Random(seed);
  }

  String chars(String alphabet, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  String base62(int n) {
    return chars(BASE62, n);
  }

  String hex(int n) {
    return chars(HEX, n);
  }

  String digits(int n) {
    return chars("123456789", 1) + chars(DIGITS, n - 1);
  }

  /** Base64url, never starting or ending with '-' or '_' (so that the token's edges are unambiguous). */
  String base64url(int n) {
    if (n < 2) {
      return base62(n);
    }
    return base62(1) + chars(BASE64URL, n - 2) + base62(1);
  }

  String base64(int n) {
    return base62(1) + chars(BASE64, n - 1);
  }

  String uuid() {
    return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
  }

  /** A GitHub-style token: prefix, 30 random base62 chars, 6 base62 digits of their CRC32. */
  String github(String prefix) {
    String body = base62(30);
    return prefix + body + crc32Base62(body);
  }

  /** The same with a checksum that does not verify. */
  String githubBadChecksum(String prefix) {
    String good = github(prefix);
    char last = good.charAt(good.length() - 1);
    return good.substring(0, good.length() - 1) + (last == 'a' ? 'b' : 'a');
  }

  static String crc32Base62(String s) {
    CRC32 crc = new CRC32();
    crc.update(s.getBytes(StandardCharsets.US_ASCII));
    long v = crc.getValue();
    char[] out = new char[6];
    for (int i = 5; i >= 0; i--) {
      out[i] = BASE62.charAt((int) (v % 62));
      v /= 62;
    }
    return new String(out);
  }

  /** An age X25519 identity: {@code AGE-SECRET-KEY-1} + 52 data chars + 6 Bech32 checksum chars. */
  String age() {
    String data = chars(BECH32, 52);
    return ("AGE-SECRET-KEY-1" + data + bech32Checksum("age-secret-key-", data)).toUpperCase();
  }

  static String bech32Checksum(String hrp, String data) {
    int[] values = new int[hrp.length() * 2 + 1 + data.length() + 6];
    int k = 0;
    for (char c : hrp.toCharArray()) {
      values[k++] = c >> 5;
    }
    values[k++] = 0;
    for (char c : hrp.toCharArray()) {
      values[k++] = c & 31;
    }
    for (char c : data.toCharArray()) {
      values[k++] = BECH32.indexOf(c);
    }
    int polymod = polymod(values) ^ 1;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      out.append(BECH32.charAt((polymod >> (5 * (5 - i))) & 31));
    }
    return out.toString();
  }

  private static int polymod(int[] values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int top = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ v;
      for (int i = 0; i < 5; i++) {
        if (((top >> i) & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }

  /** A signed JWT whose header is {@code {"alg":"HS256","typ":"JWT"}}. */
  String jwt() {
    return jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"sub\":\"" + digits(6) + "\",\"iat\":" + digits(10) + "}")
        + base64url(43);
  }

  /** Header and payload of a JWT, with the dot before the signature. */
  static String jwt(String header, String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
  }

  /** A PEM block of {@code label} with {@code lines} lines of 64 base64 chars. */
  String pem(String label, int lines) {
    StringBuilder s = new StringBuilder("-----BEGIN " + label + "-----\n");
    for (int i = 0; i < lines; i++) {
      s.append(base64(64)).append('\n');
    }
    return s.append(base64(20)).append("=\n-----END ").append(label).append("-----").toString();
  }
}
