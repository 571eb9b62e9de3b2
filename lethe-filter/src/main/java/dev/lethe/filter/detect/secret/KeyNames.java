package dev.lethe.filter.detect.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what a key name says about its value: {@code DB_PASSWORD}, {@code clientSecret}, {@code
 * X-Api-Key}, {@code spring.datasource.password} name secrets; {@code password_reset_url}, {@code
 * token_type}, {@code max_tokens}, {@code public_key}, {@code secret_name} do not.
 *
 * <p>The name is split into lower-case words at {@code _ - . space}, at lower-to-upper case changes and at
 * letter-digit changes. The last word that is not a qualifier of form ({@code _confirm}, {@code _prod},
 * {@code _2}) is the head, and the head decides: {@code password_hash} is a hash, not a password.
 */
final class KeyNames {
  private KeyNames() {}

  /** What kind of secret a key names, and the subtype its values get. */
  enum Kind {
    PASSWORD("password"),
    SECRET("secret_assignment"),
    TOKEN("token_assignment"),
    API_KEY("api_key_assignment"),
    /** An HTTP Authorization header or an auth setting: scheme and credentials, or a user-password pair. */
    AUTHORIZATION("authorization"),
    PIN("pin"),
    /** A session id or cookie: a secret only when the value is long and random. */
    SESSION("session_token"),
    /** A weaker hint ({@code key}, {@code sig}, {@code dsn}): a secret only when the value is random. */
    WEAK("high_entropy_assignment");

    final String subtype;

    Kind(String subtype) {
      this.subtype = subtype;
    }
  }

  /** Names longer than this are not key names but runs of some blob. */
  static final int MAX_LENGTH = 64;

  private static final String[] PASSWORD_ENDINGS = {
      "password", "passwd", "passwort", "passord", "kennwort", "wachtwoord", "salasana", "adgangskode",
      "passphrase", "pwd", "senha", "lozinka", "passe"};

  /** Words ending in "pass" that are not passwords. */
  private static final Set<String> NOT_PASS = Set.of(
      "bypass", "compass", "encompass", "overpass", "surpass", "trespass", "underpass");

  /** Words after a head that do not change what it names: {@code PASSWORD_CONFIRM}, {@code API_KEY_PROD}. */
  private static final Set<String> TRANSPARENT = Set.of(
      "confirm", "confirmation", "again", "repeat", "value", "val", "plain", "plaintext", "raw", "str",
      "string", "enc", "encrypted", "b64", "base64", "hex", "env", "var", "prod", "production", "dev",
      "development", "staging", "stage", "test", "testing", "local", "old", "new", "current", "cur",
      "default", "primary", "secondary", "backup", "override", "live", "sandbox", "v");

  /** Words before {@code key} that make it a secret key: {@code api_key}, {@code AccountKey}. */
  private static final Set<String> SECRET_KEY_QUALIFIERS = Set.of(
      "api", "secret", "private", "access", "auth", "signing", "sign", "encryption", "encrypt", "decryption",
      "master", "app", "application", "account", "shared", "sharedaccess", "admin", "service", "client",
      "server", "rest", "write", "read", "ingest", "ingestion", "license", "licence", "subscription",
      "webhook", "hmac", "crypto", "session", "jwt", "bot", "integration", "deploy", "root", "personal",
      "developer", "merchant", "partner", "management", "secure", "security", "storage", "user", "aes",
      "rsa", "cipher", "token", "auth0", "consumer");

  /** Words before {@code key} that make it an identifier or a public value: {@code primary_key}, {@code public_key}. */
  private static final Set<String> PLAIN_KEY_QUALIFIERS = Set.of(
      "public", "publishable", "pub", "primary", "foreign", "sort", "partition", "cache", "object", "s3",
      "idempotency", "unique", "composite", "hash", "range", "map", "lookup", "dict", "routing", "group",
      "index", "registry", "translation", "i18n", "message", "label", "config", "setting", "field", "column",
      "table", "meta", "row", "dedup", "dedupe", "ssh", "gpg", "pgp", "host", "known", "enum", "json", "item",
      "entry", "record", "node", "list", "react", "prop", "local", "redis", "memcache", "bucket", "file",
      "natural", "surrogate", "shard", "cluster", "event", "feature", "flag", "hot", "short", "kms", "cmk",
      "lang", "locale", "template");

  /** Words before {@code token} that make it a cursor or a tokenizer symbol rather than a credential. */
  private static final Set<String> PLAIN_TOKEN_QUALIFIERS = Set.of(
      "max", "min", "num", "number", "total", "count", "limit", "next", "prev", "previous", "page",
      "pagination", "continuation", "cursor", "sync", "resume", "start", "end", "stop", "special", "eos",
      "bos", "pad", "unk", "mask", "sep", "cls", "input", "output", "prompt", "completion", "cancellation",
      "cancel", "lexer", "parser", "syntax", "design", "color", "colour");

