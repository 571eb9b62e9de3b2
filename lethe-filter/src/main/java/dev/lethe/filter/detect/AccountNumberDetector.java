package dev.lethe.filter.detect;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Account and identity numbers, each validated the way issuers validate them:
 *
 * <ul>
 *   <li>payment cards ({@code credit_card}): 13-19 digits in card groupings, Luhn, issuer prefix ranges;
 *   <li>IBAN ({@code iban}): country code, per-country length (ISO 13616 registry), ISO 7064 mod 97;
 *   <li>US SSN ({@code us_ssn}): area not 000/666/9xx, group not 00, serial not 0000;
 *   <li>UK National Insurance ({@code uk_nino}): HMRC prefix rules and A-D suffix;
 *   <li>US ABA routing ({@code aba_routing}): 3-7-1 checksum, beside "routing"/"ABA"/"RTN";
 *   <li>national ids with check digits: Canadian SIN, Indian Aadhaar (Verhoeff) and PAN, NHS number,
 *       Dutch BSN, Brazilian CPF, Spanish DNI/NIE, Italian codice fiscale, Australian TFN;
 *   <li>customer, member, policy, patient, employee, passport, licence, booking and order ids: any
 *       id-shaped value right after a key that names one ({@code Member ID: XOF882104557}).
 * </ul>
 */
public final class AccountNumberDetector implements Detector {
  static final String NAME = "account";

  /** Key words after which an id-shaped value is an account/identity number, with the subtype they imply. */
  private static final Map<String, String> KEYS = new HashMap<>();
  private static final Pattern KEY_BEFORE;

