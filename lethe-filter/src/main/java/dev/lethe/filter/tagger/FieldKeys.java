package dev.lethe.filter.tagger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Field keys of structured text: the key a value sits under in {@code Name: Ana Ruiz} lines, JSON and YAML
 * pairs ({@code "first_name": "Greta"}, several on one line), logfmt ({@code user=ana}) and CSV headers.
 * A key is normalised (lower case, quotes, {@code _ - .} and spaces dropped: {@code first_name},
 * {@code firstName} and {@code First Name} are all {@code firstname}) and hashed, and its hash maps to a
 * kind (a person's name, an address part, a birth date, another date, anything else), so that a key the
 * training data never showed ({@code "nachname"}, {@code "emergencyContactName"}) still says what its value
 * is. Hand-written: no library tokenizes keys of mixed structured formats inside free text.
 */
final class FieldKeys {
  static final int NONE = 0;
  static final int NAME = 1;
  static final int ADDRESS = 2;
  static final int BIRTH = 3;
  static final int DATE = 4;
  static final int OTHER = 5;

  /** Keys of a value that is a person's name, in the languages of the word classes. */
  private static final Set<String> NAME_KEYS = Set.of("name", "firstname", "lastname", "surname", "forename",
      "givenname", "familyname", "fullname", "middlename", "maidenname", "displayname", "contactname",
      "nom", "prenom", "prénom", "nomdefamille", "vorname", "nachname", "familienname", "nombre", "apellido",
      "apellidos", "nome", "cognome", "sobrenome", "naam", "voornaam", "achternaam", "imie", "nazwisko",
      "author", "patient", "customer", "client", "contact", "sender", "recipient", "owner", "signatory",
      "spouse", "employee", "manager", "attendee", "guest", "passenger", "cardholder", "holder",
      "beneficiary", "emergencycontact", "nextofkin", "guardian", "parent", "tenant", "landlord", "driver",
      "assignee", "reporter", "reviewer", "requester", "approver", "to", "from", "cc", "attn", "signedby");
  /** Keys that end like a name key but hold something else. */
  private static final Set<String> NOT_NAME = Set.of("username", "filename", "hostname", "pathname",
      "dbname", "domainname", "servername", "tablename", "classname", "typename", "modelname", "appname",
      "productname", "companyname", "orgname", "organizationname", "organisationname", "bankname",
      "streetname", "cityname", "countryname", "devicename", "screenname", "keyname", "fieldname",
      "nickname", "firmenname", "projectname", "teamname", "groupname");
  private static final Set<String> ADDRESS_KEYS = Set.of("street", "city", "town", "zip", "zipcode",
      "postcode", "postalcode", "state", "province", "county", "region", "line1", "line2", "addressline1",
      "addressline2", "adresse", "strasse", "straße", "ort", "plz", "wohnort", "calle", "ciudad", "rua",
      "cidade", "via", "indirizzo", "citta", "città", "endereco", "endereço", "direccion", "dirección",
      "codigopostal", "cep", "cap", "ville", "codepostal", "woonplaats", "postcodeplaats", "houseno",
      "housenumber", "streetaddress", "apt", "unit", "suite");
  private static final Set<String> BIRTH_KEYS = Set.of("dob", "birthday", "birthdate", "dateofbirth",
      "geburtsdatum", "geburtstag", "datedenaissance", "fechadenacimiento", "datadinascita", "datadenascimento",
      "geboortedatum", "born");

  private FieldKeys() {}

  /** The kind of the key with hash {@code h}, as {@link #pairs} and {@link #header} store it (low 3 bits). */
  static int kind(long h) {
    return (int) (h & 7);
  }

  /** The kind of a normalised key. */
  static int kindOf(String key) {
    if (key.isEmpty()) {
      return NONE;
    }
    if (BIRTH_KEYS.contains(key) || key.contains("birth") || key.contains("geburt") || key.contains("naissance")
        || key.contains("nacimiento") || key.contains("nascimento") || key.contains("nascita")) {
      return BIRTH;
    }
    if (NAME_KEYS.contains(key) || key.endsWith("name") && !NOT_NAME.contains(key)
        || key.endsWith("contact") || key.endsWith("vorname") || key.endsWith("nachname")) {
      return NAME;
    }
    if (ADDRESS_KEYS.contains(key) || key.contains("address") || key.contains("addr") || key.contains("street")
        || key.endsWith("city") || key.endsWith("zip") || key.endsWith("postcode") || key.endsWith("postalcode")
        || key.contains("adresse") || key.contains("anschrift")) {
      return ADDRESS;
    }
    if (key.contains("date") || key.contains("datum") || key.contains("fecha") || key.equals("data")
        || key.endsWith("day") || key.contains("anniversary") || key.contains("appointment")) {
      return DATE;
    }
    return OTHER;
  }

  /** Hash of a normalised key, its kind in the low 3 bits (never 0: every key has a kind). */
  private static long keyHash(String normalised) {
    return Hash.of(normalised) & ~7L | kindOf(normalised);
  }

  /**
   * Marks the values of the key/value pairs on the line of tokens {@code [from, to)} in {@code key} (each
   * value token gets its key's hash) and returns how many pairs it found. A separator is a {@code :}
   * followed by a space, a quote or the line's end, or an {@code =} right after its key; a key is one to
   * four words joined by {@code _ - .} or spaces, quoted, at the line's start or after {@code , { [ (}.
   */
  static int pairs(Tokens t, int from, int to, long[] key) {
    String text = t.text();
    int pairs = 0;
    int valueFrom = -1;
    long current = 0;
    for (int j = from + 1; j < to; j++) {
      int keyStart = separatorKeyStart(t, from, j);
      if (keyStart < 0) {
        continue;
      }
      if (valueFrom >= 0) {
        Arrays.fill(key, valueFrom, keyStart, current);
      }
      current = keyHash(normalise(text, t, keyStart, j));
      valueFrom = j + 1;
      pairs++;
    }
    if (valueFrom >= 0 && valueFrom < to) {
      Arrays.fill(key, valueFrom, to, current);
    }
    return pairs;
  }

  /** Where the key of the separator token {@code j} starts, or -1 when {@code j} separates nothing. */
  private static int separatorKeyStart(Tokens t, int from, int j) {
    String text = t.text();
    if (t.end(j) - t.start(j) != 1) {
      return -1;
    }
    char c = text.charAt(t.start(j));
    int after = t.end(j);
    if (c == ':') {
      char next = after < text.length() ? text.charAt(after) : '\n';
      if (!(Character.isWhitespace(next) || next == '"' || next == '\'')) {
        return -1; // 10:30, http:, a:b
      }
    } else if (c != '=' || t.start(j) != t.end(j - 1) || after < text.length() && text.charAt(after) == '=') {
      return -1;
    }
    int k = j - 1;
    boolean quoted = isQuote(t, k);
    if (quoted) {
      k--;
    }
    int words = 0;
    int start = -1;
    while (k >= from && words < 4) {
      if (isWord(t, k)) {
        words++;
        start = k;
        k--;
      } else if (isJoiner(t, k) && k - 1 >= from && isWord(t, k - 1)) {
        k--;
      } else {
        break;
      }
      if (k >= from && isWord(t, k) && t.end(k) != t.start(k + 1) && !quoted && c == '=') {
        break; // logfmt keys have no spaces
      }
    }
    if (start < 0) {
      return -1;
    }
    if (quoted) {
      return k >= from && isQuote(t, k) ? k : -1;
    }
    if (k < from) {
      return start; // the line starts with the key
    }
    char before = text.charAt(t.start(k));
    if (before == ',' || before == '{' || before == '[' || before == '(' || before == '-' && k == from) {
      return start;
    }
    if (c == '=' && t.end(k) != t.start(start)) {
      return start; // logfmt: "ts=... user=ana"
    }
    return start - from <= 1 && words <= 3 ? start : -1;
  }

  /** The normalised key of tokens {@code [from, to)}: letters and digits only, lower case. */
  private static String normalise(String text, Tokens t, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k < to; k++) {
      if (isWord(t, k)) {
        b.append(text, t.start(k), t.end(k));
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** Per column of a CSV header line, the hash of its normalised key. */
  static long[] header(Tokens t, int from, int to, char delim) {
    String text = t.text();
    long[] keys = new long[64];
    int col = 0;
    int colStart = from;
    for (int v = from; v <= to && col < keys.length; v++) {
      if (v == to || t.end(v) - t.start(v) == 1 && text.charAt(t.start(v)) == delim) {
        String k = normalise(text, t, colStart, v);
        keys[col++] = k.isEmpty() ? 0 : keyHash(k);
        colStart = v + 1;
      }
    }
    return Arrays.copyOf(keys, col);
  }

  private static boolean isWord(Tokens t, int k) {
    return t.standsFor(k) == null && Character.isLetterOrDigit(t.text().codePointAt(t.start(k)));
  }

  private static boolean isJoiner(Tokens t, int k) {
    if (t.end(k) - t.start(k) != 1) {
      return false;
    }
    char c = t.text().charAt(t.start(k));
    return c == '_' || c == '-' || c == '.';
  }

  private static boolean isQuote(Tokens t, int k) {
    if (k < 0 || t.end(k) - t.start(k) != 1) {
      return false;
    }
    char c = t.text().charAt(t.start(k));
    return c == '"' || c == '\'';
  }
}
