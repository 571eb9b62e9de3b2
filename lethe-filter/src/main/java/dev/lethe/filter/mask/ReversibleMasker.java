package dev.lethe.filter.mask;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reversible style: numbered placeholders, {@code <PRIVATE_PERSON_1>}, and a {@link Vault} that puts the
 * originals back. This is the round trip of an application that sends text to a language model and wants the
 * names back in the answer:
 *
 * <pre>{@code
 * ReversibleMasker masker = Maskers.reversible(key);
 * Redaction first = masker.mask(message, filter.detect(message));          // a new conversation
 * String stored = masker.seal(first.vault());                              // keep with the conversation
 * ...
 * Vault vault = masker.open(stored);
 * Redaction next = masker.mask(message2, filter.detect(message2), vault);  // same person, same placeholder
 * String answer = masker.restore(modelAnswer, next.vault());
 * }</pre>
 *
 * <p>Unlike the numbered style, values are told apart exactly as written, not normalised: {@link #restore}
 * must give back each text character for character. A placeholder the vault does not know is left as it is;
 * placeholders may come back repeated and in any order.
 *
 * <p>Sealed vault, version 1, URL-safe base64 without padding of: version byte {@code 0x01}; the first 4
 * bytes of the key id; a random 96-bit nonce; AES-256-GCM (128-bit tag, the version and key id as associated
 * data) of the entries under the key's {@code lethe/vault/v1} subkey. Thread-safe.
 */
public final class ReversibleMasker implements Masker {
  private static final byte VERSION = 1;
  private static final int KEY_ID_BYTES = 4;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int HEADER = 1 + KEY_ID_BYTES + NONCE_BYTES;
  private static final SecureRandom NONCES = new SecureRandom();
  /** Label codes of format version 1, independent of the order of {@link Label}: code i + 1 is LABELS[i]. */
  private static final List<Label> LABELS = List.of(Label.PRIVATE_PERSON, Label.PRIVATE_ADDRESS,
      Label.PRIVATE_EMAIL, Label.PRIVATE_PHONE, Label.PRIVATE_URL, Label.PRIVATE_DATE, Label.ACCOUNT_NUMBER,
      Label.SECRET);

  private final SecretKeySpec vaultKey;
  private final byte[] keyId;

  ReversibleMasker(MaskKey key) {
    this.vaultKey = new SecretKeySpec(key.derive("lethe/vault/v1"), "AES");
    this.keyId = HexFormat.of().parseHex(key.id());
  }

  /** Masks the first message of a conversation; {@link Redaction#vault()} restores it. */
  @Override
  public Redaction mask(String text, List<Span> spans) {
    return mask(text, spans, Vault.empty());
  }

  /**
   * Masks a further message of the conversation whose vault is {@code previous}: an original seen before
   * keeps its placeholder. The returned redaction's vault extends {@code previous}.
   */
  public Redaction mask(String text, List<Span> spans, Vault previous) {
    Objects.requireNonNull(previous, "previous vault");
    Numbering numbering = previous.numbering(Numbering.literalPlaceholders(text, spans));
    List<Vault.Entry> added = new ArrayList<>();
    Redaction r = Splicer.splice(text, spans, s -> {
      String original = s.textIn(text);
      boolean known = numbering.has(s.label(), original);
      int n = numbering.number(s.label(), original);
      if (!known) {
        added.add(new Vault.Entry(s.label(), n, original));
      }
      return Numbering.placeholder(s.label(), n);
    });
    return new Redaction(r.text(), r.replacements(), previous.plus(added));
  }

  /** {@code text} with every placeholder that {@code vault} knows replaced by its original. */
  public String restore(String text, Vault vault) {
    Matcher m = Numbering.PLACEHOLDER.matcher(text);
    return m.replaceAll(r -> {
      String original = vault.original(r.group());
      return Matcher.quoteReplacement(original != null ? original : r.group());
    });
  }

  /** The vault encrypted and authenticated under this masker's key, as URL-safe base64. */
  public String seal(Vault vault) {
    byte[] plain = encode(vault);
    byte[] out = new byte[HEADER + plain.length + TAG_BITS / 8];
    out[0] = VERSION;
    System.arraycopy(keyId, 0, out, 1, KEY_ID_BYTES);
    byte[] nonce = new byte[NONCE_BYTES];
    NONCES.nextBytes(nonce);
    System.arraycopy(nonce, 0, out, 1 + KEY_ID_BYTES, NONCE_BYTES);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, vaultKey, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(out, 0, 1 + KEY_ID_BYTES);
      c.doFinal(plain, 0, plain.length, out, HEADER);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  /**
   * Decrypts a vault written by {@link #seal}.
   *
   * @throws VaultException when it is not a vault, has a newer version, was sealed under another key, or was
   *     changed after sealing
   */
  public Vault open(String sealed) {
    byte[] in;
    try {
      in = Base64.getUrlDecoder().decode(sealed.strip());
    } catch (IllegalArgumentException e) {
      throw new VaultException(VaultException.Reason.MALFORMED, "not a sealed vault: " + e.getMessage());
    }
    if (in.length < HEADER + TAG_BITS / 8) {
      throw new VaultException(VaultException.Reason.MALFORMED,
          "not a sealed vault: " + in.length + " bytes, a vault has at least " + (HEADER + TAG_BITS / 8));
    }
    if (in[0] != VERSION) {
      throw new VaultException(VaultException.Reason.UNSUPPORTED_VERSION,
          "vault format version " + (in[0] & 0xff) + "; this Lethe reads version " + VERSION);
    }
    byte[] id = Arrays.copyOfRange(in, 1, 1 + KEY_ID_BYTES);
    if (!MessageDigest.isEqual(id, keyId)) {
      throw new VaultException(VaultException.Reason.WRONG_KEY, "vault was sealed with mask key id "
          + HexFormat.of().formatHex(id) + ", not with this key (id " + HexFormat.of().formatHex(keyId) + ")");
    }
    byte[] plain;
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, vaultKey, new GCMParameterSpec(TAG_BITS, in, 1 + KEY_ID_BYTES, NONCE_BYTES));
      c.updateAAD(in, 0, 1 + KEY_ID_BYTES);
      plain = c.doFinal(in, HEADER, in.length - HEADER);
    } catch (AEADBadTagException e) {
      throw new VaultException(VaultException.Reason.TAMPERED,
          "vault failed authentication: it was changed after sealing, or sealed under another key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
    return decode(plain);
  }

  // Entries: count, then per entry a label code, the number, and the original. Originals are written char by
  // char in the 1-3 byte UTF-8 scheme (as CESU-8 does) rather than as UTF-8, which would replace a lone
  // surrogate: a span may end between the two halves of a pair, and restore must still be exact.

  private static byte[] encode(Vault vault) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeVarint(out, vault.size());
    for (Vault.Entry e : vault.entries()) {
      out.write(LABELS.indexOf(e.label()) + 1);
      writeVarint(out, e.number());
      String s = e.original();
      writeVarint(out, s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          out.write(c);
        } else if (c < 0x800) {
          out.write(0xc0 | c >> 6);
          out.write(0x80 | c & 0x3f);
        } else {
          out.write(0xe0 | c >> 12);
          out.write(0x80 | c >> 6 & 0x3f);
          out.write(0x80 | c & 0x3f);
        }
      }
    }
    return out.toByteArray();
  }

  private static Vault decode(byte[] plain) {
    ByteBuffer in = ByteBuffer.wrap(plain);
    try {
      int count = readVarint(in);
      List<Vault.Entry> entries = new ArrayList<>(Math.min(count, plain.length));
      for (int k = 0; k < count; k++) {
        Label label = LABELS.get(in.get() - 1);
        int number = readVarint(in);
        char[] chars = new char[readVarint(in)];
        for (int i = 0; i < chars.length; i++) {
          int b = in.get() & 0xff;
          chars[i] = (char) (b < 0x80 ? b
              : b < 0xe0 ? (b & 0x1f) << 6 | in.get() & 0x3f
              : (b & 0x0f) << 12 | (in.get() & 0x3f) << 6 | in.get() & 0x3f);
        }
        entries.add(new Vault.Entry(label, number, new String(chars)));
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " bytes after the last entry");
      }
      return new Vault(entries);
    } catch (RuntimeException e) {
      // Only a bug can get here: the content passed authentication, so it is what seal wrote.
      throw new VaultException(VaultException.Reason.MALFORMED, "vault content is inconsistent: " + e);
    }
  }

  private static void writeVarint(ByteArrayOutputStream out, int v) {
    while ((v & ~0x7f) != 0) {
      out.write(v & 0x7f | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  private static int readVarint(ByteBuffer in) {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.get() & 0xff;
      v |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("varint longer than 5 bytes");
  }
}
