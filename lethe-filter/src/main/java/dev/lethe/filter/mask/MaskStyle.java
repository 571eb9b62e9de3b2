package dev.lethe.filter.mask;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How detected spans are replaced. Create a masker for a style with {@link Maskers#create}.
 *
 * <table>
 *   <caption>Styles, for the email {@code ana.ruiz@gmail.com}</caption>
 *   <tr><th>style</th><th>replacement</th><th>key</th><th>reversible</th></tr>
 *   <tr><td>placeholder</td><td>{@code <PRIVATE_EMAIL>}</td><td>no</td><td>no</td></tr>
 *   <tr><td>numbered</td><td>{@code <PRIVATE_EMAIL_1>}, same value same number within a text</td><td>no</td><td>no</td></tr>
 *   <tr><td>redact</td><td>{@code <REDACTED>}</td><td>no</td><td>no</td></tr>
 *   <tr><td>hash</td><td>{@code <PRIVATE_EMAIL:3f9a1c0b7d2e>}, stable across texts under one key</td><td>yes</td><td>no</td></tr>
 *   <tr><td>surrogate</td><td>{@code lena.hart@gmail.com}, a realistic fake of the same format</td><td>yes</td><td>no</td></tr>
 *   <tr><td>reversible</td><td>{@code <PRIVATE_EMAIL_1>} plus an encrypted {@link Vault}</td><td>yes</td><td>yes</td></tr>
 * </table>
 */
public enum MaskStyle {
  PLACEHOLDER(false),
  NUMBERED(false),
  REDACT(false),
  HASH(true),
  SURROGATE(true),
  REVERSIBLE(true);

  private final String id = name().toLowerCase(Locale.ROOT);
  private final boolean keyed;

  MaskStyle(boolean keyed) {
    this.keyed = keyed;
  }

  /** The style as named in options and configuration, e.g. {@code surrogate}. */
  public String id() {
    return id;
  }

  /** Whether the style needs a secret {@link MaskKey}: its output depends on the key. */
  public boolean keyed() {
    return keyed;
  }

  /**
   * Parses a style id, case-insensitively.
   *
   * @throws IllegalArgumentException naming the known styles when {@code id} is not one of them
   */
  public static MaskStyle fromId(String id) {
    for (MaskStyle s : values()) {
      if (s.id.equalsIgnoreCase(id.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown masking style '" + id + "'; known styles: "
        + Arrays.stream(values()).map(MaskStyle::id).collect(Collectors.joining(", ")));
  }
}
