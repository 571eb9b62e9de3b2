package dev.lethe.filter.detect.secret;

import static dev.lethe.filter.detect.secret.Confidence.SECRET_KEY_VALUE;
import static dev.lethe.filter.detect.secret.Confidence.SECRET_KEY_WORD;

import dev.lethe.filter.detect.Keywords.Boundary;

/**
 * Passwords given to command-line tools by a short option, which only the tool's name makes a password:
 * {@code mysql -u root -pSECRET}, {@code sshpass -p SECRET ssh ...}, {@code curl -u user:SECRET}, {@code
 * docker login -u ci -p SECRET}, {@code mongosh -u admin -p SECRET}, {@code redis-cli -a SECRET}, {@code
 * ldapsearch -w SECRET}. Long
 * options ({@code --password x}) are assignments.
 */
final class Commands {
  private Commands() {}

  /** How far along the command line an option is looked for. */
  private static final int MAX_COMMAND = 300;

  static void register(AnchorSet set) {
    for (String tool : new String[] {"mysql", "mysqldump", "mysqladmin"}) {
      set.on(tool, Boundary.WHOLE_WORD, (scan, s, e) -> option(scan, e, " -p", true));
    }
    set.on("sshpass", Boundary.WHOLE_WORD, (scan, s, e) -> option(scan, e, " -p", false));
    // Tools whose short option takes the password as the next word.
    for (String tool : new String[] {"mongo", "mongosh", "mongodump", "mongorestore"}) {
      set.on(tool, Boundary.WHOLE_WORD, (scan, s, e) -> option(scan, e, " -p", false));
    }
    set.on("redis-cli", Boundary.WHOLE_WORD, (scan, s, e) -> option(scan, e, " -a", false));
    for (String tool : new String[] {"ldapsearch", "ldapadd", "ldapmodify", "ldapdelete"}) {
      set.on(tool, Boundary.WHOLE_WORD, (scan, s, e) -> option(scan, e, " -w", false));
    }
    set.on("docker login", Boundary.WHOLE_WORD, (scan, s, e) -> option(scan, e, " -p", false));
    // "curl" starts too many words (current, secure); its user option is rarer.
    set.on(" -u ", Boundary.NONE, Commands::curlUser);
    set.on(" --user ", Boundary.NONE, Commands::curlUser);
  }

  /**
   * The value of option {@code name} on the rest of the command line: glued to it ({@code -pSECRET}) or
   * after a space.
   */
  private static void option(Scan scan, int from, String name, boolean glued) {
    String t = scan.text;
    int end = commandEnd(t, from);
    int at = Chars.indexOf(t, name, from, end);
    if (at < 0) {
      return;
    }
    int v = at + name.length();
    if (!glued) {
      if (v >= end || t.charAt(v) != ' ') {
        return;
      }
      while (v < end && t.charAt(v) == ' ') {
        v++;
      }
    }
    report(scan, v, end, false);
  }

  /** {@code curl -u user:password} or {@code --user user:password}: the part after the first colon. */
  private static void curlUser(Scan scan, int s, int e) {
    String t = scan.text;
    int lineStart = s;
    while (lineStart > 0 && s - lineStart < MAX_COMMAND && !Chars.isLineBreak(t.charAt(lineStart - 1))) {
      lineStart--;
    }
    int curl = Chars.indexOf(t, "curl", lineStart, s);
    if (curl >= 0 && Chars.boundaryBefore(t, curl) && Chars.boundaryAt(t, curl + 4)) {
      report(scan, e, commandEnd(t, e), true);
    }
  }

  /** Reports the word at {@code v} (quotes stripped), or its part after the first colon. */
  private static void report(Scan scan, int v, int end, boolean afterColon) {
    String t = scan.text;
    if (v >= end) {
      return;
    }
    char quote = t.charAt(v);
    boolean quoted = quote == '"' || quote == '\'';
    int start = quoted ? v + 1 : v;
    int stop = start;
    while (stop < end && (quoted ? t.charAt(stop) != quote : !Chars.isSpaceOrTab(t.charAt(stop)))) {
      stop++;
    }
    if (afterColon) {
      int colon = Chars.indexOf(t, ":", start, stop);
      if (colon < 0) {
        return;
      }
      start = colon + 1;
    }
    if (stop - start < 3 || t.charAt(start) == '-' || Values.isPlaceholder(t, start, stop)) {
      return;
    }
    Values.Strength strength = Values.strength(t, start, stop);
    boolean credential = strength == Values.Strength.MIXED || strength == Values.Strength.RANDOM;
    scan.report("password", start, stop, credential ? SECRET_KEY_VALUE : SECRET_KEY_WORD);
  }

  /** End of the command that continues at {@code from}: the line end, unless the line ends in a backslash. */
  private static int commandEnd(String t, int from) {
    int limit = Math.min(t.length(), from + MAX_COMMAND);
    int i = from;
    while (i < limit) {
      char c = t.charAt(i);
      if (Chars.isLineBreak(c) && !(i > from && t.charAt(i - 1) == '\\')) {
        return i;
      }
      if (c == ';' || c == '|' || c == '&') {
        return i;
      }
      i++;
    }
    return i;
  }
}
