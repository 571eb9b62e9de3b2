package dev.lethe.platform.controls;

/**
 * Escaping of text into HTML (element content and quoted attribute values), for the export's readable
 * page and the web UI. Hand-written: five characters, and every HTML-producing library would bring
 * a template engine along.
 */
public final class Html {
  private Html() {}

  /** {@code s} with {@code < > & " '} replaced by entities; null gives the empty string. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
