package dev.lethe.filter.detect.secret;

import dev.lethe.filter.detect.Keywords;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges a candidate value: is it a placeholder from documentation or a template, a word of the sentence, or
 * something that looks like a credential?
 */
final class Values {
  private Values() {}

  /** How much a value looks like a credential. */
  enum Strength {
    /** Nothing usable. */
    NONE,
    /** A plain word, a phrase or a number: a weak password at best. */
    WORD,
    /** Letters with digits or symbols, or inner capitals: {@code hunter2}, {@code Lager!2024#sicher}. */
    MIXED,
    /** Long and varied enough to be machine-made or a strong password: {@code Pz4uK9mQ2vXc}. */
    RANDOM
  }

  /** Whole values that stand for "no value here" or for the key itself. */
  private static final Set<String> PLACEHOLDER_WORDS = words(
      "null", "nil", "none", "undefined", "true", "false", "yes", "no", "on", "off", "empty", "blank",
      "n/a", "na", "tbd", "todo", "fixme", "secret", "secrets", "password", "passwd", "pass", "pwd", "pw",
      "passphrase", "token", "key", "apikey", "api_key", "api-key", "value", "string", "str", "text",
      "required", "optional", "changeme", "change_me", "change-me", "changeit", "default", "example",
      "sample", "test", "testing", "dummy", "fake", "placeholder", "redacted", "hidden", "masked", "removed",
      "private", "mypassword", "yourpassword", "my_password", "your_password", "secretpassword", "foo",
      "bar", "foobar", "abc", "abc123", "xyz", "user", "username", "pin", "code", "auth",
      "bearer", "basic", "client_secret", "access_token", "secret_key", "private_key", "credentials",
      "unset", "notset", "not_set", "not-set", "nope", "random", "generated", "omitted", "sensitive");

  /**
   * What marks a stand-in inside a value or token: substrings anywhere ({@code AKIAIOSFODNN7EXAMPLE}, {@code
   * ghp_your_token}, {@code xoxb-xxxx}, masks, runs of zeros or of the alphabet, template brackets) and
   * whole words ({@code sk-your-key-here}, {@code SAMPLE_TOKEN}, {@code fake}).
   */
  private static final Keywords MARKERS = markers();

  private static Keywords markers() {
    Keywords.Builder b = Keywords.builder();
    for (String anywhere : new String[] {"example", "xxxx", "***", "...", "your", "dummy", "placeholder",
        "redacted", "changeme", "0000000000", "1234567890", "abcdefghij", "<", "${"}) {
      b.add(anywhere);
    }
    for (String word : new String[] {"sample", "fake", "here", "insert", "replace", "todo", "fixme", "lorem",
        "ipsum", "mock"}) {
      b.add(word, Keywords.Boundary.WHOLE_WORD);
    }
    return b.build();
  }

  /** References to a value kept elsewhere (environment, template, secret store) rather than the value. */
  private static final String[] REFERENCE_PREFIXES = {
      "${", "{{", "$(", "%(", "#{", "<%", "<<", "process.env", "os.environ", "os.getenv", "getenv(",
      "env(", "env.", "env[", "system.getenv", "secrets.", "vault:", "op://", "ref+", "arn:aws:", "!vault",
      "!secret", "!env", "!ref", "sm://", "@microsoft.keyvault", "keyvault", "{{{"};

  /**
   * Words that continue a sentence rather than give a value: "the password is <i>required</i>", "password:
   * <i>must</i> be 8 characters", "the token was <i>generated</i> by ...".
   */
  private static final Set<String> STOPWORDS = words(
      "a", "an", "the", "this", "that", "these", "those", "it", "its", "it's", "my", "your", "our", "their",
      "his", "her", "is", "are", "was", "were", "be", "been", "being", "am", "not", "no", "never", "now",
      "still", "also", "too", "very", "so", "just", "only", "already", "always", "again", "then", "there",
      "here", "where", "when", "what", "which", "who", "how", "why", "and", "or", "but", "if", "of", "in",
      "on", "at", "to", "for", "from", "by", "with", "without", "into", "onto", "as", "than", "like",
      "about", "above", "below", "under", "over", "after", "before", "must", "should", "shall", "will",
      "would", "can", "cannot", "can't", "could", "may", "might", "do", "does", "did", "don't", "doesn't",
      "didn't", "isn't", "wasn't", "has", "have", "had", "hasn't", "haven't", "need", "needs", "required",
      "require", "requires", "optional", "mandatory", "incorrect", "correct", "wrong", "right", "invalid",
      "valid", "missing", "empty", "blank", "same", "different", "weak", "strong", "secure", "insecure",
      "long", "short", "expired", "changed", "reset", "set", "stored", "saved", "sent", "shown", "hidden",
      "encrypted", "hashed", "generated", "created", "updated", "ok", "okay", "fine", "good", "bad", "new",
      "old", "one", "two", "some", "any", "all", "each", "every", "both", "either", "neither", "none",
      "something", "anything", "nothing", "everything", "ready", "available", "unavailable", "case",
      "sensitive", "insensitive", "protected", "unknown", "given", "used", "use", "known", "forgotten",
      "lost", "leaked", "compromised", "revoked", "rotated", "active", "inactive", "enabled", "disabled",
      "please", "enter", "type", "provide", "specify", "contain", "contains", "include", "includes",
      "least", "most", "more", "less", "characters", "chars", "digits", "letters", "length", "minimum",
      "maximum", "min", "max", "yes", "yet", "well", "much", "many", "such", "because", "since", "while",
      "until", "unless", "though", "although", "whether", "via", "per", "due", "etc", "i", "you", "we",
      "they", "he", "she", "me", "us", "them", "him", "mine", "ours", "theirs", "see", "below", "following",
      "attached", "above", "sensitive", "personal", "private", "public", "secret", "confidential",
      "stolen", "different", "identical", "supposed", "meant", "actually", "really", "probably", "maybe",
      "perhaps", "definitely", "literally", "basically", "simply", "usually", "typically", "currently",
      "ist", "est", "es", "le", "la", "les", "der", "die", "das", "ein", "eine", "el", "los", "las", "un",
      "une", "o", "os", "de", "het", "een", "nicht", "pas", "falsch", "richtig", "erforderlich", "requis",
      "obligatoire", "incorrecto", "requerido", "obrigatória", "obrigatorio", "verplicht", "onjuist");

