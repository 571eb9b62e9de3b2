package dev.lethe.filter.detect.secret;

import java.util.zip.CRC32;

/** Checksums that some token formats carry, so that a real token can be told from a look-alike. */
final class Checksums {
  private Checksums() {}

  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  /**
   * GitHub ({@code ghp_}, {@code gho_}, ...) and npm ({@code npm_}) tokens: after the prefix's underscore come
   * 30 random base62 chars and 6 base62 digits (0-9A-Za-z, zero-padded) of the CRC32 of those 30 chars.
   * See https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/ and
   * https://github.blog/2021-09-23-announcing-npms-new-access-token-format/.
   */
  static boolean crc32Base62(CharSequence text, int start, int end) {
    int body = start;
    while (body < end && text.charAt(body) != '_') {
      body++;
    }
    body++;
    if (end - body != 36) {
      return false;
    }
    byte[] random = new byte[30];
    for (int i = 0; i < 30; i++) {
      random[i] = (byte) text.charAt(body + i);
    }
    CRC32 crc = new CRC32();
    crc.update(random);
    long value = crc.getValue();
    for (int i = 35; i >= 30; i--) {
      if (text.charAt(body + i) != BASE62.charAt((int) (value % 62))) {
        return false;
      }
      value /= 62;
    }
    return true;
  }

  /**
   * A Bech32 string (BIP 173) such as an age secret key {@code AGE-SECRET-KEY-1...}: human-readable part,
   * separator {@code 1}, data with a six-char checksum. Upper or lower case, not mixed.
   */
  static boolean bech32(CharSequence text, int start, int end) {
    int sep = -1;
    for (int i = end - 1; i >= start; i--) {
      if (text.charAt(i) == '1') {
        sep = i;
        break;
      }
    }
    if (sep <= start || end - sep < 7) {
      return false;
    }
    int chk = 1;
    for (int i = start; i < sep; i++) {
      chk = polymodStep(chk) ^ (lower(text.charAt(i)) >> 5);
    }
    chk = polymodStep(chk);
    for (int i = start; i < sep; i++) {
      chk = polymodStep(chk) ^ (lower(text.charAt(i)) & 31);
    }
    for (int i = sep + 1; i < end; i++) {
      int v = BECH32.indexOf(lower(text.charAt(i)));
      if (v < 0) {
        return false;
      }
      chk = polymodStep(chk) ^ v;
    }
    return chk == 1;
  }

  private static int polymodStep(int pre) {
    int b = pre >>> 25;
    return ((pre & 0x1ffffff) << 5)
        ^ (-((b) & 1) & 0x3b6a57b2)
        ^ (-((b >> 1) & 1) & 0x26508e6d)
        ^ (-((b >> 2) & 1) & 0x1ea119fa)
        ^ (-((b >> 3) & 1) & 0x3d4233dd)
        ^ (-((b >> 4) & 1) & 0x2a1462b3);
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
