package dev.lethe.filter.detect.secret;

import static dev.lethe.filter.detect.secret.Confidence.ADJACENT_VALUE;
import static dev.lethe.filter.detect.secret.Confidence.PIN;
import static dev.lethe.filter.detect.secret.Confidence.PROSE_GAP_VALUE;
import static dev.lethe.filter.detect.secret.Confidence.PROSE_VALUE;
import static dev.lethe.filter.detect.secret.Confidence.PROVIDER;
import static dev.lethe.filter.detect.secret.Confidence.PROVIDER_LOOSE;
import static dev.lethe.filter.detect.secret.Confidence.RECALL_ONLY;
import static dev.lethe.filter.detect.secret.Confidence.SECRET_KEY_VALUE;
import static dev.lethe.filter.detect.secret.Confidence.SECRET_KEY_WORD;
import static dev.lethe.filter.detect.secret.Confidence.WEAK_KEY_VALUE;

import dev.lethe.filter.detect.Keywords.Boundary;
import dev.lethe.filter.detect.secret.KeyNames.Kind;
import dev.lethe.filter.detect.secret.Values.Strength;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values assigned to, or said of, a secret key: only the value is the span ({@code password=[hunter2]}).
 *
 * <ul>
 *   <li>Configuration and code: {@code DB_PASSWORD=...}, {@code export API_KEY="..."}, {@code password: ...}
 *       (YAML), {@code "client_secret": "..."}, {@code apiKey = '...'}, {@code setPassword("...")}, {@code
 *       <password>...</password>}, {@code Password=...;} (ODBC, ADO.NET), {@code ?token=...&} (query).
 *   <li>Command lines: {@code --password x}, {@code --token=x}.
 *   <li>HTTP: {@code Authorization: Bearer <t>}, {@code Authorization: Basic <b64>}, {@code X-Api-Key: ...},
 *       {@code auth=("user", "pass")}.
 *   <li>Sentences: "my password is hunter2", "the wifi password is Tr0ub4dor&3", "pw: ...", "PIN is 4821",
 *       "password in the team chat, it was ...", in a few other languages (Passwort, mot de passe,
 *       contraseña, senha, wachtwoord, пароль, パスワード, 密码).
 * </ul>
 *
 * <p>A key is found by a stem ({@code pass}, {@code secret}, {@code token}, {@code key}, ...) anywhere in
 * an identifier; {@link KeyNames} then decides from the whole name whether it names a secret.
 */
final class Assignments {
  private Assignments() {}

  /**
   * Stems found anywhere in a key name, which is then read whole. A stem need not be a whole word: the
   * rarer its first three chars are in running text, the less often the scan stops ("nnwort" for
   * Kennwort, "woord" for wachtwoord, "asana" for salasana, "gskode" for adgangskode).
   */
  private static final String[] STEMS = {
      "pass", "pwd", "secret", "token", "key", "credential", "auth", "nnwort", "woord", "asana", "session",
      "sessid", "gskode"};
  /** Key names found only as whole words (too short or too common inside other words). */
  private static final String[] WORDS = {
      "pw", "pin", "sid", "sig", "signature", "dsn", "creds", "senha", "lozinka", "digicode", "pincode",
      "wifi", "wlan", "alarmcode", "doorcode", "gatecode", "torcode", "deurcode", "poortcode", "lockercode",
      "wificode", "portkod", "dorrkod"};
  /** Words after which a code is named by the word before it ("locker combo") or after it ("codice porta"). */
  private static final String[] ENTRY_CODE_WORDS = {"code", "combo", "combination", "codice", "kod"};
  /** What follows a code word to make it an entry code, in French, Italian and Polish word order. */
  private static final String[] CODE_OF = {" de la porte", " porte", " d'entr\u00E9e", " d'entree",
      " du portail", " de l'immeuble", " del cancello", " della porta", " porta", " del portone",
      " d'ingresso", " do drzwi", " do bramy", " do domofonu"};
  /**
   * Key words the keyword automaton does not see (it matches ASCII only), each with the index of a rare
   * char of it that {@link String#indexOf(int)} looks for: a vectorised search, and free on Latin-1 texts
   * for the chars outside Latin-1.
   */
  private static final String[] NON_LATIN_PASSWORDS = {"пароль", "パスワード", "密码", "contraseña"};
  private static final int[] NON_LATIN_PIVOTS = {5, 3, 1, 8};