  /** Suffixes of English words that continue a sentence: verbs, adverbs, abstract nouns. */
  private static final String[] PROSE_SUFFIXES = {
      "ed", "ing", "ly", "tion", "sion", "ment", "ness", "ful", "less", "able", "ible", "ous", "ive"};

  private static Set<String> words(String... words) {
    return Set.copyOf(List.of(words));
  }

  /** How credential-like {@code text[start, end)} is. */
  static Strength strength(CharSequence text, int start, int end) {
    int len = end - start;
    if (len <= 0) {
      return Strength.NONE;
    }
    int lower = 0;
    int upper = 0;
    int innerUpper = 0;
    int digit = 0;
    int symbol = 0;
    int space = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower++;
      } else if (c >= 'A' && c <= 'Z') {
        upper++;
        if (i > start && Chars.isAsciiLetter(text.charAt(i - 1)) && text.charAt(i - 1) >= 'a') {
          innerUpper++;
        }
      } else if (Chars.isDigit(c)) {
        digit++;
      } else if (c == ' ') {
        space++;
      } else if (Character.isLetter(c)) {
        lower++;
      } else {
        symbol++;
      }
    }
    int letters = lower + upper;
    if (space > 0) {
      return isAppPassword(text, start, end) ? Strength.RANDOM : Strength.WORD;
    }
    if (letters == 0) {
      // Numbers, dates, versions without letters: a PIN at best.
      return digit > 0 ? Strength.WORD : Strength.NONE;
    }
    if (digit == 0 && symbol == 0 && innerUpper == 0) {
      return Strength.WORD;
    }
    int classes = (lower > 0 ? 1 : 0) + (upper > 0 ? 1 : 0) + (digit > 0 ? 1 : 0) + (symbol > 0 ? 1 : 0);
    if ((len >= 16 && classes >= 2 && distinct(text, start, end) >= 8) || (len >= 10 && classes >= 3)) {
      return Strength.RANDOM;
    }
    return len >= 4 ? Strength.MIXED : Strength.WORD;
  }

  /** Google's app passwords: four groups of four lower-case letters, {@code abcd efgh ijkl mnop}. */
  private static boolean isAppPassword(CharSequence text, int start, int end) {
    if (end - start != 19) {
      return false;
    }
    for (int i = 0; i < 19; i++) {
      char c = text.charAt(start + i);
      if (i % 5 == 4 ? c != ' ' : !(c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }

  private static int distinct(CharSequence text, int start, int end) {
    long lowBits = 0;
    long highBits = 0;
    int other = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < 64) {
        lowBits |= 1L << c;
      } else if (c < 128) {
        highBits |= 1L << (c - 64);
      } else {
        other = 1;
      }
    }
    return Long.bitCount(lowBits) + Long.bitCount(highBits) + other;
  }

  /**
   * Whether an assigned value is a stand-in rather than a secret: empty words ({@code null}, {@code
   * changeme}), references ({@code ${DB_PASSWORD}}, {@code $API_KEY}, {@code process.env.X}), bracketed
   * templates ({@code <your-token>}), masks ({@code ****}, {@code xxxx}) and the words of documentation
   * ({@code YOUR_API_KEY}, {@code sk-your-key-here}).
   */
  static boolean isPlaceholder(CharSequence text, int start, int end) {
    int len = end - start;
    if (len <= 0) {
      return true;
    }
    if (len <= 16 && PLACEHOLDER_WORDS.contains(text.subSequence(start, end).toString().toLowerCase(Locale.ROOT))) {
      return true;
    }
    for (String p : REFERENCE_PREFIXES) {
      if (Chars.startsWithIgnoreCase(text, start, p)) {
        return true;
      }
    }
    char first = text.charAt(start);
    char last = text.charAt(end - 1);
    if ((first == '<' && last == '>') || (first == '[' && last == ']') || (first == '{' && last == '}')
        || (first == '(' && last == ')')) {
      return true;
    }
    return isVariableReference(text, start, end) || isMask(text, start, end) || hasMarker(text, start, end);
  }

  /** {@code $NAME}, {@code $name_2}, {@code %APPDATA%}: a shell, PHP or Windows variable. */
  private static boolean isVariableReference(CharSequence v, int start, int end) {
    if (end - start >= 2 && v.charAt(start) == '$' && Chars.isAsciiLetter(v.charAt(start + 1))) {
      return allIdentifierChars(v, start + 1, end);
    }
    if (end - start >= 3 && v.charAt(start) == '%' && v.charAt(end - 1) == '%') {
      return allIdentifierChars(v, start + 1, end - 1);
    }
    return false;
  }

  private static boolean allIdentifierChars(CharSequence v, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (!Chars.isAsciiAlnum(c) && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** Masks and fillers: {@code ****}, {@code xxxxxxxx}, {@code ....}, {@code 0000000000}, {@code ••••}. */
  private static boolean isMask(CharSequence v, int start, int end) {
    int fill = 0;
    int run = 1;
    int longestRun = 1;
    for (int i = start; i < end; i++) {
      char c = v.charAt(i);
      if (c == 'x' || c == 'X' || c == '*' || c == '.' || c == '#' || c == '\u2022' || c == '\u25CF'
          || c == '-' || c == '_') {
        fill++;
      }
      if (i > start) {
        run = c == v.charAt(i - 1) ? run + 1 : 1;
        longestRun = Math.max(longestRun, run);
      }
    }
    int len = end - start;
    return fill == len || (len >= 8 && (longestRun * 2 > len || distinct(v, start, end) <= 2));
  }

  /**
   * Whether {@code text[start, end)} contains one of the {@link #MARKERS} of a stand-in, written as people
   * write words (xxxx, XXXX, Your, YOUR): not in the mixed case that random tokens have ({@code XxXx}).
   */
  private static boolean hasMarker(CharSequence text, int start, int end) {
    boolean[] found = new boolean[1];
    MARKERS.scan(text, start, end, (keyword, s, e) -> found[0] |= isWordCase(text, s, e));
    return found[0];
  }

  /** All lower case, all upper case, or capitalised. */
  private static boolean isWordCase(CharSequence text, int s, int e) {
    boolean lower = false;
    boolean upperAfterFirst = false;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upperAfterFirst |= i > s && c >= 'A' && c <= 'Z';
    }
    return !(lower && upperAfterFirst);
  }

  /**
   * Whether a provider-shaped token is a documentation stand-in: it says so ({@code AKIAIOSFODNN7EXAMPLE},
   * {@code ghp_your_token_here}), is masked ({@code xoxb-xxxxxxxx}) or is too uniform to be random.
   */
  static boolean isPlaceholderToken(CharSequence text, int start, int end) {
    return hasMarker(text, start, end) || (end - start >= 20 && distinct(text, start, end) < 8);
  }

  /** Whether a single word is a word of the sentence rather than a value ("required", "the", "must"). */
  static boolean isStopword(CharSequence text, int start, int end) {
    return STOPWORDS.contains(text.subSequence(start, end).toString().toLowerCase(Locale.ROOT));
  }

  /** Whether a lower-case word looks like running English (a verb form, an adverb, an abstract noun). */
  static boolean looksLikeProseWord(CharSequence text, int start, int end) {
    String w = text.subSequence(start, end).toString();
    for (int i = 0; i < w.length(); i++) {
      if (!(w.charAt(i) >= 'a' && w.charAt(i) <= 'z')) {
        return false;
      }
    }
    for (String suffix : PROSE_SUFFIXES) {
      if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a phrase (a value with spaces) reads as a sentence: it holds a stop word. */
  static boolean isSentence(CharSequence text, int start, int end) {
    int i = start;
    while (i < end) {
      while (i < end && text.charAt(i) == ' ') {
        i++;
      }
      int s = i;
      while (i < end && text.charAt(i) != ' ') {
        i++;
      }
      if (i > s && isStopword(text, s, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A file system path rather than a value: {@code /run/secrets/db}, {@code ~/.ssh/id_rsa}, {@code
   * C:\keys\app.pfx}. A base64 secret may start with a slash too, but it has padding or plus signs, or as
   * many capitals as a random string has.
   */
  static boolean isPath(CharSequence text, int start, int end) {
    char c = text.charAt(start);
    boolean rooted = c == '/' || Chars.startsWith(text, start, "~/") || Chars.startsWith(text, start, "./")
        || Chars.startsWith(text, start, "../")
        || (end - start > 3 && Chars.isAsciiLetter(c) && text.charAt(start + 1) == ':'
            && text.charAt(start + 2) == '\\');
    if (!rooted) {
      return false;
    }
    int letters = 0;
    int upper = 0;
    for (int i = start; i < end; i++) {
      char d = text.charAt(i);
      if (d == '+' || d == '=') {
        return false;
      }
      if (Chars.isAsciiLetter(d)) {
        letters++;
        if (d <= 'Z') {
          upper++;
        }
      }
    }
    return upper * 4 < letters;
  }
}
