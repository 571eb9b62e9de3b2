package dev.lethe.filter.mask;

import dev.lethe.filter.Label;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The originals behind the placeholders of a conversation masked with the {@linkplain MaskStyle#REVERSIBLE
 * reversible} style: {@code <PRIVATE_PERSON_1>} is {@code Ana Ruiz}. Immutable; each masked message returns a
 * new vault that extends the one passed in.
 *
 * <p>A vault holds personal information in clear: keep it in memory only as long as needed, and store it
 * sealed ({@link ReversibleMasker#seal}). {@link #toString()} shows only the number of entries.
 */
public final class Vault {
  private static final Vault EMPTY = new Vault(List.of());

  /** One original and the placeholder number it got. */
  record Entry(Label label, int number, String original) {
    String placeholder() {
      return Numbering.placeholder(label, number);
    }
  }

  private final List<Entry> entries;
  private final Map<String, String> originals = new HashMap<>();

  Vault(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry e : this.entries) {
      if (originals.put(e.placeholder(), e.original()) != null) {
        throw new IllegalArgumentException("placeholder " + e.placeholder() + " appears twice");
      }
    }
  }

  /** The vault of a conversation that has no message yet. */
  public static Vault empty() {
    return EMPTY;
  }

  /** Number of placeholders the vault can restore. */
  public int size() {
    return entries.size();
  }

  List<Entry> entries() {
    return entries;
  }

  /** The original behind {@code placeholder}, or {@code null} when the vault does not know it. */
  String original(String placeholder) {
    return originals.get(placeholder);
  }

  /** A numbering that continues this vault's: known originals keep their numbers. */
  Numbering numbering(Set<String> taken) {
    Numbering n = new Numbering(taken);
    for (Entry e : entries) {
      n.assign(e.label(), e.original(), e.number());
    }
    return n;
  }

  Vault plus(List<Entry> added) {
    if (added.isEmpty()) {
      return this;
    }
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(added);
    return new Vault(all);
  }

  /** Equal vaults restore the same placeholders to the same originals. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Vault v && entries.equals(v.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "Vault[" + entries.size() + " entries]";
  }
}
