package dev.lethe.filter.detect.secret;

import static dev.lethe.filter.detect.secret.Confidence.KEY_BLOCK;
import static dev.lethe.filter.detect.secret.Confidence.PROVIDER;
import static dev.lethe.filter.detect.secret.Confidence.PROVIDER_LOOSE;

import dev.lethe.filter.detect.Keywords.Boundary;

/**
 * Multi-line key material, each one span from its first line to its last: PEM private keys (PKCS#1 RSA,
 * SEC1 EC, DSA, PKCS#8 plain and encrypted, OpenSSH, PGP private key blocks, SSH2 encrypted keys) and
 * PuTTY private key files. PEM blocks that are not private keys (certificates, public keys) are skipped
 * whole, so that nothing inside them is mistaken for a token. Also JSON Web Tokens.
 */
final class KeyBlocks {
  private KeyBlocks() {}

  /** Largest key block looked for: an 8192-bit RSA key in PEM is about 6.5 KB. */
  private static final int MAX_BLOCK = 16 * 1024;
  /** Base64 chars a private key body has at least; "...", "<your key>" bodies have fewer. */
  private static final int MIN_BODY = 40;

  static void register(AnchorSet set) {
    set.on("-----BEGIN ", Boundary.NONE, KeyBlocks::atPemBegin);
    set.on("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----", Boundary.NONE, KeyBlocks::atSsh2Begin);
    set.on("-User-Key-File-", Boundary.NONE, KeyBlocks::atPutty);
    set.on("eyJ", Boundary.WORD_START, KeyBlocks::atJwt);
  }

