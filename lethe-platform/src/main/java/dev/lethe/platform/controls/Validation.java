package dev.lethe.platform.controls;

import java.util.regex.Pattern;

/** Input checks shared by the services; each failure names its field. */
public final class Validation {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private Validation() {}

  static String email(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ControlsException.invalid(field, "is required");
    }
    checkCharacters(field, value);
    String v = java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
    for (int i = 0; i < v.length(); ) {
      int cp = v.codePointAt(i);
      if (invisible(cp)) {
        // Zero-width, bidi and other format or control characters make look-alike duplicates of an address.
        throw ControlsException.invalid(field, String.format("contains the invisible or control character U+%04X at %d", cp,
            v.codePointCount(0, i)));
      }
      i += Character.charCount(cp);
    }
    if (v.length() > 254 || !EMAIL.matcher(v).matches()) {
      throw ControlsException.invalid(field, "is not an email address");
    }
    return v;
  }

  /** Format (zero-width, bidi), control, separator, private-use or unassigned code points. */
  private static boolean invisible(int cp) {
    return switch (Character.getType(cp)) {
      case Character.FORMAT, Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR, Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE -> true;
      default -> false;
    };
  }

  /**
   * Refuses U+0000 (PostgreSQL cannot store it) and unpaired surrogates (not Unicode text: they would
   * be stored as '?'), naming the field and the code-point offset.
   */
  public static void checkCharacters(String field, String value) {
    for (int i = 0, cps = 0; i < value.length(); cps++) {
      char ch = value.charAt(i);
      if (ch == 0) {
        throw ControlsException.invalid(field, "contains U+0000 at " + cps);
      }
      if (Character.isSurrogate(ch)) {
        boolean paired = Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          throw ControlsException.invalid(field, String.format("contains the unpaired surrogate U+%04X at %d", (int) ch, cps));
        }
        i += 2;
      } else {
        i++;
      }
    }
  }

  static String text(String field, String value, int min, int max) {
    if (value == null) {
      throw ControlsException.invalid(field, "is required");
    }
    checkCharacters(field, value);
    if (value.isBlank() && min > 0) {
      throw ControlsException.invalid(field, "must not be blank");
    }
    int length = value.codePointCount(0, value.length());
    if (length < min || length > max) {
      throw ControlsException.invalid(field, "must have " + min + " to " + max + " characters, has " + length);
    }
    return value;
  }

  static String optionalText(String field, String value, int max) {
    return value == null ? null : text(field, value, 0, max);
  }

  static String id(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ControlsException.invalid(field, "is required");
    }
    if (value.length() > 100) {
      throw ControlsException.invalid(field, "is too long");
    }
    checkCharacters(field, value);
    return value;
  }
}