  /** Words before {@code code} that make it an entry code: {@code door code}, {@code gate_code}. */
  private static final Set<String> CODE_QUALIFIERS = Set.of(
      "door", "gate", "entry", "access", "alarm", "lock", "garage", "safe", "pin", "building", "keypad",
      "locker", "lockbox", "padlock", "keysafe", "bike", "intercom", "wifi", "wlan",
      // the same words inside compounds of other languages: Torcode, deurcode, portkod, alarmcode
      "tor", "deur", "poort", "port", "dorr", "porta", "puerta", "alarme", "alarma", "allarme");

  private static final Set<String> SESSION_WORDS = Set.of(
      "session", "sessionid", "sessid", "sid", "phpsessid", "jsessionid", "aspsessionid", "sessionkey");

  /** Whether {@code word} before "key" decides what it is ("API key", "secret key", "public key"), in any case. */
  static boolean isKeyQualifier(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return SECRET_KEY_QUALIFIERS.contains(w) || PLAIN_KEY_QUALIFIERS.contains(w);
  }

  /** The kind of secret {@code text[start, end)} names, or null when it names none. */
  static Kind classify(CharSequence text, int start, int end) {
    List<String> words = words(text, start, end);
    int h = words.size() - 1;
    while (h > 0 && (TRANSPARENT.contains(words.get(h)) || isNumber(words.get(h)))) {
      h--;
    }
    if (h < 0) {
      return null;
    }
    String head = words.get(h);
    String before = h > 0 ? words.get(h - 1) : "";
    return kindOf(head, before);
  }

  private static Kind kindOf(String head, String before) {
    for (String ending : PASSWORD_ENDINGS) {
      if (head.endsWith(ending)) {
        return Kind.PASSWORD;
      }
    }
    if (head.equals("pw") || (head.endsWith("pass") && !NOT_PASS.contains(head))) {
      return Kind.PASSWORD;
    }
    if (head.equals("pin") || head.equals("pincode") || head.equals("passcode") || head.equals("digicode")
        || (head.equals("code") && CODE_QUALIFIERS.contains(before))) {
      return Kind.PIN;
    }
    // "locker combo", "Alarmcode", "portkod", "wifi": a short code like a PIN
    if ((head.equals("combo") || head.equals("combination") || head.equals("kod") || head.equals("codice"))
        && CODE_QUALIFIERS.contains(before)
        || head.equals("wifi") || head.equals("wlan")) {
      return Kind.PIN;
    }
    for (String code : new String[] {"code", "kod"}) {
      if (head.endsWith(code) && CODE_QUALIFIERS.contains(head.substring(0, head.length() - code.length()))) {
        return Kind.PIN;
      }
    }
    if (head.endsWith("secret")) {
      return Kind.SECRET;
    }
    if (head.endsWith("token")) {
      return head.equals("token") && PLAIN_TOKEN_QUALIFIERS.contains(before) ? null : Kind.TOKEN;
    }
    if (head.equals("key")) {
      if (SECRET_KEY_QUALIFIERS.contains(before)) {
        return Kind.API_KEY;
      }
      return PLAIN_KEY_QUALIFIERS.contains(before) ? null : Kind.WEAK;
    }
    if (head.endsWith("key")) {
      // One word: apikey, secretkey, accountkey; not monkey, hotkey, turkey.
      String qualifier = head.substring(0, head.length() - 3);
      return SECRET_KEY_QUALIFIERS.contains(qualifier) ? Kind.API_KEY : null;
    }
    if (head.equals("authorization") || head.equals("auth") || head.equals("proxyauthorization")) {
      return Kind.AUTHORIZATION;
    }
    if (head.equals("credential") || head.equals("credentials") || head.equals("creds")
        || head.equals("cred")) {
      return Kind.SECRET;
    }
    if (SESSION_WORDS.contains(head) || (head.equals("id") && before.equals("session"))) {
      return Kind.SESSION;
    }
    if (head.equals("sig") || head.equals("signature") || head.equals("dsn")) {
      return Kind.WEAK;
    }
    return null;
  }

  private static boolean isNumber(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Chars.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return !w.isEmpty();
  }

  /** The lower-case words of a key name. */
  static List<String> words(CharSequence text, int start, int end) {
    String lower = text.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>(4);
    int from = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      int at = i - start;
      if (c == '_' || c == '-' || c == '.' || c == ' ' || c == '$') {
        add(words, lower, from, at);
        from = at + 1;
      } else if (at > from) {
        char p = text.charAt(i - 1);
        if ((Character.isLowerCase(p) && Character.isUpperCase(c)) || Chars.isDigit(p) != Chars.isDigit(c)) {
          add(words, lower, from, at);
          from = at;
        }
      }
    }
    add(words, lower, from, lower.length());
    return words;
  }

  private static void add(List<String> words, String lower, int from, int to) {
    if (to > from) {
      words.add(from == 0 && to == lower.length() ? lower : lower.substring(from, to));
    }
  }
}