  /** {@code -----BEGIN <label>-----} ... {@code -----END <label>-----}. */
  private static void atPemBegin(Scan scan, int s, int e) {
    String t = scan.text;
    if (!t.startsWith("-----BEGIN ", s)) {
      return;
    }
    int labelEnd = indexWithin(t, "-----", e, e + 64);
    if (labelEnd < 0 || labelEnd - e > 64) {
      return;
    }
    String label = t.substring(e, labelEnd);
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !Chars.isDigit(c) && c != ' ') {
        return;
      }
    }
    int bodyStart = labelEnd + 5;
    String endMarker = "-----END " + label + "-----";
    int end = scan.nextPemEnd(bodyStart);
    if (end > bodyStart + MAX_BLOCK || (end >= 0 && !t.startsWith(endMarker, end))) {
      end = -1;
    }
    boolean privateKey = label.contains("PRIVATE KEY");
    if (!privateKey) {
      // A certificate or public key: not a secret, and nothing inside is one either.
      if (end >= 0) {
        scan.skip(s, end + endMarker.length());
      }
      return;
    }
    if (end >= 0) {
      if (base64Chars(t, bodyStart, end) >= MIN_BODY && !isTemplate(t, bodyStart, end)) {
        scan.reportOpaque(subtype(t, s), s, end + endMarker.length(), KEY_BLOCK);
      }
      return;
    }
    // Truncated paste: the block up to where its base64 lines stop.
    int bodyEnd = bodyEnd(t, bodyStart);
    if (base64Chars(t, bodyStart, bodyEnd) >= 4 * MIN_BODY) {
      scan.reportOpaque(subtype(t, s), s, bodyEnd, PROVIDER_LOOSE);
    }
  }

  /** {@code ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----} (RFC 4716 style, used by ssh.com and PuTTYgen). */
  private static void atSsh2Begin(Scan scan, int s, int e) {
    String t = scan.text;
    String endMarker = "---- END SSH2 ENCRYPTED PRIVATE KEY ----";
    int end = indexWithin(t, endMarker, e, e + MAX_BLOCK);
    if (t.startsWith("---- BEGIN", s) && end >= 0 && base64Chars(t, e, end) >= MIN_BODY) {
      scan.reportOpaque("private_key", s, end + endMarker.length(), KEY_BLOCK);
    }
  }

  /** A PuTTY {@code .ppk} file, from its first line to the end of its {@code Private-MAC} line. */
  private static void atPutty(Scan scan, int anchor, int e) {
    String t = scan.text;
    int s = anchor - "PuTTY".length();
    if (!t.startsWith("PuTTY-User-Key-File-", s)) {
      return;
    }
    int lines = indexWithin(t, "Private-Lines:", e, e + MAX_BLOCK);
    int mac = indexWithin(t, "Private-MAC:", e, e + MAX_BLOCK);
    if (lines < 0 || mac < lines) {
      return;
    }
    int end = Chars.lineEnd(t, mac, mac + 200);
    while (end > mac && Chars.isSpaceOrTab(t.charAt(end - 1))) {
      end--;
    }
    scan.reportOpaque("putty_private_key", s, end, KEY_BLOCK);
  }

  /**
   * A JSON Web Token (RFC 7519) in compact form: base64url header, payload and signature separated by
   * dots, the header a JSON object with an {@code alg}. An unsigned token ({@code alg: none}, empty
   * signature) is still a bearer credential. A JWE (five parts) is taken whole.
   */
  private static void atJwt(Scan scan, int s, int e) {
    String t = scan.text;
    int n = t.length();
    if (!t.startsWith("eyJ", s)) {
      return;
    }
    int headerEnd = base64UrlRun(t, s);
    if (headerEnd >= n || t.charAt(headerEnd) != '.' || !headerHasAlg(t, s, headerEnd)) {
      return;
    }
    // Ends of up to five dot-separated parts: three for a JWS, five for a JWE.
    int[] ends = new int[5];
    ends[0] = headerEnd;
    int parts = 1;
    while (parts < 5 && ends[parts - 1] < n && t.charAt(ends[parts - 1]) == '.') {
      ends[parts] = base64UrlRun(t, ends[parts - 1] + 1);
      parts++;
    }
    if (parts < 3 || ends[1] == ends[0] + 1) {
      return;
    }
    int end = ends[parts == 5 ? 4 : 2];
    boolean signed = end > ends[parts == 5 ? 3 : 1] + 1;
    scan.reportOpaque("jwt", s, end, signed ? PROVIDER : PROVIDER_LOOSE);
  }

  /**
   * Whether a key body is a stand-in ({@code <your key here>}, {@code MIIE...}, {@code {{ key }}}). Only
   * syntax counts: a real body is thousands of random base64 chars, in which words such as "your" occur
   * by chance.
   */
  private static boolean isTemplate(String t, int from, int to) {
    return Chars.indexOf(t, "...", from, to) >= 0 || Chars.indexOf(t, "<", from, to) >= 0
        || Chars.indexOf(t, "{{", from, to) >= 0 || Chars.indexOf(t, "${", from, to) >= 0;
  }

  private static int base64UrlRun(String t, int i) {
    int limit = Math.min(t.length(), i + MAX_BLOCK);
    while (i < limit && (Chars.isAsciiAlnum(t.charAt(i)) || t.charAt(i) == '-' || t.charAt(i) == '_')) {
      i++;
    }
    return i;
  }

  /** Whether the base64url header {@code t[s, e)} decodes to a JSON object with an "alg" member. */
  private static boolean headerHasAlg(String t, int s, int e) {
    if (e - s > 2048) {
      return false;
    }
    byte[] json;
    try {
      json = java.util.Base64.getUrlDecoder().decode(t.substring(s, e));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    String header = new String(json, java.nio.charset.StandardCharsets.ISO_8859_1);
    return header.startsWith("{") && header.contains("\"alg\"");
  }

  /** The subtype of the key block at {@code s}: a Google Cloud service-account key when its JSON says so. */
  private static String subtype(String t, int s) {
    int from = Math.max(0, s - 2048);
    return Chars.indexOf(t, "\"private_key\"", Math.max(0, s - 40), s) >= 0
        && Chars.indexOf(t, "service_account", from, s) >= 0 ? "gcp_service_account_key" : "private_key";
  }

  /** The first index of {@code word} starting in {@code [from, to]}, or -1; never looks further. */
  private static int indexWithin(String t, String word, int from, int to) {
    return Chars.indexOf(t, word, from, to + word.length());
  }

  private static int base64Chars(String t, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (Chars.isAsciiAlnum(c) || c == '+' || c == '/') {
        count++;
      }
    }
    return count;
  }

  /**
   * End of the base64 lines after a BEGIN line (real or {@code \n}-escaped line breaks). A line shorter
   * than the ones before it is the last; a line with other chars is not part of the key.
   */
  private static int bodyEnd(String t, int i) {
    int limit = Math.min(t.length(), i + MAX_BLOCK);
    int end = i;
    int width = 0;
    while (i < limit) {
      if (t.charAt(i) == '\r' || t.charAt(i) == '\n') {
        i++;
      } else if (t.startsWith("\\n", i)) {
        i += 2;
      } else {
        break;
      }
      int line = i;
      while (line < limit && (Chars.isAsciiAlnum(t.charAt(line)) || "+/=".indexOf(t.charAt(line)) >= 0)) {
        line++;
      }
      boolean whole = line == limit || Chars.isLineBreak(t.charAt(line)) || t.startsWith("\\n", line);
      if (line == i || !whole) {
        break;
      }
      end = line;
      if (line - i < width) {
        break;
      }
      width = line - i;
      i = line;
    }
    return end;
  }
}