  /** Words that join a key to its value in a sentence: "password is x", "Passwort ist x". */
  private static final String[] PROSE_OPERATORS = {
      "is", "was", "ist", "war", "est", "es", "era", "é", "è", "är", "equals", "\u044D\u0442\u043E"};

  /** HTTP authorization schemes whose credentials are a plain token. */
  private static final Set<String> TOKEN_SCHEMES = Set.of(
      "token", "bot", "apikey", "api-key", "ssws", "geniekey", "key", "oauth", "sharedaccesssignature");

  /** Values that name a type or an object in code: {@code password: str}, {@code token = request}. */
  private static final Set<String> CODE_WORDS = Set.of(
      "str", "string", "int", "integer", "bool", "boolean", "number", "any", "object", "bytes", "char",
      "float", "double", "long", "optional", "secretstr", "securestring", "self", "this", "new", "await",
      "input", "getpass", "prompt", "request", "req", "params", "args", "kwargs", "form", "data", "config",
      "settings", "options", "opts", "env", "dict", "list", "varchar", "function", "func", "lambda");

  /** Discord bot token: base64 user id, timestamp, HMAC. */
  private static final Pattern DISCORD_BOT_TOKEN =
      Pattern.compile("[A-Za-z0-9_-]{23,28}\\.[A-Za-z0-9_-]{6,7}\\.[A-Za-z0-9_-]{27,40}");

  private static final int MAX_VALUE = 512;
  private static final int MAX_GAP = 48;

  /** How the value is joined to its key. */
  private enum Mode {
    /** {@code =}, {@code :}, {@code :=}, {@code =>}. */
    ASSIGN,
    /** {@code setPassword("...")}. */
    CALL,
    /** {@code <password>...</password>}. */
    XML,
    /** {@code --password value}. */
    FLAG,
    /** "password is ...". */
    PROSE,
    /** "password for the router is ...". */
    PROSE_GAP,
    /** "password toor123": no word between, the value right after the key. */
    ADJACENT
  }

  static void register(AnchorSet set) {
    for (String stem : STEMS) {
      set.on(stem, Boundary.NONE, Assignments::atKeyWord);
    }
    for (String word : WORDS) {
      set.on(word, Boundary.WHOLE_WORD, Assignments::atKeyWord);
    }
    for (String word : ENTRY_CODE_WORDS) {
      set.on(word, Boundary.WHOLE_WORD, Assignments::atCode);
    }
    set.on("bearer", Boundary.WHOLE_WORD, Assignments::atBearer);
    set.on("basic", Boundary.WHOLE_WORD, Assignments::atBasic);
    for (String call : new String[] {"in('", "in(\"", "in(`"}) {
      set.on(call, Boundary.NONE, Assignments::atLogin);
    }
  }

  /** Key words outside ASCII, which the keyword automaton does not see. */
  static void scanNonLatin(Scan scan) {
    String t = scan.text;
    for (int w = 0; w < NON_LATIN_PASSWORDS.length; w++) {
      String word = NON_LATIN_PASSWORDS[w];
      int pivot = NON_LATIN_PIVOTS[w];
      for (int i = t.indexOf(word.charAt(pivot)); i >= 0; i = t.indexOf(word.charAt(pivot), i + 1)) {
        int start = i - pivot;
        if (start >= 0 && t.regionMatches(true, start, word, 0, word.length())) {
          valueAfter(scan, Kind.PASSWORD, start, start + word.length(), false);
        }
      }
    }
  }

