package dev.lethe.pipeline.stage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key of exact-duplicate removal: SHA-256 of the text normalised to NFC, lower case and single spaces
 * (trimmed), first 128 bits. Two documents with the same key are duplicates whatever their source. Pure.
 */
public final class TextKey {
  private TextKey() {}

  public static String of(String text) {
    String norm = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(norm.length());
    boolean space = false;
    for (int i = 0; i < norm.length(); i++) {
      char c = norm.charAt(i);
      if (Character.isWhitespace(c)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