  static {
    key("bank_account", "account", "acct", "a/c", "account id", "bank account", "checking", "savings",
        "konto", "kontonummer", "compte", "numéro de compte", "cuenta", "conto", "conta", "rekening",
        "sort code", "bsb", "transit", "institution", "account no", "acc no", "acc");
    key("member_id", "member", "member id", "membership", "mitgliedsnummer", "subscriber", "loyalty",
        "frequent flyer", "eurobonus", "miles & more", "skymiles", "aadvantage", "rewards");
    key("policy_number", "policy", "claim", "insurance id", "versichertennummer", "versicherungsnummer",
        "group number", "contract", "vertragsnummer", "police");
    key("patient_id", "patient", "patient id", "mrn", "medical record", "hosp", "hospital number", "nhs",
        "chart");
    key("customer_id", "customer", "customer id", "client", "client id", "kundennummer", "numéro client",
        "cliente", "user id", "userid", "uid");
    key("employee_id", "employee", "emp", "emp id", "employee id", "staff", "staff id", "badge",
        "personnel", "personalnummer", "student", "student id", "matrikelnummer");
    key("passport", "passport", "pasaporte", "passeport", "reisepass", "passaporto", "passaporte");
    key("drivers_license", "driver's license", "drivers license", "driver license", "driving licence",
        "driver's licence", "licence", "license", "dl", "führerschein", "permis");
    key("national_id", "ssn", "social security", "sin", "social insurance", "nin", "national insurance",
        "ni number", "tfn", "tax file", "tin", "itin", "nif", "nie", "dni", "cpf", "rg", "codice fiscale",
        "sofinummer", "aadhar",
        "cartão de cidadão", "aadhaar", "pan", "voter id", "national id", "id card", "personalausweis",
        "steuer-id", "steuernummer", "bsn", "burgerservicenummer", "pesel", "personnummer", "cédula",
        "curp", "rfc", "nric", "fin", "hkid", "my number", "visa", "id number", "identity");
    key("booking_reference", "booking", "booking reference", "reservation", "confirmation", "conf",
        "pnr", "record locator", "file reference", "reference number");
    key("order_number", "order", "order id", "pedido", "commande", "bestellung", "bestellnummer",
        "ordine", "tracking");
    key("id", "id", "id no", "identification");
    key("card", "card", "credit card", "debit card", "cc", "mastercard", "amex", "discover",
        "jcb", "card on file", "card number");
    key("routing", "routing", "aba", "rtn", "routing number", "routing no");
    // The same kinds of key in the languages the filter serves (fr, de, es, pt, it, nl, sv, pl), and
    // the health, tax, travel and loyalty numbers of issue 8.
    key("national_id", "numéro de sécurité sociale", "sécurité sociale", "securite sociale", "nir", "insee",
        "carte vitale", "numéro fiscal", "numéro d'identification fiscale", "sozialversicherungsnummer",
        "rentenversicherungsnummer", "steueridentifikationsnummer", "identifikationsnummer", "idnr",
        "ausweisnummer", "número de seguro social", "número de seguridad social", "seguridad social",
        "seguro social", "nss", "número de identificación", "documento de identidad", "cédula de identidad",
        "rut", "cuil", "cuit", "número de contribuinte", "contribuinte", "niss", "segurança social",
        "bilhete de identidade", "tessera sanitaria", "carta d'identità", "numero di previdenza",
        "sofi-nummer", "samordningsnummer", "nip", "numer dowodu", "dowód osobisty", "mbi", "medicare",
        "medicaid", "beneficiary id", "utr", "unique taxpayer reference", "crn", "centrelink",
        "customer reference number", "health card", "health id", "ohip", "ihi", "chi number", "st.-nr",
        "stnr", "steuer-nr");
    key("patient_id", "uhid", "patient number", "hospital id", "medical record number", "numéro de patient",
        "patientennummer", "historia clínica", "prontuário", "cartella clinica", "patiëntnummer",
        "journalnummer", "numer pacjenta");
    key("member_id", "railcard", "oyster", "clubcard", "nectar", "payback", "bahncard", "loyalty card",
        "rewards card", "advantage card", "carte de fidélité", "tarjeta de fidelización", "cartão fidelidade",
        "carta fedeltà", "klantenkaart", "lidnummer", "medlemsnummer", "numer karty");
    key("customer_id", "klantnummer", "kundnummer", "numer klienta", "número de cliente", "numero cliente",
        "kundennr");
    key("policy_number", "polisnummer", "numéro de police", "número de póliza", "numero di polizza",
        "número da apólice", "numer polisy");
    key("passport", "paspoort", "numer paszportu");
    key("drivers_license", "rijbewijs", "permis de conduire", "carnet de conducir", "patente");
    StringBuilder alt = new StringBuilder();
    KEYS.keySet().stream().sorted((a, b) -> b.length() - a.length()).forEach(k -> {
      if (alt.length() > 0) {
        alt.append('|');
      }
      alt.append(Pattern.quote(k));
    });
    // key, then up to three qualifiers ("number", "no.", "ID", "is", ":"), right before the value
    KEY_BEFORE = Pattern.compile("(?<![\\p{L}\\p{N}_])(" + alt + ")s?"
        + "(?:[\\s._-]*(?:numbers?|num|nos?|nº|n°|nr|ids?|#|code|details|ref|reference|is|was|on file"
        + "|ending in|:|=|-|\\(id|card"
        // "number" and "is" in the other languages: "Steuer-ID lautet", "CURP es", "NIR est le"
        + "|nummer|numéro|numero|número|numer|lautet|ist|est|es|era|é|è|är|jest|wynosi|le|el|o|il"
        + ")){0,3}[\\s.:=#'\"“(),?]*$",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * The key words, found in one pass over a text. The pass matches ASCII only, so a key with accents
   * is found by its longest ASCII run ("führerschein" by "hrerschein"); the regex then checks the key.
   */
  private static final Keywords KEY_WORDS;

  static {
    java.util.Map<String, Keywords.Boundary> words = new java.util.TreeMap<>();
    for (String k : KEYS.keySet()) {
      if (k.chars().allMatch(c -> c < 128)) {
        words.put(k, Keywords.Boundary.WORD_START);
        continue;
      }
      String longest = "";
      for (String run : k.split("[^\\x00-\\x7F]+")) {
        longest = run.length() > longest.length() ? run : longest;
      }
      if (longest.strip().length() >= 2) {
        words.putIfAbsent(longest.strip(), Keywords.Boundary.NONE);
      }
    }
    Keywords.Builder b = Keywords.builder();
    words.forEach(b::add);
    KEY_WORDS = b.build();
  }

  /**
   * Where key words end in one text, so that the key regex runs only for candidates with a key word (or
   * a non-ASCII char, which the keyword pass cannot see) in the chars just before them.
   */
  private static final class Keys {
    private final String text;
    private int[] ends = new int[8];
    private int count;

    Keys(String text) {
      this.text = text;
      KEY_WORDS.scan(text, 0, text.length(), (k, start, end) -> {
        if (count == ends.length) {
          ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = end;
      });
    }

    /** The subtype named by a key in the {@code window} chars before {@code pos}, or null. */
    String subtypeBefore(int pos, int window) {
      return near(pos, window) ? keySubtype(Context.before(text, pos, window)) : null;
    }

    /** Whether a key word ends in the {@code window} chars before {@code pos}. */
    boolean near(int pos, int window) {
      int lo = java.util.Arrays.binarySearch(ends, 0, count, pos - window);
      lo = lo < 0 ? -lo - 1 : lo;
      return lo < count && ends[lo] <= pos;
    }
  }

  private static void key(String subtype, String... words) {
    for (String w : words) {
      KEYS.put(w, subtype);
    }
  }

  private static final Map<String, Integer> IBAN_LENGTHS = new HashMap<>();

  static {
    String registry = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22"
        + " DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28"
        + " IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19"
        + " MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18"
        + " SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    for (String e : registry.split(" ")) {
      IBAN_LENGTHS.put(e.substring(0, 2), Integer.parseInt(e.substring(2)));
    }
  }

  private static final Pattern SSN_SHAPE = Pattern.compile("(\\d{3})([- ])(\\d{2})\\2(\\d{4})");
  private static final Pattern NINO = Pattern.compile(
      "([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\\d{2}) ?(\\d{2}) ?(\\d{2}) ?([A-D])(?![\\p{L}\\p{N}])");
  private static final Pattern CODICE_FISCALE = Pattern.compile(
      "[A-Z]{6}\\d{2}[A-EHLMPR-T]\\d{2}[A-Z]\\d{3}[A-Z](?![\\p{L}\\p{N}])");
  private static final Pattern PAN_INDIA = Pattern.compile("[A-Z]{3}[PCHFATBLJG][A-Z]\\d{4}[A-Z](?![\\p{L}\\p{N}])");
  private static final Pattern SPANISH_ID = Pattern.compile("(?:\\d{8}|[XYZ]\\d{7})-?[A-Z](?![\\p{L}\\p{N}])");
  private static final Pattern STRIPE_ID = Pattern.compile("(?:cus|acct|card|ba|src|pm)_[A-Za-z0-9]{14,30}");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern HEX = Pattern.compile("(?=.*[a-fA-F])[0-9a-fA-F]{24,}");
  /** Published test numbers of card networks and payment providers (Stripe, Braintree, Adyen docs). */
  private static final java.util.Set<String> TEST_CARDS = java.util.Set.of("4242424242424242",
      "4111111111111111", "4000056655665556", "5555555555554444", "5200828282828210", "5105105105105100",
      "378282246310005", "371449635398431", "6011111111111117", "6011000990139424", "3056930009020004",
      "36227206271667", "3566002020360505", "6200000000000005", "4012888888881881", "4222222222222",
      "2223003122003222", "4000000000000002", "4000000000009995", "4000000000000077");
  /** The end of a field key: {@code "card": "}, {@code card_number=}, {@code Card: }. */
  private static final Pattern FIELD_END = Pattern.compile("[:=]\\s*[\"']?$");
  private static final Pattern CPF = Pattern.compile("\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void detect(String text, List<Span> out) {
    Keys keys = new Keys(text);
    DigitClusters.scan(text, 6, (start, end, digits) -> cluster(text, start, end, keys, out));
    letterLed(text, keys, out);
    keyedIds(text, keys, out);
  }

  // ---- digit clusters: cards, SSN, routing, national numbers ----

  /**
   * A cluster may hold several numbers side by side ("512-44-7810 4539 1488 0343 6467"): from each
   * space-separated group, the longest run of up to six groups that validates as one number is a
   * candidate. Runs may overlap; the span resolver keeps the best reading.
   */
  private static void cluster(String text, int start, int end, Keys keys, List<Span> out) {
    List<int[]> groups = DigitClusters.groups(text, start, end, " \u00a0");
    for (int i = 0; i < groups.size(); i++) {
      for (int j = Math.min(groups.size() - 1, i + 5); j >= i; j--) {
        if (numeric(text, groups.get(i)[0], groups.get(j)[1], keys, out)) {
          break;
        }
      }
    }
  }

  /** Reports {@code text[start, end)} if it validates as one number; returns whether it did. */
  private static boolean numeric(String text, int start, int end, Keys keys, List<Span> out) {
    if (!Context.boundaryBefore(text, start) || !Context.boundaryAfter(text, end)
        || Context.digitsOf(text, start, end).length() < 6) {
      return false;
    }
    String raw = text.substring(start, end);
    String d = Context.digitsOf(text, start, end);
    String keyed = keys.subtypeBefore(start, 40);
    boolean cardKey = "card".equals(keyed);

    if (d.length() >= 12 && d.length() <= 19 && isCardGrouping(raw)) {
      boolean luhn = Checksums.luhn(d);
      String brand = cardBrand(d);
      if (TEST_CARDS.contains(d)) {
        // A documentation value in prose; as the value of a card field (a JSON payload, a form) it stands
        // for the card a user sent and is masked like one.
        boolean field = cardKey && FIELD_END.matcher(Context.before(text, start, 4)).find();
        out.add(new Span(Label.ACCOUNT_NUMBER, "credit_card", start, end, field ? 0.85 : 0.3, NAME));
        return true;
      }
      double score = luhn && brand != null ? (cardKey ? 0.99 : 0.95)
          : luhn ? (cardKey ? 0.9 : 0.4)
          : cardKey ? 0.8 : 0;
      if (score > 0) {
        out.add(new Span(Label.ACCOUNT_NUMBER, "credit_card", start, end, score, NAME));
        return true;
      }
    }
    Matcher ssn = SSN_SHAPE.matcher(raw);
    if (ssn.matches() && validSsn(ssn.group(1), ssn.group(3), ssn.group(4))) {
      boolean ssnKey = "national_id".equals(keyed);
      double score = ssnKey ? 0.99 : ssn.group(2).equals("-") ? 0.8 : 0.55;
      out.add(new Span(Label.ACCOUNT_NUMBER, "us_ssn", start, end, score, NAME));
      return true;
    }
    if (CPF.matcher(raw).matches() && Checksums.cpf(d)) {
      out.add(new Span(Label.ACCOUNT_NUMBER, "br_cpf", start, end, 0.95, NAME));
      return true;
    }
    String national = keys.near(start, 40) ? nationalScheme(d, raw, Context.before(text, start, 40)) : null;
    if (national != null) {
      out.add(new Span(Label.ACCOUNT_NUMBER, national, start, end, 0.95, NAME));
      return true;
    }
    return false;
  }

  /** The check-digit scheme a keyed number satisfies, or null. */
  private static String nationalScheme(String d, String raw, String before) {
    if (d.length() == 9 && raw.equals(d) && Checksums.abaRouting(d) && validRoutingPrefix(d)
        && Context.hasWord(before, "routing", "aba", "rtn", "transit")) {
      return "aba_routing";
    }
    if (d.length() == 9 && Checksums.luhn(d) && Context.hasWord(before, "sin", "social insurance")) {
      return "ca_sin";
    }
    if (d.length() == 9 && Checksums.australianTfn(d) && Context.hasWord(before, "tfn", "tax file")) {
      return "au_tfn";
    }
    if (d.length() == 9 && Checksums.bsn(d) && Context.hasWord(before, "bsn", "burgerservicenummer", "sofinummer")) {
      return "nl_bsn";
    }
    if (d.length() == 10 && Checksums.nhs(d) && Context.hasWord(before, "nhs")) {
      return "uk_nhs";
    }
    if (d.length() == 12 && d.charAt(0) >= '2' && Checksums.verhoeff(d) && Context.hasWord(before, "aadhaar", "uid", "aadhar")) {
      return "in_aadhaar";
    }
    if (d.length() == 11 && Checksums.cpf(d) && Context.hasWord(before, "cpf")) {
      return "br_cpf";
    }
    return null;
  }

  private static boolean validSsn(String area, String group, String serial) {
    int a = Integer.parseInt(area);
    return a != 0 && a != 666 && a < 900 && !group.equals("00") && !serial.equals("0000");
  }

  private static boolean validRoutingPrefix(String d) {
    int p = Integer.parseInt(d.substring(0, 2));
    return p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p == 80;
  }

  /** Groups people write card numbers in: none, all fours, Amex 4-6-5, Diners 4-6-4, 4-4-4-4-3. */
  private static boolean isCardGrouping(String raw) {
    int[] lengths = new int[8];
    int groups = 0;
    int len = 0;
    for (int i = 0; i <= raw.length(); i++) {
      char c = i < raw.length() ? raw.charAt(i) : ' ';
      if (c == ' ' || c == '-' || c == '\u00a0') {
        if (len == 0 || groups == lengths.length) {
          return false;
        }
        lengths[groups++] = len;
        len = 0;
      } else if (Context.isAsciiDigit(c)) {
        len++;
      } else {
        return false;
      }
    }
    if (groups == 1) {
      return true;
    }
    boolean fours = true;
    for (int g = 0; g < groups - 1; g++) {
      fours &= lengths[g] == 4;
    }
    return fours && (groups == 4 || groups == 5) && (lengths[groups - 1] == 4 || groups == 5 && lengths[4] <= 3)
        || groups == 3 && lengths[0] == 4 && lengths[1] == 6 && (lengths[2] == 5 || lengths[2] == 4);
  }

  /** The card network whose issuer prefix range and lengths {@code d} fits, or null. */
  static String cardBrand(String d) {
    int len = d.length();
    int p2 = Integer.parseInt(d.substring(0, 2));
    int p3 = Integer.parseInt(d.substring(0, 3));
    int p4 = Integer.parseInt(d.substring(0, 4));
    int p6 = len >= 6 ? Integer.parseInt(d.substring(0, 6)) : 0;
    if (d.charAt(0) == '4' && (len == 13 || len == 16 || len == 19)) {
      return "visa";
    }
    if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len == 16) {
      return "mastercard";
    }
    if ((p2 == 34 || p2 == 37) && len == 15) {
      return "amex";
    }
    if ((p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925))
        && len >= 16 && len <= 19) {
      return "discover";
    }
    if (((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) && len >= 14 && len <= 19) {
      return "diners";
    }
    if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19) {
      return "jcb";
    }
    if (p4 >= 2200 && p4 <= 2204 && len >= 16 && len <= 19) {
      return "mir";
    }
    if (p2 == 62 && len >= 16 && len <= 19) {
      return "unionpay";
    }
    if ((p2 == 50 || (p2 >= 56 && p2 <= 69)) && len >= 12 && len <= 19) {
      return "maestro";
    }
    if ((p2 == 60 || p2 == 81 || p2 == 82 || p3 == 508) && len == 16) {
      return "rupay";
    }
    return null;
  }

