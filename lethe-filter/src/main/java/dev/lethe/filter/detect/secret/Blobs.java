package dev.lethe.filter.detect.secret;

import dev.lethe.filter.detect.Keywords.Boundary;

/**
 * Embedded binary data ({@code data:image/png;base64,iVBOR...}) is not a secret, and random base64 is full
 * of accidental key words and token prefixes: the scan skips it whole.
 */
final class Blobs {
  private Blobs() {}

  static void register(AnchorSet set) {
    set.on(";base64,", Boundary.NONE, Blobs::atDataUri);
  }

  private static void atDataUri(Scan scan, int s, int e) {
    String t = scan.text;
    int end = e;
    while (end < t.length() && Chars.isBase64(t.charAt(end))) {
      end++;
    }
    scan.skip(s, end);
  }
}
