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
 * @param nearest      the kind of cue word nearest before the date, or {@link Cue#PUBLIC} when a public cue
 *                     ("release", "holiday") follows it
 * @param strong       a birth or appointment cue ("born", "DOB", "Termin") anywhere in the clause before it
 * @param firstPerson  a first- or second-person word, or a relative ("I", "our", "your", "mein", "mum"), in the
 *                     clause around it
 * @param historicYear a year before 1900 in or right after the date ("July 4, 1776")
 * @param machine      written by a machine: a log timestamp follows it, or it is a URL or query parameter
 */
public record DateContext(Cue nearest, boolean strong, boolean firstPerson, boolean historicYear, boolean machine) {

  /** Kinds of cue word. */
  public enum Cue {
    /** No cue word in the window. */
    NONE,
    /** Birth dates and appointments: "born", "DOB", "date of birth", "appointment", "Termin", "cita". */
    STRONG,
    /** Events of a person's life: "signed", "moved", "wedding", "deadline", "flight", "hired", "umgezogen". */
    EVENT,
    /** The public calendar: "released", "holiday", "Christmas", "war", "treaty", "election", "copyright". */
    PUBLIC
  }

  static final int BEFORE = 60;
  static final int AFTER = 30;

  /**
   * The context of the date at {@code [start, end)} of {@code text}.
   */
  public static DateContext of(String text, int start, int end) {
    boolean machine = TIMESTAMP_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 9))).find()
        || start > 0 && (text.charAt(start - 1) == '=' || text.charAt(start - 1) == '/');
    String before = clauseBefore(text, start);
    String after = clauseAfter(text, end);
    int strongAt = Context.lastWord(before, STRONG_CUES);
    int eventAt = Math.max(strongAt, Context.lastWord(before, EVENT_CUES));
    int publicAt = Context.lastWord(before, PUBLIC_CUES);
    if (Context.hasWord(after, PUBLIC_AFTER)) {
      publicAt = Integer.MAX_VALUE;
    }
    Cue nearest;
    if (publicAt > eventAt) {
      nearest = Cue.PUBLIC;
    } else if (eventAt < 0) {
      nearest = Cue.NONE;
    } else {
      nearest = eventAt == strongAt ? Cue.STRONG : Cue.EVENT;
    }
    boolean firstPerson = Context.hasWord(before, PERSON_CUES) || Context.hasWord(after, PERSON_CUES);
    boolean historic = HISTORIC_YEAR.matcher(text).useTransparentBounds(true)
        .region(start, Math.min(text.length(), end + 8)).find();
    return new DateContext(nearest, strongAt >= 0, firstPerson, historic, machine);
  }

  /**
   * The rules' judgement in [0, 1]: machine dates 0.1, public and historic ones 0.3 (below the balanced
   * threshold), a birth or appointment cue 0.9, a life event 0.7 (0.85 said in the first person), a plain
   * date 0.55 (0.7 in the first person): in messages people write about their own lives, most dates are.
   */
  public double score() {
    if (machine) {
      return 0.1;
    }
    if (historicYear || nearest == Cue.PUBLIC) {
      return 0.3;
    }
    if (strong) {
      return 0.9;
    }
    if (nearest == Cue.EVENT) {
      return firstPerson ? 0.85 : 0.7;
    }
    return firstPerson ? 0.7 : 0.55;
  }

  /** Whether a personal cue, of any kind, stands by the date and no public one is nearer. */
  public boolean personal() {
    return !machine && !historicYear && nearest != Cue.PUBLIC
        && (nearest != Cue.NONE || firstPerson);
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

  private static final Pattern TIMESTAMP_AFTER = Pattern.compile("^(?:[T ]\\d{1,2}:\\d{2}:\\d{2}|T\\d{2}:\\d{2})");
  private static final Pattern HISTORIC_YEAR = Pattern.compile("\\b1[0-8]\\d\\d\\b");

  /** Birth dates and appointments, and the form keys that introduce them. */
  static final String[] STRONG_CUES = {"born", "birth", "birthday", "bday", "b-day", "dob", "d.o.b", "date of birth",
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
      "copyright", "©", "christmas", "thanksgiving", "easter", "halloween", "new year", "new year's",
      "independence day", "holiday", "holidays", "bank holiday", "public holiday", "eid", "diwali", "hanukkah",
      "ramadan", "war", "battle", "century", "election", "elections", "treaty", "assassinated", "armistice",
      "invasion", "revolution", "version", "changelog", "deprecated", "patch", "build", "manufactured", "season",
      "match", "game", "tournament", "final", "premiere", "aired", "opened", "closed", "office closed", "expires",
      "expiry", "valid until", "dst", "daylight", "clocks", "eclipse", "olympics", "world cup", "since version",
      "circa", "c.", "ca.",
      "weihnachten", "ostern", "feiertag", "silvester", "krieg", "veröffentlicht", "noël", "pâques", "férié",
      "guerre", "navidad", "pascua", "festivo", "guerra", "natal", "feriado", "natale", "pasqua", "kerst",
      "pasen", "feestdag", "oorlog"};

  /** Public cues that follow the date: "March 3 release", "May 1 holiday". */
  private static final String[] PUBLIC_AFTER = {"release", "released", "launch", "holiday", "holidays", "version"};
}