  // ---- tokens that start with capital letters: IBAN, NINO, codice fiscale, PAN, DNI/NIE ----

  private static void letterLed(String text, Keys keys, List<Span> out) {
    int n = text.length();
    for (int i = 0; i + 3 < n; i++) {
      char c = text.charAt(i);
      if (c < 'A' || c > 'Z' || !Context.boundaryBefore(text, i)) {
        continue;
      }
      char c1 = text.charAt(i + 1);
      if (c1 >= 'A' && c1 <= 'Z' && digitWithin(text, i + 2, 8)) {
        if (Context.isAsciiDigit(text.charAt(i + 2)) && Context.isAsciiDigit(text.charAt(i + 3))
            && iban(text, i, out)) {
          continue;
        }
        if (matchAt(NINO, text, i, keys, out, "uk_nino", ninoScore(text, i))
            || matchAt(CODICE_FISCALE, text, i, keys, out, "it_codice_fiscale", -1)
            || matchAt(PAN_INDIA, text, i, keys, out, "in_pan", -1)) {
          continue;
        }
      }
      if ((c == 'X' || c == 'Y' || c == 'Z') && Context.isAsciiDigit(c1) && i + 9 <= n) {
        matchAt(SPANISH_ID, text, i, keys, out, "es_nie", -1);
      }
    }
    for (int i = 0; i + 8 < n; i++) {
      if (Context.isAsciiDigit(text.charAt(i)) && Context.boundaryBefore(text, i)) {
        int j = i;
        while (j < n && Context.isAsciiDigit(text.charAt(j))) {
          j++;
        }
        if (j - i == 8) {
          matchAt(SPANISH_ID, text, i, keys, out, "es_dni", -1);
        }
        i = j;
      }
    }
  }

