package dev.lethe.filter.detect;

import java.util.regex.Pattern;

/**
 * What the words around a date say about whether it is tied to a person: the personal-context scorer of
 * {@link DateDetector}.
 *
 * <p>A date is personal when it belongs to someone's life (a birth, an appointment, a move, a wedding, a
 * contract they signed, a deadline of theirs) and not personal when it belongs to the public calendar (a
 * release, a holiday, a war, an election) or to a machine (a log timestamp, a URL parameter). The cues are
 * words of seven languages (en, de, fr, es, it, pt, nl) read in the date's clause: up to {@value #BEFORE}
 * chars before it, cut at a sentence end or the second line break back, and up to {@value #AFTER} chars
 * after it, cut at the line end.
 *
 * <p>The cues stay separate fields, not one number, so that a learned model can read them as features; {@link
 * #score()} is the rules' own judgement, which the detector reports and which the tagger sees as "a strong
 * date candidate" when it reaches 0.5.
 *
 * @param nearest      the kind of cue word nearest before the date (a public one outranks a news one at the
 *                     same place), or {@link Cue#PUBLIC} when a public cue ("release", "holiday") follows it
 * @param strong       a birth or appointment cue ("born", "DOB", "Termin") anywhere in the clause before it
 * @param firstPerson  a first- or second-person word, or a relative ("I", "our", "your", "mein", "mum"), in the
 *                     clause around it
 * @param publicClause a public or news cue anywhere in the clause, nearest or not ("the Declaration was signed")
 * @param historicYear a year before 1900 in or right after the date ("July 4, 1776")
 * @param machine      written by a machine: a log timestamp follows it, or it is a URL or query parameter
 */
