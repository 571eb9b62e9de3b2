package dev.lethe.filter.detect;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import dev.lethe.filter.detect.secret.SecretDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * Values known by their column: a delimited table (CSV, TSV, semicolon or pipe separated) whose header
 * names a secret or an id, such as a password-manager export ({@code name,url,username,password} of
 * Chrome, {@code login_password,login_totp} of Bitwarden, {@code Title,Url,Username,Password,OTPAuth} of
 * 1Password) or a pasted extract ({@code customer_id,full_name,email}, {@code emp_id,name,ssn}). Each
 * cell of such a column in the rows below the header is a span: {@code password} (label secret) or the
 * id subtype the header names (label account_number, as {@link AccountNumberDetector} names keys).
 *
 * <p>A header is a line of two or more cells, each a short name (letters, digits, spaces, {@code _ - #},
 * optionally quoted), followed by a row with as many cells. Rows end at the first line with another
 * number of cells. An id cell must look like an id (the same length and digit rules as a keyed id);
 * a secret cell must not be empty, a placeholder or a sentence. Bare {@code id} columns (row numbers) and card or
 * routing columns (validated by their own checks) are left to the other detectors.
 *
 * <p>Written by hand: a CSV library (Commons CSV, Jackson CSV) parses a whole document, while this
 * detector must find small tables inside free text and cost almost nothing on text without one. Speed:
 * one {@link String#indexOf(int)} per line break; a line is read as a header only when it has a delimiter
 * and short name-like cells.
 */
public final class TableColumnDetector implements Detector {
  static final String NAME = "column";
  private static final String DELIMITERS = ",;\t|";
  private static final int MAX_HEADER = 400;
  private static final int MAX_NAME = 40;
  private static final double SECRET = 0.9;
  private static final double ID = 0.85;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void detect(String text, List<Span> out) {
    int n = text.length();
    int line = 0;
    while (line < n) {
      int eol = lineEnd(text, line);
      int next = eol < n ? eol + 1 : n;
      if (eol - line <= MAX_HEADER && next < n) {
        int rowsEnd = table(text, line, eol, out);
        if (rowsEnd > next) {
          next = rowsEnd;
        }
      }
      line = next;
    }
  }

  private static int lineEnd(String text, int from) {
    int eol = text.indexOf('\n', from);
    return eol < 0 ? text.length() : eol;
  }

  /** Reads {@code text[line, eol)} as a header; returns where its table ends, or -1 when it is no header. */
  private static int table(String text, int line, int eol, List<Span> out) {
    int end = eol > line && text.charAt(eol - 1) == '\r' ? eol - 1 : eol;
    char delimiter = delimiterOf(text, line, end);
    if (delimiter == 0) {
      return -1;
    }
    List<int[]> header = cells(text, line, end, delimiter);
    if (header == null || header.size() < 2) {
      return -1;
    }
    String[] kinds = new String[header.size()];
    boolean any = false;
    for (int c = 0; c < header.size(); c++) {
      int[] cell = header.get(c);
      if (!isName(text, cell[0], cell[1])) {
        return -1;
      }
      kinds[c] = columnKind(text.substring(cell[0], cell[1]));
      any |= kinds[c] != null;
    }
    if (!any) {
      return -1;
    }
    int n = text.length();
    int row = eol + 1;
    while (row < n) {
      int rowEol = lineEnd(text, row);
      int rowEnd = rowEol > row && text.charAt(rowEol - 1) == '\r' ? rowEol - 1 : rowEol;
      List<int[]> cells = cells(text, row, rowEnd, delimiter);
      if (cells == null || cells.size() != header.size()) {
        return row;
      }
      for (int c = 0; c < cells.size(); c++) {
        if (kinds[c] != null) {
          cell(text, cells.get(c)[0], cells.get(c)[1], kinds[c], out);
        }
      }
      row = rowEol + 1;
    }
    return n;
  }

  /** The first delimiter char of the line, or 0. */
  private static char delimiterOf(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (DELIMITERS.indexOf(c) >= 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * The cells of {@code text[from, to)} as [start, end) of their content, quotes and surrounding spaces
   * outside; null for a line whose quotes do not close.
   */
  private static List<int[]> cells(String text, int from, int to, char delimiter) {
    List<int[]> cells = new ArrayList<>();
    int i = from;
    while (true) {
      while (i < to && text.charAt(i) == ' ') {
        i++;
      }
      int s;
      int e;
      if (i < to && text.charAt(i) == '"') {
        s = i + 1;
        int j = s;
        while (true) {
          j = text.indexOf('"', j);
          if (j < 0 || j >= to) {
            return null;
          }
          if (j + 1 < to && text.charAt(j + 1) == '"') {
            j += 2; // an escaped quote
          } else {
            break;
          }
        }
        e = j;
        i = j + 1;
        while (i < to && text.charAt(i) == ' ') {
          i++;
        }
        if (i < to && text.charAt(i) != delimiter) {
          return null;
        }
      } else {
        s = i;
        while (i < to && text.charAt(i) != delimiter) {
          i++;
        }
        e = i;
        while (e > s && text.charAt(e - 1) == ' ') {
          e--;
        }
      }
      cells.add(new int[] {s, e});
      if (i >= to) {
        return cells;
      }
      i++; // the delimiter
    }
  }

  /** Whether a header cell is a column name: 1-40 letters, digits, spaces, {@code _ - #}, starting with a letter. */
  private static boolean isName(String text, int s, int e) {
    if (e <= s || e - s > MAX_NAME || !Character.isLetter(text.charAt(s))) {
      return false;
    }
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '-' || c == '#')) {
        return false;
      }
    }
    return true;
  }

  /** "secret", an account subtype, or null for a column that holds neither. */
  private static String columnKind(String name) {
    if (SecretDetector.namesSecret(name)) {
      return "secret";
    }
    String subtype = AccountNumberDetector.keySubtype(name.toLowerCase(java.util.Locale.ROOT));
    if (subtype == null || subtype.equals("id") || subtype.equals("card") || subtype.equals("routing")) {
      return null;
    }
    return subtype;
  }

  /**
   * Whether a cell reads as a sentence rather than a value: more than four words, or a colon or full stop
   * inside ("the rest is in the vault: x" on a line after the table).
   */
  private static boolean isProse(String text, int s, int e) {
    int spaces = 0;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (c == ' ' && ++spaces > 4 || (c == ':' || c == '.') && i + 1 < e && text.charAt(i + 1) == ' ') {
        return true;
      }
    }
    return false;
  }

  private static void cell(String text, int s, int e, String kind, List<Span> out) {
    if (kind.equals("secret")) {
      if (e > s && !SecretDetector.isPlaceholder(text, s, e) && !isProse(text, s, e)) {
        out.add(new Span(Label.SECRET, "password", s, e, SECRET, NAME));
      }
    } else if (AccountNumberDetector.isIdShaped(text, s, e)) {
      out.add(new Span(Label.ACCOUNT_NUMBER, kind, s, e, ID, NAME));
    }
  }
}