  /** Whether an ASCII digit occurs in {@code text[from, from + len)}: every letter-led number has one early. */
  private static boolean digitWithin(String text, int from, int len) {
    for (int i = from, end = Math.min(text.length(), from + len); i < end; i++) {
      if (Context.isAsciiDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static double ninoScore(String text, int at) {
    String p = text.substring(at, at + 2);
    if (p.equals("BG") || p.equals("GB") || p.equals("KN") || p.equals("NK") || p.equals("NT")
        || p.equals("TN") || p.equals("ZZ")) {
      return 0;
    }
    return Context.cueBefore(text, at, 40, "national insurance", "ni", "nino", "ni number") ? 0.99 : 0.85;
  }

  /** Reports a match of {@code p} anchored at {@code at}; {@code score} < 0 means "check digits decide". */
  private static boolean matchAt(Pattern p, String text, int at, Keys keys, List<Span> out, String subtype,
      double score) {
    Matcher m = p.matcher(text).region(at, Math.min(text.length(), at + 24));
    if (!m.lookingAt()) {
      return false;
    }
    if (score < 0) {
      String v = m.group().replace("-", "");
      boolean valid = switch (subtype) {
        case "it_codice_fiscale" -> Checksums.codiceFiscale(v);
        case "es_dni", "es_nie" -> Checksums.spanishId(v);
        default -> true;
      };
      boolean keyed = keys.subtypeBefore(at, 40) != null;
      score = valid ? 0.95 : subtype.equals("in_pan") ? (keyed ? 0.95 : 0.6) : 0;
    }
    if (score <= 0) {
      return false;
    }
    out.add(new Span(Label.ACCOUNT_NUMBER, subtype, at, m.end(), score, NAME));
    return true;
  }

  /** An IBAN starting at {@code at}, printed compact or in groups of four. */
  private static boolean iban(String text, int at, List<Span> out) {
    String country = text.substring(at, at + 2);
    Integer expected = IBAN_LENGTHS.get(country);
    if (expected == null) {
      return false;
    }
    StringBuilder compact = new StringBuilder(34);
    int i = at;
    int end = at;
    while (i < text.length() && compact.length() < expected) {
      char c = text.charAt(i);
      if (Context.isAsciiDigit(c) || (c >= 'A' && c <= 'Z')) {
        compact.append(c);
        end = ++i;
      } else if (c == ' ' && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (compact.length() != expected || !Context.boundaryAfter(text, end) || !Checksums.ibanMod97(compact)) {
      return false;
    }
    out.add(new Span(Label.ACCOUNT_NUMBER, "iban", at, end, 0.99, NAME));
    return true;
  }

  // ---- id-shaped values after a key word ----

  private static void keyedIds(String text, Keys keys, List<Span> out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Context.isAsciiDigit(c)) {
        i++;
        continue;
      }
      int tokStart = i;
      while (tokStart > 0 && isIdChar(text.charAt(tokStart - 1))) {
        tokStart--;
      }
      int[] bounds = idValue(text, tokStart);
      i = Math.max(bounds[1], i + 1);
      int start = bounds[0];
      int end = bounds[1];
      if (!keys.near(start, 48)) {
        continue; // no key word before it: not an id we can name
      }
      if (!isIdShaped(text, start, end)) {
        continue;
      }
      String subtype = keys.subtypeBefore(start, 48);
      if (subtype == null || subtype.equals("card") || subtype.equals("routing")) {
        continue; // cards and routing numbers are validated by their own rules above
      }
      out.add(new Span(Label.ACCOUNT_NUMBER, subtype, start, end, 0.85, NAME));
    }
    Matcher m = STRIPE_ID.matcher(text);
    for (int at = text.indexOf('_'); at >= 0; at = text.indexOf('_', at + 1)) {
      int s = at;
      while (s > 0 && Context.isAsciiLetter(text.charAt(s - 1)) && at - s < 4) {
        s--;
      }
      if (Context.boundaryBefore(text, s) && m.region(s, Math.min(n, s + 40)).lookingAt()
          && Context.boundaryAfter(text, m.end())) {
        out.add(new Span(Label.ACCOUNT_NUMBER, "customer_id", s, m.end(), 0.9, NAME));
        at = m.end();
      }
    }
  }

  /**
   * Whether {@code text[start, end)} can be an id that identifies someone: five digits or more, or letters
   * with at least two digits in six chars or more ("account 12" and "1.8M rows" are too short); not a
   * UUID or a hash, which are machine identifiers.
   */
  static boolean isIdShaped(String text, int start, int end) {
    String value = text.substring(start, end);
    int digits = Context.digitsOf(text, start, end).length();
    boolean numeric = digits == value.replaceAll("[ ./-]", "").length();
    if (numeric ? digits < 5 : digits < 2 || value.length() < 6 && digits < 3) {
      return false;
    }
    return !UUID.matcher(value).matches() && !HEX.matcher(value).matches();
  }

  private static boolean isIdChar(char c) {
    return Context.isAsciiDigit(c) || Context.isAsciiLetter(c);
  }

  /**
   * The extent of the id value around the token that starts at {@code tokStart}: tokens of letters and
   * digits joined by hyphens, slashes or dots ("HH-9937104-B", "297.102.822-47"), and by single spaces
   * when the neighbouring group is digits or a short capital block ("JT 48 22 91 C", "14872039 4 ZX7").
   */
  private static int[] idValue(String text, int tokStart) {
    int n = text.length();
    int s = tokStart;
    while (s >= 2) {
      char sep = text.charAt(s - 1);
      if ((sep == '-' || sep == '/' || sep == '.') && isIdChar(text.charAt(s - 2))
          || sep == ' ' && isShortCaps(text, s - 1)) {
        int p = s - 1;
        while (p > 0 && isIdChar(text.charAt(p - 1))) {
          p--;
        }
        s = p;
      } else {
        break;
      }
    }
    int end = tokStart;
    while (end < n && isIdChar(text.charAt(end))) {
      end++;
    }
    while (end < n - 1) {
      char sep = text.charAt(end);
      int next = end + 1;
      if (!isIdChar(text.charAt(next))) {
        break;
      }
      int groupEnd = next;
      while (groupEnd < n && isIdChar(text.charAt(groupEnd))) {
        groupEnd++;
      }
      boolean joins;
      if (sep == ' ') {
        String g = text.substring(next, groupEnd);
        joins = g.chars().allMatch(Character::isDigit)
            || g.length() <= 3 && g.chars().allMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch));
      } else {
        joins = sep == '-' || sep == '/' || sep == '.';
      }
      if (!joins) {
        break;
      }
      end = groupEnd;
    }
    return new int[] {s, end};
  }

  /** Whether the token ending at {@code endExclusive} is 1-3 capitals ("JT", "EB") and not a key ("ID"). */
  private static boolean isShortCaps(String text, int endExclusive) {
    int p = endExclusive;
    while (p > 0 && isIdChar(text.charAt(p - 1))) {
      p--;
    }
    int len = endExclusive - p;
    String tok = text.substring(p, endExclusive);
    return len >= 1 && len <= 3 && tok.chars().allMatch(Character::isUpperCase)
        && Context.boundaryBefore(text, p) && !QUALIFIERS.contains(tok);
  }

  private static final java.util.Set<String> QUALIFIERS = java.util.Set.of("ID", "NO", "NR", "NUM", "REF",
      "PIN", "DOB", "SSN", "SIN", "NIF", "NIE", "DNI", "CPF", "PAN", "TFN", "BSN", "NHS", "MRN", "IBAN", "BIC",
      "A", "I");

  /** The subtype named by a key word ending right before a value, or null. */
  static String keySubtype(String before) {
    Matcher m = KEY_BEFORE.matcher(before);
    if (!m.find()) {
      return null;
    }
    return KEYS.get(m.group(1).toLowerCase(java.util.Locale.ROOT));
  }
}
