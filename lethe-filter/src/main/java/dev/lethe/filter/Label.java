package dev.lethe.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The eight kinds of personal information Lethe finds, the taxonomy of OpenAI Privacy Filter.
 *
 * <p>{@link #id()} is the lower-case name used in data ({@code private_email}); {@link #placeholder()}
 * is the upper-case token used when masking ({@code <PRIVATE_EMAIL>}).
 */
public enum Label {
  PRIVATE_PERSON,
  PRIVATE_ADDRESS,
  PRIVATE_EMAIL,
  PRIVATE_PHONE,
  PRIVATE_URL,
  PRIVATE_DATE,
  ACCOUNT_NUMBER,
  SECRET;

  private final String id = name().toLowerCase(Locale.ROOT);
  private final String placeholder = "<" + name() + ">";

  /** The label as written in datasets and JSON, e.g. {@code private_email}. */
  public String id() {
    return id;
  }

  /** The placeholder that replaces a span of this label, e.g. {@code <PRIVATE_EMAIL>}. */
  public String placeholder() {
    return placeholder;
  }

  /**
   * Parses a label id, case-insensitively.
   *
   * @throws IllegalArgumentException naming the known labels when {@code id} is not one of them
   */
  public static Label fromId(String id) {
    for (Label l : values()) {
      if (l.id.equalsIgnoreCase(id.trim())) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown label '" + id + "'; known labels: "
        + Arrays.stream(values()).map(Label::id).collect(Collectors.joining(", ")));
  }
}
