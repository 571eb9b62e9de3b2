package dev.lethe.guard.gateway;

import dev.lethe.filter.mask.ReversibleMasker;
import dev.lethe.filter.mask.Vault;
import java.util.regex.Pattern;

/**
 * Puts the originals back into a streamed answer: the reversible style's {@code restore}, holding back a
 * trailing {@code <PRIVATE_PERS} until the chunk that completes the placeholder arrives. For one stream.
 */
final class Restorer {
  /** What a placeholder may look like before its closing {@code >}. */
  private static final Pattern PLACEHOLDER_START = Pattern.compile("<[A-Z_]{0,17}\\d{0,6}");
  private static final int LONGEST = 24; // "<PRIVATE_ADDRESS_123456>"

  private final ReversibleMasker masker;
  private final Vault vault;
  private final StringBuilder pending = new StringBuilder();

  Restorer(ReversibleMasker masker, Vault vault) {
    this.masker = masker;
    this.vault = vault;
  }

  /** {@code chunk} restored, without a trailing placeholder start. */
  String push(String chunk) {
    pending.append(chunk);
    int lt = pending.lastIndexOf("<");
    int cut = lt >= 0 && pending.length() - lt < LONGEST
        && PLACEHOLDER_START.matcher(pending).region(lt, pending.length()).matches() ? lt : pending.length();
    String out = pending.substring(0, cut);
    pending.delete(0, cut);
    return masker.restore(out, vault);
  }

  /** The rest, restored. */
  String finish() {
    String out = masker.restore(pending.toString(), vault);
    pending.setLength(0);
    return out;
  }
}
