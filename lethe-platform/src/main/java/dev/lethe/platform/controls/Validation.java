package dev.lethe.platform.controls;

import java.util.regex.Pattern;

/** Input checks shared by the services; each failure names its field. */
final class Validation {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private Validation() {}

  static String email(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ControlsException.invalid(field, "is required");
    }
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (v.length() > 254 || !EMAIL.matcher(v).matches()) {
      throw ControlsException.invalid(field, "is not an email address");
    }
    return v;
  }

  static String text(String field, String value, int min, int max) {
    if (value == null) {
      throw ControlsException.invalid(field, "is required");
    }
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
    return value;
  }
}