  private static void atKeyWord(Scan scan, int hitStart, int hitEnd) {
    String t = scan.text;
    int s = hitStart;
    while (s > 0 && Chars.isKeyChar(t.charAt(s - 1))) {
      if (hitStart - s >= KeyNames.MAX_LENGTH) {
        return;
      }
      s--;
    }
    int e = hitEnd;
    while (e < t.length() && Chars.isKeyChar(t.charAt(e))) {
      if (e - hitEnd >= KeyNames.MAX_LENGTH) {
        return;
      }
      e++;
    }
    boolean flag = t.charAt(s) == '-';
    while (s < hitStart && isSeparator(t.charAt(s))) {
      s++;
    }
    while (e > hitEnd && isSeparator(t.charAt(e - 1))) {
      e--;
    }
    // "API key", "secret key", "public key": a qualifier written as a word of its own.
    if (s >= 2 && t.charAt(s - 1) == ' ' && Chars.isAsciiLetter(t.charAt(s - 2))) {
      int w = s - 1;
      while (w > 0 && s - w < 16 && Chars.isAsciiLetter(t.charAt(w - 1))) {
        w--;
      }
      if (KeyNames.isKeyQualifier(t.substring(w, s - 1))) {
        s = w;
      }
    }
    if (scan.seenKey(s, e)) {
      return;
    }
    Kind kind = KeyNames.classify(t, s, e);
    if (kind != null) {
      valueAfter(scan, kind, s, e, flag);
    }
  }

  private static boolean isSeparator(char c) {
    return c == '-' || c == '.' || c == '_';
  }

  /**
   * "door code", "gate code", "locker combo", "code de la porte", "codice del cancello", "kod do drzwi": an
   * entry code, like a PIN.
   */
  private static void atCode(Scan scan, int s, int e) {
    String t = scan.text;
    int before = s - 1;
    if (before > 0 && t.charAt(before) == ' ') {
      int w = before;
      while (w > 0 && Chars.isAsciiLetter(t.charAt(w - 1))) {
        w--;
      }
      if (KeyNames.classify(t, w, e) == Kind.PIN) {
        valueAfter(scan, Kind.PIN, w, e, false);
        return;
      }
    }
    for (String porte : CODE_OF) {
      if (t.regionMatches(true, e, porte, 0, porte.length())) {
        valueAfter(scan, Kind.PIN, s, e + porte.length(), false);
        return;
      }
    }
  }

  /**
   * Finds how the key {@code text[ks, ke)} is joined to a value and judges the value.
   *
   * @param flag whether the key is a command-line option ({@code --password})
   */
  private static void valueAfter(Scan scan, Kind kind, int ks, int ke, boolean flag) {
    String t = scan.text;
    int n = t.length();
    int q = ke;
    // The key's own closing quote or bracket: "password": / ['password'] / \"password\":
    for (int k = 0; k < 3 && q < n && isKeyCloser(t.charAt(q)); k++) {
      q++;
    }
    boolean keyQuoted = q > ke;
    int op = skipSpaces(t, q);
    char c = op < n ? t.charAt(op) : 0;
    int v;
    Mode mode;
    if (c == '=') {
      v = op + 1;
      if (v < n && t.charAt(v) == '~') {
        return;
      }
      while (v < n && v - op < 3 && (t.charAt(v) == '=' || t.charAt(v) == '>')) {
        v++;
      }
      mode = Mode.ASSIGN;
    } else if (c == ':' || c == '\uFF1A') {
      v = op + 1;
      if (Chars.startsWith(t, v, "//") || Chars.startsWith(t, v, ":")) {
        return;
      }
      if (v < n && t.charAt(v) == '=') {
        v++;
      }
      mode = Mode.ASSIGN;
    } else if (c == '(' && op == ke) {
      v = op + 1;
      mode = Mode.CALL;
    } else if (c == ',' && keyQuoted && isFirstArgument(t, ks)) {
      // define('DB_PASSWORD', '...'), setenv("API_TOKEN", "..."): the key is a call's first argument and
      // the value its second
      v = op + 1;
      mode = Mode.CALL;
    } else if (c == '>' && op == ke && ks > 0 && t.charAt(ks - 1) == '<') {
      v = op + 1;
      mode = Mode.XML;
    } else if (flag && op > q) {
      v = op;
      mode = Mode.FLAG;
    } else if ((v = proseOperatorEnd(t, op)) >= 0) {
      // "password is x"; also "パスワードはx", where no space separates the words.
      mode = Mode.PROSE;
    } else if (!keyQuoted && q < n && t.charAt(q) == ' ' && kind != Kind.WEAK && kind != Kind.SESSION) {
      // Words between key and value ("password in the chat was x"), or none ("password toor123"); never
      // for a weak key ("the key to success is ...").
      v = gapOperatorEnd(t, q);
      mode = v >= 0 ? Mode.PROSE_GAP : Mode.ADJACENT;
      v = v >= 0 ? v : op;
    } else {
      return;
    }
    v = skipSpaces(t, v);
    if (kind == Kind.PIN && v < n && t.charAt(v) == '#') {
      v++; // "gate code #7788"
    }
    if (kind == Kind.AUTHORIZATION) {
      authorization(scan, v, mode);
      return;
    }
    boolean envStyle = mode == Mode.ASSIGN && c == '=' && op == q && v == op + 1 && atLineStart(t, ks);
    boolean query = ks > 0 && (t.charAt(ks - 1) == '?' || t.charAt(ks - 1) == '&');
    Value val = mode == Mode.CALL ? literal(t, v) : value(t, v, mode, query);
    if (val != null) {
      judge(scan, kind, mode, ks, ke, val, envStyle);
    }
  }