public record DateContext(Cue nearest, boolean strong, boolean firstPerson, boolean publicClause,
    boolean historicYear, boolean machine) {

  /** Kinds of cue word. */
  public enum Cue {
    /** No cue word in the window. */
    NONE,
    /** Birth dates and appointments: "born", "DOB", "date of birth", "appointment", "Termin", "cita". */
    STRONG,
    /** Events of a person's life: "signed", "moved", "wedding", "deadline", "flight", "hired", "umgezogen". */
    EVENT,
    /** The public calendar: "released", "holiday", "Christmas", "war", "treaty", "copyright", "version". */
    PUBLIC,
    /**
     * Public life as the news tells it: "president", "government", "election", "killed", "festival",
     * "announced". Unlike {@link #PUBLIC}, a first-person word in the clause outweighs it ("my brother was
     * injured on May 3").
     */
    NEWS
  }

  static final int BEFORE = 60;
  static final int AFTER = 30;

  /**
   * The context of the date at {@code [start, end)} of {@code text}.
   */
  public static DateContext of(String text, int start, int end) {
    boolean machine = TIMESTAMP_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 9))).find()
        || start > 0 && (text.charAt(start - 1) == '/' || text.charAt(start - 1) == '=' && !birthKey(text, start - 1));
    String before = clauseBefore(text, start);
    String after = clauseAfter(text, end);
    int[] at = lastCues(before);
    int[] atAfter = lastCues(after);
    int strongAt = at[STRONG];
    int eventAt = Math.max(strongAt, at[EVENT]);
    int publicAt = at[PUBLIC];
    if (Context.hasWord(after, PUBLIC_AFTER)) {
      publicAt = Integer.MAX_VALUE;
    }
    int newsAt = at[NEWS];
    if (HOLIDAY_DATE.matcher(text).region(start, end).matches()) {
      publicAt = Integer.MAX_VALUE; // "4th of July", "December 25": the date names the holiday
    }
    Cue nearest;
    if (publicAt > eventAt && publicAt >= newsAt) {
      nearest = Cue.PUBLIC;
    } else if (newsAt > eventAt) {
      nearest = Cue.NEWS;
    } else if (eventAt < 0) {
      nearest = Cue.NONE;
    } else {
      nearest = eventAt == strongAt ? Cue.STRONG : Cue.EVENT;
    }
    boolean firstPerson = at[PERSON] >= 0 || atAfter[PERSON] >= 0;
    boolean historic = HISTORIC_YEAR.matcher(text).useTransparentBounds(true)
        .region(start, Math.min(text.length(), end + 8)).find();
    boolean publicClause = publicAt >= 0 || newsAt >= 0;
    return new DateContext(nearest, strongAt >= 0, firstPerson, publicClause, historic, machine);
  }

  /**
   * The rules' judgement in [0, 1]: machine dates 0.1; public and historic ones 0.3, below the balanced
   * threshold (news ones too, unless said in the first person); a birth or appointment cue 0.9; a life event
   * 0.7, 0.85 said in the first person, 0.3 in a public clause without one ("the treaty was signed on"); a
   * plain date 0.55, 0.7 in the first person: in messages people write about their own lives, most dates are.
   */
  public double score() {
    if (machine) {
      return 0.1;
    }
    if (historicYear || nearest == Cue.PUBLIC || nearest == Cue.NEWS && !firstPerson) {
      return 0.3;
    }
    if (strong) {
      return 0.9;
    }
    if (nearest == Cue.EVENT) {
      return firstPerson ? 0.85 : publicClause ? 0.3 : 0.7;
    }
    return firstPerson ? 0.7 : 0.55;
  }

  /** Whether a personal cue, of any kind, stands by the date and no public one is nearer. */
  public boolean personal() {
    return score() >= 0.5 && (nearest == Cue.STRONG || nearest == Cue.EVENT || firstPerson);
  }

  /** The clause before {@code pos}, lower-cased: at most BEFORE chars, from the last sentence end on. */
  private static String clauseBefore(String text, int pos) {
    String w = Context.before(text, pos, BEFORE);
    int from = pos - w.length();
    for (int i = w.length() - 3; i >= 0; i--) {
      char c = w.charAt(i);
      boolean end = c == '?' || c == '!' || c == '.' && !afterShortWord(w, i);
      if (end && w.charAt(i + 1) == ' ' && Character.isUpperCase(text.charAt(from + i + 2))) {
        return w.substring(i + 2);
      }
    }
    return w;
  }

  /** Whether the word before {@code w[dot]} has at most three letters: "Dr.", "St.", "No." end no sentence. */
  private static boolean afterShortWord(String w, int dot) {
    int i = dot;
    while (i > 0 && Character.isLetter(w.charAt(i - 1))) {
      i--;
    }
    return dot - i <= 3 && dot > i;
  }

  /** The clause after {@code pos}, lower-cased: at most AFTER chars, to the line or sentence end. */
  private static String clauseAfter(String text, int pos) {
    String w = Context.after(text, pos, AFTER);
    for (int i = 0; i < w.length() - 1; i++) {
      char c = w.charAt(i);
      if ((c == '.' || c == '?' || c == '!') && w.charAt(i + 1) == ' ') {
        return w.substring(0, i);
      }
    }
    return w;
  }

  /**
   * Whether the key before the {@code =} at {@code eq} names a birth date ({@code dob=}, {@code birth_date=}):
   * a logfmt or config field about a person, not a URL parameter such as {@code from=}.
   */
  private static boolean birthKey(String text, int eq) {
    int k = eq;
    while (k > 0 && (Character.isLetterOrDigit(text.charAt(k - 1)) || text.charAt(k - 1) == '_')) {
      k--;
    }
    return lastCues(text.substring(k, eq).toLowerCase(java.util.Locale.ROOT).replace('_', ' '))[STRONG] >= 0;
  }

  /** Kinds of cue list, as indices into what {@link #lastCues} returns. */
  private static final int STRONG = 0;
  private static final int EVENT = 1;
  private static final int PUBLIC = 2;
  private static final int NEWS = 3;
  private static final int PERSON = 4;

  /**
   * Where in {@code window} the last cue of each kind ends (-1 when there is none), indexed by {@link #STRONG},
   * {@link #EVENT}, {@link #PUBLIC}, {@link #NEWS}, {@link #PERSON}. Reads the window word by word (letters and
   * digits, joined by an inner {@code . ' ’ -} as in "d.o.b", "i'm", "move-in") and looks each word, the word
   * with its closing full stop ("c.") and each two-word phrase ("passed away") up in one table: a few lookups
   * per word rather than a scan of the window for each of several hundred cues. A copyright sign counts as a
   * public cue.
   */
  private static int[] lastCues(String text) {
    String window = text.replace('’', '\'');
    int[] last = {-1, -1, -1, -1, -1};
    int n = window.length();
    int prevStart = -1;
    int prevEnd = -1;
    for (int i = 0; i < n; ) {
      if (!Character.isLetterOrDigit(window.charAt(i))) {
        if (window.charAt(i) == '©') {
          last[PUBLIC] = i + 1;
        }
        i++;
        continue;
      }
      int start = i;
      while (i < n && (Character.isLetterOrDigit(window.charAt(i)) || i + 1 < n && ".'’-".indexOf(window.charAt(i)) >= 0
          && Character.isLetterOrDigit(window.charAt(i + 1)))) {
        i++;
      }
      mark(CUES.get(window.substring(start, i)), i, last);
      if (i < n && window.charAt(i) == '.') {
        mark(CUES.get(window.substring(start, i + 1)), i + 1, last);
      }
      if (prevEnd >= 0 && start == prevEnd + 1 && window.charAt(prevEnd) == ' ') {
        mark(CUES.get(window.substring(prevStart, i)), i, last);
      }
      prevStart = start;
      prevEnd = i;
    }
    return last;
  }

  private static void mark(Integer kinds, int end, int[] last) {
    if (kinds != null) {
      for (int k = 0; k < last.length; k++) {
        if ((kinds & 1 << k) != 0) {
          last[k] = end;
        }
      }
    }
  }

  private static final Pattern TIMESTAMP_AFTER = Pattern.compile("^(?:[T ]\\d{1,2}:\\d{2}:\\d{2}|T\\d{2}:\\d{2})");
  private static final Pattern HOLIDAY_DATE = Pattern.compile("(?i)(?:4th of july|fourth of july|july 4(?:th)?"
      + "|december 25(?:th)?|25(?:th)? (?:of )?december|december 31(?:st)?|31(?:st)? (?:of )?december"
      + "|january 1(?:st)?|1(?:st)? (?:of )?january|october 31(?:st)?|31(?:st)? (?:of )?october"
      + "|february 14(?:th)?|14(?:th)? (?:of )?february|march 17(?:th)?|17(?:th)? (?:of )?march|november 11(?:th)?"
      + "|11(?:th)? (?:of )?november|24\\.? dezember|25\\.? dezember|25 décembre|14 juillet|25 de diciembre)");
  private static final Pattern HISTORIC_YEAR = Pattern.compile("\\b1[0-8]\\d\\d\\b");

  /** Birth dates and appointments, and the form keys that introduce them. */
  static final String[] STRONG_CUES = {"born", "birth", "birthday", "bday", "b-day", "dob", "d.o.b",
      "appointment", "appt",
      "geb", "geboren", "geburtsdatum", "geburtstag", "termin",
      "né", "née", "naissance", "anniversaire", "rendez-vous", "rdv",
      "nacido", "nacida", "nacimiento", "nací", "cumpleaños", "cita",
      "nato", "nata", "nascita", "compleanno", "appuntamento",
      "nascimento", "nasci", "nasceu", "aniversário", "consulta",
      "geboortedatum", "verjaardag", "jarig", "afspraak"};

  /** Events of a person's life and the record keys that date them. */
  static final String[] EVENT_CUES = {"wedding", "married", "marry", "marrying", "engaged", "anniversary", "surgery",
      "operation", "admitted", "discharged", "moved", "moving", "move", "move-in", "lease", "tenancy", "start date",
      "joining", "joined", "hired", "started", "starting", "start", "leave", "due", "visit", "flight", "check-in",
      "checkout", "stay", "arrival", "arrive", "arriving", "departure", "booked", "booking", "reservation", "paid",
      "charged", "since", "until", "deadline", "date of", "graduated", "graduation", "interview", "hearing", "court",
      "exam", "funeral", "party", "died", "passed away", "diagnosed", "vaccinated", "collected", "incident", "loss",
      "accident", "turning", "meeting", "delivery", "delivered", "ordered", "cancelled", "canceled", "signed",
      "contract", "closing", "absent", "sick", "vacation", "trip", "admission", "dose", "shift", "dinner", "lunch",
      "recital", "christening", "baptism", "retired", "pick-up", "pickup", "drop-off", "reported", "lesson",
      // de
      "hochzeit", "geheiratet", "heiraten", "umgezogen", "umzug", "eingezogen", "einzug", "ankunft", "abreise",
      "abflug", "flug", "gebucht", "buchung", "bezahlt", "unterschrieben", "vertrag", "vertragsbeginn", "kündigung",
      "mietbeginn", "krankenhaus", "urlaub", "besprechung", "vorstellungsgespräch", "frist", "fällig", "seit", "bis",
      // fr
      "mariage", "marié", "mariés", "déménagé", "déménagement", "emménagé", "arrivée", "départ", "réservation",
      "signé", "payé", "réunion", "entretien", "opération", "hospitalisé", "vacances", "séjour", "vol", "bail",
      "entrée", "depuis", "jusqu'au",
      // es
      "boda", "casamos", "casé", "casado", "mudanza", "mudé", "mudamos", "llegada", "salida", "vuelo", "reserva",
      "pagué", "firmé", "firmamos", "contrato", "operación", "entrevista", "reunión", "vacaciones", "plazo", "vence",
      "desde", "hasta",
      // pt
      "casamento", "casei", "mudança", "mudei", "chegada", "partida", "voo", "paguei", "assinei", "assinamos",
      "cirurgia", "reunião", "férias", "prazo", "até",
      // it
      "matrimonio", "sposano", "sposato", "sposati", "trasloco", "trasferito", "arrivo", "partenza", "volo",
      "prenotazione", "pagato", "firmato", "contratto", "intervento", "colloquio", "riunione", "ferie", "scadenza",
      "visita", "dal",
      // nl
      "bruiloft", "trouwen", "getrouwd", "verhuisd", "verhuizing", "aankomst", "vertrek", "vlucht", "boeking",
      "betaald", "getekend", "operatie", "sollicitatiegesprek", "vergadering", "vakantie", "sinds", "tot"};

  /** First and second person, and relatives: the writer's own life or the reader's. */
  static final String[] PERSON_CUES = {"i", "i'm", "i've", "i'll", "i'd", "im", "me", "my", "mine", "we", "we're",
      "we've", "we'll", "our", "us", "you", "your", "you're", "his", "her", "their", "mum", "mom", "dad", "wife",
      "husband", "son", "daughter", "brother", "sister", "grandma", "grandpa", "partner", "boyfriend", "girlfriend",
      "kids", "baby",
      "ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "wir", "uns", "unser", "unsere", "dein",
      "deine", "je", "j'ai", "moi", "mon", "mes", "nous", "notre", "nos", "vous", "votre", "vos", "ton", "tes",
      "yo", "mi", "mis", "nuestro", "nuestra", "tu", "tus", "eu", "meu", "minha", "meus", "minhas", "nós", "nosso",
      "nossa", "você", "io", "mio", "mia", "miei", "noi", "nostro", "nostra", "tuo", "tua", "ik", "mijn", "wij",
      "ons", "onze", "jij", "jouw", "uw"};

  /** The public calendar: releases, holidays, history, sport, software. */
  static final String[] PUBLIC_CUES = {"released", "release", "launched", "launch", "founded", "published",
      "copyright", "christmas", "thanksgiving", "easter", "halloween", "new year", "new year's",
      "independence day", "holiday", "holidays", "bank holiday", "public holiday", "eid", "diwali", "hanukkah",
      "ramadan", "war", "battle", "century", "treaty", "assassinated", "armistice",
      "invasion", "revolution", "version", "changelog", "deprecated", "patch", "build", "manufactured", "season",
      "match", "game", "tournament", "final", "premiere", "aired", "office closed", "expires",
      "expiry", "valid until", "dst", "daylight", "clocks", "eclipse", "olympics", "world cup", "since version",
      "circa", "c.", "ca.",
      "weihnachten", "ostern", "feiertag", "silvester", "krieg", "veröffentlicht", "noël", "pâques", "férié",
      "guerre", "navidad", "pascua", "festivo", "guerra", "natal", "feriado", "natale", "pasqua", "kerst",
      "pasen", "feestdag", "oorlog"};

  /** Public life as the news tells it: politics, public events, disasters, media, markets. */
  static final String[] NEWS_CUES = {"president", "presidential", "prime minister", "minister", "government",
      "officials", "parliament", "legislature", "senate", "senators", "congress", "election", "elections", "vote", "voters", "referendum",
      "campaign", "troops", "army", "military", "fleet", "occupied", "killed", "dead", "deadly", "injured",
      "victims", "rescued", "earthquake", "hurricane", "strike", "strikes", "protest", "protesters", "announced",
      "announcement", "press release", "festival", "exhibition", "exhibit", "symposium", "conference", "summit",
      "fixture", "stages", "episode", "front page", "editorial", "remembering", "stocks", "shares", "unemployment",
      "maintenance", "scheduled", "roadworks", "wikinews", "reuters", "according to", "spokesperson", "spokesman",
      "municipality", "officially", "opened", "closed", "ended", "began", "landed", "fell", "as of", "scored", "declaration", "constitution", "independence",
      "präsident", "regierung", "wahl", "président", "gouvernement", "élection", "presidente", "gobierno",
      "elecciones", "governo", "eleições", "elezioni", "regering", "verkiezingen"};

  /** Every cue word and two-word phrase, with the bit of each list ({@link #STRONG} ...) it is on. */
  private static final java.util.Map<String, Integer> CUES = cues();

  private static java.util.Map<String, Integer> cues() {
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    String[][] lists = {STRONG_CUES, EVENT_CUES, PUBLIC_CUES, NEWS_CUES, PERSON_CUES};
    for (int k = 0; k < lists.length; k++) {
      for (String cue : lists[k]) {
        if (cue.split(" ").length > 2) {
          throw new IllegalStateException("a date cue has at most two words: " + cue);
        }
        m.merge(cue, 1 << k, (a, b) -> a | b);
      }
    }
    return java.util.Map.copyOf(m);
  }

  /** Public cues that follow the date: "March 3 release", "May 1 holiday". */
  private static final String[] PUBLIC_AFTER = {"release", "released", "launch", "holiday", "holidays", "version"};
}