  /** Whether the quoted key starting at {@code ks} is the first argument of a call: {@code define('KEY'}. */
  private static boolean isFirstArgument(String t, int ks) {
    int i = ks - 1;
    if (i < 0 || (t.charAt(i) != '\'' && t.charAt(i) != '"')) {
      return false;
    }
    i--;
    while (i >= 0 && Chars.isSpaceOrTab(t.charAt(i))) {
      i--;
    }
    return i > 0 && t.charAt(i) == '(' && Chars.isKeyChar(t.charAt(i - 1));
  }

  private static boolean isKeyCloser(char c) {
    return c == '"' || c == '\'' || c == '`' || c == ']' || c == '\\';
  }

  private static int skipSpaces(String t, int i) {
    while (i < t.length() && Chars.isSpaceOrTab(t.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Where the value starts after "is", "was", "ist", "は", "—" at {@code i}, or -1. */
  private static int proseOperatorEnd(String t, int i) {
    int n = t.length();
    if (i >= n) {
      return -1;
    }
    char c = t.charAt(i);
    if (c == 'は' || c == '是' || c == '\u2014' || c == '\u2013') {
      return i + 1;
    }
    int w = i;
    while (w < n && w - i <= 6 && Character.isLetter(t.charAt(w))) {
      w++;
    }
    if (w == i || w - i > 6 || !isProseOperator(t, i, w)) {
      return -1;
    }
    if (w < n && t.charAt(w) == ':') {
      w++;
    }
    return w < n && Chars.isSpaceOrTab(t.charAt(w)) ? w : -1;
  }

  private static boolean isProseOperator(String t, int start, int end) {
    char first = Character.toLowerCase(t.charAt(start));
    if ("iwee\u00E9\u00E8\u00E4\u044D".indexOf(first) < 0) {
      return false;
    }
    for (String word : PROSE_OPERATORS) {
      if (word.length() == end - start && t.regionMatches(true, start, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * After a few words of a sentence, where the value starts: "password [in the team chat, it] was X",
   * "JWT_SECRET [in the config] is X". Only words, commas and apostrophes may lie between.
   */
  private static int gapOperatorEnd(String t, int i) {
    int limit = Math.min(t.length(), i + MAX_GAP);
    while (i < limit) {
      char c = t.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == ':' || c == '=' || c == '\uFF1A') {
        return i + 1 < t.length() && Chars.isSpaceOrTab(t.charAt(i + 1)) ? i + 1 : -1;
      } else if (Character.isLetterOrDigit(c)) {
        int end = proseOperatorEnd(t, i);
        if (end >= 0) {
          return end;
        }
        while (i < limit && (Character.isLetterOrDigit(t.charAt(i)) || "'’-".indexOf(t.charAt(i)) >= 0)) {
          i++;
        }
        if (i < limit && t.charAt(i) == ',') {
          i++;
        }
      } else {
        return -1;
      }
    }
    return -1;
  }

  /** Whether only spaces, or {@code export}, stand between the line start and {@code i}. */
  private static boolean atLineStart(String t, int i) {
    int j = i;
    while (j > 0 && Chars.isSpaceOrTab(t.charAt(j - 1))) {
      j--;
    }
    if (j >= 7 && t.startsWith("export", j - 7) && Chars.isSpaceOrTab(t.charAt(j - 1))) {
      j -= 7;
      while (j > 0 && Chars.isSpaceOrTab(t.charAt(j - 1))) {
        j--;
      }
    }
    return j == 0 || Chars.isLineBreak(t.charAt(j - 1));
  }

  /** A candidate value: {@code text[start, end)}, and whether it was quoted. */
  private record Value(int start, int end, boolean quoted) {}

  /** The value at {@code i}: a quoted string, or a run up to a char that ends values in this mode. */
  private static Value value(String t, int i, Mode mode, boolean query) {
    int n = t.length();
    if (i >= n) {
      return null;
    }
    Value quoted = quotedAt(t, i);
    if (quoted != null) {
      return quoted;
    }
    if (Chars.isQuote(t.charAt(i)) || (t.charAt(i) == '\\' && i + 1 < n && t.charAt(i + 1) == '"')) {
      // A quote that does not close on its line: no value we can delimit.
      return null;
    }
    boolean prose = mode == Mode.PROSE || mode == Mode.PROSE_GAP || mode == Mode.ADJACENT;
    int end = i;
    while (end < n && end - i <= MAX_VALUE && !endsValue(t.charAt(end), mode, query)) {
      end++;
    }
    if (end - i > MAX_VALUE) {
      return null;
    }
    // Punctuation after the value: "my password is hunter2." / "password=abc. Then" / "if x == y:".
    // An exclamation mark after a letter ends a sentence; after a digit it more likely ends a password.
    while (end > i && endsSentence(t, i, end, prose)) {
      end--;
      if (!prose) {
        break;
      }
    }
    return end > i ? new Value(i, end, false) : null;
  }

  private static boolean endsSentence(String t, int start, int end, boolean prose) {
    char c = t.charAt(end - 1);
    if (c == '.' || c == ':') {
      return true;
    }
    if (!prose) {
      return false;
    }
    return c == ',' || c == ';' || c == '?'
        || (c == '!' && end - 2 >= start && Chars.isAsciiLetter(t.charAt(end - 2)));
  }

  private static boolean endsValue(char c, Mode mode, boolean query) {
    if (c <= ' ' || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';' || c == ')' || c == ']'
        || c == '}' || c == '<' || c == '>' || c == '(' || c == '[' || c == '\\' || c == '\u201D'
        || c == '\u2019' || c == '\u00BB') {
      return true;
    }
    if (query && (c == '&' || c == '#')) {
      return true;
    }
    return (mode == Mode.PROSE || mode == Mode.PROSE_GAP || mode == Mode.ADJACENT) && c >= '\u3000';
  }

  /** A string literal at {@code i} (after an optional prefix such as {@code b"} or {@code @"}), or null. */
  private static Value quotedAt(String t, int i) {
    int n = t.length();
    if (i + 1 < n && "brfuBRFU@$".indexOf(t.charAt(i)) >= 0 && (t.charAt(i + 1) == '"' || t.charAt(i + 1) == '\'')) {
      i++;
    }
    if (i + 1 < n && t.charAt(i) == '\\' && t.charAt(i + 1) == '"') {
      // JSON inside a JSON string: \"secret\"
      int close = t.indexOf("\\\"", i + 2);
      int line = Chars.lineEnd(t, i, i + MAX_VALUE);
      return close > i + 2 && close <= line ? new Value(i + 2, close, true) : null;
    }
    if (i >= n || !Chars.isQuote(t.charAt(i))) {
      return null;
    }
    char close = Chars.closingQuote(t.charAt(i));
    int limit = Math.min(n, i + MAX_VALUE);
    for (int j = i + 1; j < limit; j++) {
      char c = t.charAt(j);
      if (c == '\\' && close < 128) {
        j++;
      } else if (c == close) {
        return j > i + 1 ? new Value(i + 1, j, true) : null;
      } else if (Chars.isLineBreak(c)) {
        return null;
      }
    }
    return null;
  }

  /** The first string literal of a call's arguments: {@code ("value"}. */
  private static Value literal(String t, int i) {
    return quotedAt(t, skipSpaces(t, i));
  }

  /** Judges a value of a key of {@code kind} and reports it with a score that fits its shape and setting. */
  private static void judge(Scan scan, Kind kind, Mode mode, int ks, int ke, Value val, boolean envStyle) {
    String t = scan.text;
    int vs = val.start();
    int ve = val.end();
    int len = ve - vs;
    boolean weak = kind == Kind.WEAK || kind == Kind.SESSION;
    if (len < 3 || (weak && (len < 12 || Values.strength(t, vs, ve) != Strength.RANDOM))
        || (kind == Kind.PIN && len > 10)
        || (mode == Mode.ADJACENT && (len < (kind == Kind.PIN ? 3 : 6) || !hasDigit(t, vs, ve)))) {
      return;
    }
    if (Values.isPlaceholder(t, vs, ve) || Chars.indexOf(t, "://", vs, ve) >= 0 || Values.isPath(t, vs, ve) || t.startsWith("-----", vs)) {
      return;
    }
    if (mode == Mode.XML && !t.startsWith("</", ve)) {
      return;
    }
    if (!val.quoted() && !envStyle && isCodeReference(t, vs, ve)) {
      return;
    }
    Strength strength = Values.strength(t, vs, ve);
    if (mode == Mode.FLAG && t.charAt(vs) == '-') {
      return;
    }
    boolean sentence = Chars.indexOf(t, " ", vs, ve) >= 0
        ? Values.isSentence(t, vs, ve)
        : Values.isStopword(t, vs, ve) || Values.looksLikeProseWord(t, vs, ve);
    switch (kind) {
      case PIN:
        pin(scan, vs, ve, sentence);
        return;
      case WEAK:
      case SESSION:
        scan.report(kind.subtype, vs, ve, WEAK_KEY_VALUE);
        return;
      default:
        break;
    }
    String special = specialSubtype(t, kind, ks, ke, vs, ve);
    if (special != null) {
      scan.report(special, vs, ve, special.equals("aws_secret_access_key") ? PROVIDER : PROVIDER_LOOSE);
      return;
    }
    boolean credential = strength == Strength.MIXED || strength == Strength.RANDOM;
    double score;
    if (mode == Mode.PROSE) {
      if (credential || (isDigits(t, vs, ve) && len >= 4)) {
        score = PROSE_VALUE;
      } else if (strength == Strength.WORD && !sentence) {
        score = RECALL_ONLY;
      } else {
        return;
      }
    } else if (mode == Mode.ADJACENT) {
      // Nothing joins the value to the key: only a value with digits and letters or symbols, which the
      // next word of a sentence ("password manager", "token limit") is not.
      if (strength != Strength.WORD) {
        score = ADJACENT_VALUE;
      } else {
        return;
      }
    } else if (mode == Mode.PROSE_GAP) {
      // Words between key and value weaken the link: only a value that cannot be a word of the sentence.
      if (strength == Strength.RANDOM || (strength == Strength.MIXED && len >= 8)) {
        score = PROSE_GAP_VALUE;
      } else {
        return;
      }
    } else if (credential && !(!val.quoted() && !envStyle && isIdentifier(t, vs, ve))) {
      score = SECRET_KEY_VALUE;
    } else if (strength != Strength.NONE && !sentence) {
      score = val.quoted() || envStyle || !isIdentifier(t, vs, ve) ? SECRET_KEY_WORD : RECALL_ONLY;
    } else {
      return;
    }
    scan.report(kind.subtype, vs, ve, score);
  }

  private static void pin(Scan scan, int vs, int ve, boolean sentence) {
    String t = scan.text;
    int len = ve - vs;
    if (isDigits(t, vs, ve) && len >= 3 && len <= 8) {
      scan.report(Kind.PIN.subtype, vs, ve, PIN);
      return;
    }
    boolean alnum = true;
    boolean digit = false;
    for (int i = vs; i < ve; i++) {
      alnum &= Chars.isAsciiAlnum(t.charAt(i));
      digit |= Chars.isDigit(t.charAt(i));
    }
    if (alnum && digit && len <= 10 && !sentence) {
      scan.report(Kind.PIN.subtype, vs, ve, PIN - 0.1);
    }
  }

  /** A subtype more precise than the key's: an AWS secret access key, a Discord bot token. */
  private static String specialSubtype(String t, Kind kind, int ks, int ke, int vs, int ve) {
    if ((kind == Kind.API_KEY || kind == Kind.SECRET) && ve - vs == 40 && isBase64(t, vs, ve)
        && Chars.indexOfIgnoreCase(t, "secret", ks, ke) >= 0
        && (Chars.indexOfIgnoreCase(t, "access", ks, ke) >= 0 || Chars.indexOfIgnoreCase(t, "aws", ks, ke) >= 0)) {
      return "aws_secret_access_key";
    }
    if (kind == Kind.TOKEN && DISCORD_BOT_TOKEN.matcher(t).region(vs, ve).matches()) {
      return "discord_bot_token";
    }
    return null;
  }

  private static boolean isBase64(String t, int s, int e) {
    for (int i = s; i < e; i++) {
      char c = t.charAt(i);
      if (!Chars.isAsciiAlnum(c) && c != '+' && c != '/') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String t, int s, int e) {
    for (int i = s; i < e; i++) {
      if (Chars.isDigit(t.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigits(String t, int s, int e) {
    for (int i = s; i < e; i++) {
      if (!Chars.isDigit(t.charAt(i))) {
        return false;
      }
    }
    return e > s;
  }

  /**
   * Whether an unquoted value is code rather than a literal: an attribute chain ({@code config.password}),
   * a call or an index ({@code getpass()}, {@code args[0]}), or a type ({@code password: str}).
   */
  private static boolean isCodeReference(String t, int s, int e) {
    if (e < t.length() && (t.charAt(e) == '(' || t.charAt(e) == '[')) {
      return true;
    }
    if (CODE_WORDS.contains(t.substring(s, e).toLowerCase(Locale.ROOT))) {
      return true;
    }
    for (int i = s + 1; i < e - 1; i++) {
      if (t.charAt(i) == '.' && isIdentChar(t.charAt(i - 1)) && Chars.isAsciiLetter(t.charAt(i + 1))) {
        return isIdentChain(t, s, e);
      }
    }
    return false;
  }

  private static boolean isIdentChain(String t, int s, int e) {
    for (int i = s; i < e; i++) {
      char c = t.charAt(i);
      if (!isIdentChar(c) && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentChar(char c) {
    return Chars.isAsciiAlnum(c) || c == '_' || c == '$';
  }

  /** A variable name: letters and underscores, with an underscore or an inner capital ({@code userPassword}). */
  private static boolean isIdentifier(String t, int s, int e) {
    boolean marked = false;
    for (int i = s; i < e; i++) {
      char c = t.charAt(i);
      if (c == '_') {
        marked = true;
      } else if (!Chars.isAsciiLetter(c)) {
        return false;
      } else if (i > s && c <= 'Z' && t.charAt(i - 1) >= 'a') {
        marked = true;
      }
    }
    return marked;
  }

  // ---- HTTP authorization ----

  /**
   * The value of an Authorization header or auth setting: a token after a scheme ({@code token ghp_...},
   * {@code Bot ...}), a raw token, or a user-password pair ({@code auth=("user", "pass")}). Bearer and
   * Basic credentials are left to {@link #atBearer} and {@link #atBasic}, which find them with or without
   * the header.
   */
  private static void authorization(Scan scan, int v, Mode mode) {
    String t = scan.text;
    int n = t.length();
    int i = v;
    if (mode == Mode.CALL) {
      pair(scan, i);
      return;
    }
    if (i < n && Chars.isQuote(t.charAt(i))) {
      i++;
    }
    if (i < n && (t.charAt(i) == '(' || t.charAt(i) == '[')) {
      pair(scan, i + 1);
      return;
    }
    int w = i;
    while (w < n && (Chars.isAsciiLetter(t.charAt(w)) || t.charAt(w) == '-')) {
      w++;
    }
    if (w < n && t.charAt(w) == ' ' && w > i) {
      String scheme = t.substring(i, w).toLowerCase(Locale.ROOT);
      if (scheme.equals("bearer") || scheme.equals("basic")) {
        return;
      }
      if (!TOKEN_SCHEMES.contains(scheme)) {
        return;
      }
      i = skipSpaces(t, w);
    }
    int end = i;
    while (end < n && end - i < MAX_VALUE && isTokenChar(t.charAt(end))) {
      end++;
    }
    if (end - i >= 16 && !Values.isPlaceholder(t, i, end)
        && Values.strength(t, i, end) == Strength.RANDOM) {
      scan.report(Kind.AUTHORIZATION.subtype, i, end, SECRET_KEY_VALUE);
    }
  }

  /** The second of two arguments, {@code ("user", "pass")} or {@code (user, "pass")}: a password. */
  private static void pair(Scan scan, int i) {
    String t = scan.text;
    int n = t.length();
    i = skipSpaces(t, i);
    Value first = quotedAt(t, i);
    if (first != null) {
      i = first.end() + 1;
    } else {
      while (i < n && (isIdentChar(t.charAt(i)) || t.charAt(i) == '.')) {
        i++;
      }
    }
    i = skipSpaces(t, i);
    if (i >= n || t.charAt(i) != ',') {
      return;
    }
    Value second = quotedAt(t, skipSpaces(t, i + 1));
    if (second != null) {
      judge(scan, Kind.PASSWORD, Mode.ASSIGN, -1, -1, second, false);
    }
  }

  private static boolean isTokenChar(char c) {
    return Chars.isAsciiAlnum(c) || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '='
        || c == '-';
  }

  /** {@code Bearer <token>}, with or without an Authorization header before it. */
  private static void atBearer(Scan scan, int s, int e) {
    String t = scan.text;
    int n = t.length();
    if (e >= n || t.charAt(e) != ' ') {
      return;
    }
    int i = skipSpaces(t, e);
    int end = i;
    while (end < n && end - i < 8192 && isTokenChar(t.charAt(end))) {
      end++;
    }
    while (end > i && t.charAt(end - 1) == '.') {
      end--;
    }
    if (end - i < 8 || Values.isPlaceholder(t, i, end)) {
      return;
    }
    Strength strength = Values.strength(t, i, end);
    if (strength == Strength.RANDOM) {
      scan.report("bearer_token", i, end, SECRET_KEY_VALUE);
    } else if (strength == Strength.MIXED && end - i >= 12) {
      scan.report("bearer_token", i, end, SECRET_KEY_VALUE - 0.2);
    }
  }

  /** {@code Basic <base64 of user:password>}: reported when it decodes to a user-password pair. */
  private static void atBasic(Scan scan, int s, int e) {
    String t = scan.text;
    int n = t.length();
    if (e >= n || t.charAt(e) != ' ') {
      return;
    }
    int i = e + 1;
    int end = i;
    while (end < n && end - i < 1024 && (Chars.isAsciiAlnum(t.charAt(end)) || t.charAt(end) == '+'
        || t.charAt(end) == '/' || t.charAt(end) == '=')) {
      end++;
    }
    if (end - i < 8 || (end - i) % 4 != 0) {
      return;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(t.substring(i, end));
    } catch (IllegalArgumentException notBase64) {
      return;
    }
    int colon = -1;
    for (int k = 0; k < decoded.length; k++) {
      if (decoded[k] < 32 || decoded[k] > 126) {
        return;
      }
      if (decoded[k] == ':' && colon < 0) {
        colon = k;
      }
    }
    if (colon < 0) {
      return;
    }
    // user:password, or an API key as the user with an empty password (Stripe, Mailgun style).
    String pair = new String(decoded, java.nio.charset.StandardCharsets.US_ASCII);
    boolean password = colon < pair.length() - 1 && !Values.isPlaceholder(pair, colon + 1, pair.length());
    boolean keyAsUser = colon == pair.length() - 1 && colon >= 16
        && Values.strength(pair, 0, colon) == Strength.RANDOM && !Values.isPlaceholder(pair, 0, colon);
    if (password || keyAsUser) {
      scan.report("basic_auth", i, end, SECRET_KEY_VALUE);
    }
  }

  /** discord.js {@code client.login('<bot token>')}, found by its rarer end {@code in('}. */
  private static void atLogin(Scan scan, int s, int e) {
    if (!scan.text.startsWith("log", s - 3)) {
      return;
    }
    Value v = literal(scan.text, e - 1);
    if (v != null && DISCORD_BOT_TOKEN.matcher(scan.text).region(v.start(), v.end()).matches()
        && !Values.isPlaceholderToken(scan.text, v.start(), v.end())) {
      scan.report("discord_bot_token", v.start(), v.end(), PROVIDER_LOOSE);
    }
  }
}
