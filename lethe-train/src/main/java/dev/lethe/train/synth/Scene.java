package dev.lethe.train.synth;

import static dev.lethe.train.synth.Segment.ignore;
import static dev.lethe.train.synth.Segment.neutral;
import static dev.lethe.train.synth.Segment.prose;
import static dev.lethe.train.synth.Segment.value;

import dev.lethe.filter.Label;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The people, addresses and facts of one document, created on first mention and reused after, and the
 * resolution of template slots into segments. A slot decides what is labelled: {@code ⟦p1.formal⟧} writes a
 * title outside the name span, {@code ⟦p1.poss⟧} a possessive outside it, {@code ⟦public⟧} an ignore region,
 * {@code ⟦company⟧} an unlabelled value.
 */
final class Scene {
  private static final Lists NEG = Lists.load("negatives.txt");
  private static final List<String> EMOJI = List.of("😭", "🙏", "😅", "🙂", "😬", "❤️", "👍", "🎉", "😂", "🤞", "😤", "✨",
      "🥲", "💀", "🍞", "🏠", "📅", "👋");

  final String lang;
  final String country;
  private final Rng rng;
  private final Names names;
  private final Addresses addresses;
  private final Dates dates;
  private final Contacts contacts;
  private final Accounts accounts;
  private final Secrets secrets;
  private final Set<String> features;
  private final Map<String, Person> persons = new HashMap<>();
  private final Map<String, Address> addrs = new HashMap<>();
  private final Map<String, String> personal = new HashMap<>();
  private String company;

  Scene(String lang, String country, Rng rng, Generators g, Set<String> features) {
    this.lang = lang;
    this.country = country;
    this.rng = rng;
    this.names = g.names();
    this.addresses = g.addresses();
    this.dates = g.dates();
    this.contacts = g.contacts();
    this.accounts = g.accounts();
    this.secrets = g.secrets();
    this.features = features;
  }

  /** The generators of one corpus run, sharing its random source. */
  record Generators(Names names, Addresses addresses, Dates dates, Contacts contacts, Accounts accounts,
      Secrets secrets) {}

  /** The person {@code id}; {@code arg} may ask for a gender ({@code f}, {@code m}) and an origin, comma-separated. */
  Person person(String id, String arg) {
    return persons.computeIfAbsent(id, k -> {
      char gender = '?';
      String wanted = null;
      for (String t : arg == null ? new String[0] : arg.split(",")) {
        if (t.equals("f") || t.equals("m")) {
          gender = t.charAt(0);
        } else if (Names.ORIGINS.contains(t)) {
          wanted = t;
        }
      }
      String origin = wanted != null ? wanted : names.originFor(country);
      Person p = names.person(origin, gender);
      features.add("origin:" + origin);
      return p;
    });
  }

  Address address(String id, String countryHint) {
    return addrs.computeIfAbsent(id, k -> {
      String c = countryHint != null && Addresses.COUNTRIES.contains(countryHint) ? countryHint
          : Addresses.COUNTRIES.contains(country) ? country : rng.pick(Addresses.COUNTRIES);
      features.add("addr:" + c);
      return addresses.address(c);
    });
  }

  String company() {
    if (company == null) {
      company = rng.pick(NEG.get("en", "orgs"));
    }
    return company;
  }

  List<Segment> resolve(String name, String arg) {
    int dot = name.indexOf('.');
    String head = dot < 0 ? name : name.substring(0, dot);
    String attr = dot < 0 ? "" : name.substring(dot + 1);
    if (head.length() == 2 && Character.isDigit(head.charAt(1))) {
      if (head.charAt(0) == 'p') {
        return personSlot(head, attr, arg);
      }
      if (head.charAt(0) == 'a') {
        return addressSlot(head, attr, arg);
      }
    }
    return other(name, arg);
  }

  private List<Segment> personSlot(String id, String attr, String arg) {
    Person p = person(id, arg);
    Label pp = Label.PRIVATE_PERSON;
    switch (attr) {
      case "", "full" -> {
        return List.of(value(pp, p.full()));
      }
      case "first" -> {
        return List.of(value(pp, p.first()));
      }
      case "last" -> {
        return List.of(value(pp, p.last()));
      }
      case "any" -> {
        return List.of(value(pp, switch (rng.between(0, 4)) {
          case 0, 1 -> p.full();
          case 2, 3 -> p.first();
          default -> p.initialed(true);
        }));
      }
      case "initial" -> {
        features.add("name:initial");
        return List.of(value(pp, p.initialed(rng.chance(0.8))));
      }
      case "formal" -> {
        features.add("name:title");
        return List.of(neutral(title(p) + " "), value(pp, rng.chance(0.7) ? p.last() : p.full()));
      }
      case "titled" -> {
        features.add("name:title");
        return List.of(neutral(title(p) + " "), value(pp, p.full()));
      }
      case "poss" -> {
        features.add("name:possessive");
        return List.of(value(pp, p.first()), prose(rng.chance(0.9) ? "'s" : "’s"));
      }
      case "fullposs" -> {
        features.add("name:possessive");
        return List.of(value(pp, p.full()), prose("'s"));
      }
      case "nick" -> {
        features.add("name:nickname");
        return List.of(value(pp, p.withNickname()));
      }
      case "comma" -> {
        return List.of(value(pp, p.familyComma()));
      }
      case "airline" -> {
        return List.of(value(pp, p.airline()));
      }
      case "upper" -> {
        return List.of(value(pp, p.full().toUpperCase(Locale.ROOT)));
      }
      case "email" -> {
        return List.of(value(Label.PRIVATE_EMAIL, personal.computeIfAbsent(id + ".email",
            k -> contacts.email(p, country, rng.chance(0.3) ? contacts.companyDomain(company()) : null))));
      }
      case "workemail" -> {
        return List.of(value(Label.PRIVATE_EMAIL, personal.computeIfAbsent(id + ".workemail",
            k -> contacts.email(p, country, contacts.companyDomain(company())))));
      }
      case "handle" -> {
        return List.of(value(Label.PRIVATE_URL, "@" + personal.computeIfAbsent(id + ".handle", k -> contacts.handle(p))));
      }
      case "user" -> {
        return List.of(value(Label.PRIVATE_URL, personal.computeIfAbsent(id + ".handle", k -> contacts.handle(p))));
      }
      case "url" -> {
        return List.of(value(Label.PRIVATE_URL, personal.computeIfAbsent(id + ".url", k -> contacts.profileUrl(p))));
      }
      case "phone" -> {
        return List.of(value(Label.PRIVATE_PHONE, personal.computeIfAbsent(id + ".phone", k -> contacts.phone(country))));
      }
      default -> throw new IllegalArgumentException("unknown person attribute '" + attr + "'");
    }
  }

  /** A title or form of address in the document's language, agreeing with the person's gender when known. */
  private String title(Person p) {
    char g = p.gender();
    if (g == '?' || rng.chance(0.15)) {
      return switch (lang) {
        case "de" -> rng.oneOf("Dr.", "Prof. Dr.", "Dr. med.");
        case "fr" -> rng.oneOf("Dr", "Pr", "Maître");
        case "es", "pt" -> g == 'm' ? rng.oneOf("Dr.", "Don") : g == 'f' ? rng.oneOf("Dra.", "Doña") : "Dr.";
        case "it" -> g == 'm' ? rng.oneOf("Dott.", "Avv.", "Ing.", "geom.")
            : g == 'f' ? rng.oneOf("Dott.ssa", "Avv.", "Prof.ssa") : rng.oneOf("Avv.", "Ing.");
        case "nl" -> rng.oneOf("dr.", "prof.", "mr.");
        default -> rng.oneOf("Dr.", "Dr", "Prof.", "Professor", "Judge", "Rev.", "Coach", "Officer", "Detective",
            "PC", "Sgt.", "Capt.");
      };
    }
    return switch (lang) {
      case "de" -> g == 'm' ? "Herr" : "Frau";
      case "fr" -> g == 'm' ? rng.oneOf("M.", "Monsieur") : rng.oneOf("Mme", "Madame", "Mlle");
      case "es" -> g == 'm' ? rng.oneOf("Sr.", "señor") : rng.oneOf("Sra.", "señora", "Srta.");
      case "it" -> g == 'm' ? rng.oneOf("Sig.", "signor") : rng.oneOf("Sig.ra", "signora");
      case "pt" -> g == 'm' ? rng.oneOf("Sr.", "seu") : rng.oneOf("Sra.", "dona");
      case "nl" -> g == 'm' ? rng.oneOf("dhr.", "meneer") : rng.oneOf("mevr.", "mevrouw");
      default -> g == 'm' ? rng.oneOf("Mr.", "Mr") : rng.oneOf("Mrs.", "Ms.", "Ms", "Mrs", "Miss");
    };
  }

  private List<Segment> addressSlot(String id, String attr, String arg) {
    Address a = address(id, arg);
    Label pa = Label.PRIVATE_ADDRESS;
    return switch (attr) {
      case "" -> List.of(value(pa, a.oneLine()));
      case "ml" -> {
        features.add("addr:multiline");
        yield List.of(value(pa, a.multiLine()));
      }
      case "country" -> List.of(value(pa, a.oneLine() + ", " + a.countryName()));
      case "mlc" -> {
        features.add("addr:multiline");
        yield List.of(value(pa, a.multiLine() + "\n" + a.countryName()));
      }
      case "any" -> {
        boolean ml = rng.chance(0.35);
        if (ml) {
          features.add("addr:multiline");
        }
        String v = ml ? a.multiLine() : a.oneLine();
        yield List.of(value(pa, rng.chance(0.15) ? v + (ml ? "\n" : ", ") + a.countryName() : v));
      }
      case "street" -> List.of(value(pa, a.line1()));
      case "city" -> {
        features.add("neg:city");
        yield List.of(neutral(a.city()));
      }
      case "f.line1" -> List.of(value(pa, a.line1()));
      case "f.line2" -> a.line2() == null ? List.of(neutral("")) : List.of(value(pa, a.line2()));
      case "f.city" -> List.of(value(pa, a.city()));
      case "f.region" -> a.region() == null ? List.of(neutral("")) : List.of(value(pa, a.region()));
      case "f.postcode" -> List.of(value(pa, a.postcode()));
      case "f.country" -> List.of(neutral(a.countryName()));
      case "co" -> {
        features.add("addr:multiline");
        features.add("addr:care-of");
        Person p = person("p" + (char) ('7' + rng.between(0, 2)), null);
        yield List.of(neutral(rng.oneOf("c/o ", "C/O ", "c/o ")), value(Label.PRIVATE_PERSON, p.full()), prose("\n"),
            value(pa, a.multiLine()));
      }
      default -> throw new IllegalArgumentException("unknown address attribute '" + attr + "'");
    };
  }

  private Dates.Kind kind(String arg) {
    return switch (arg == null ? "" : arg) {
      case "birth" -> Dates.Kind.BIRTH;
      case "my" -> Dates.Kind.MONTH_YEAR;
      case "day" -> Dates.Kind.DAY;
      case "wd" -> Dates.Kind.WEEKDAY;
      case "ord" -> Dates.Kind.ORDINAL;
      default -> Dates.Kind.EVENT;
    };
  }

  private List<Segment> other(String name, String arg) {
    Label pd = Label.PRIVATE_DATE;
    Label acct = Label.ACCOUNT_NUMBER;
    switch (name) {
      case "dob" -> {
        features.add("date:birth");
        return List.of(value(pd, dates.write(Dates.Kind.BIRTH, lang, country)));
      }
      case "date" -> {
        Dates.Kind k = kind(arg);
        features.add("date:" + k.name().toLowerCase(Locale.ROOT));
        return List.of(value(pd, dates.write(k, lang, country)));
      }
      case "theord" -> {
        features.add("date:ordinal");
        return lang.equals("en") ? List.of(prose("the "), value(pd, dates.ordinalOf(dates.eventDate())))
            : List.of(value(pd, dates.write(Dates.Kind.ORDINAL, lang, country)));
      }
      case "isodate" -> {
        return List.of(value(pd, (arg != null && arg.equals("birth") ? dates.birthDate() : dates.eventDate()).toString()));
      }
      case "daterange" -> {
        features.add("date:range");
        return dateRange("wd".equals(arg));
      }
      case "phone" -> {
        return List.of(value(Label.PRIVATE_PHONE, contacts.phone(arg != null ? arg : country)));
      }
      case "email" -> {
        return List.of(value(Label.PRIVATE_EMAIL, contacts.email(names.person(names.originFor(country), '?'), country,
            null)));
      }
      case "url" -> {
        return List.of(value(Label.PRIVATE_URL, contacts.profileUrl(names.person(names.originFor(country), '?'))));
      }
      case "card" -> {
        return List.of(value(acct, "credit_card", accounts.card()));
      }
      case "iban" -> {
        return List.of(value(acct, "iban", accounts.iban(arg != null ? arg : country)));
      }
      case "natid" -> {
        String[] id = accounts.nationalId(arg != null ? arg : country);
        return List.of(value(acct, id[0], id[1]));
      }
      case "ssn" -> {
        return List.of(value(acct, "us_ssn", accounts.ssn()));
      }
      case "routing" -> {
        return List.of(value(acct, "routing_number", accounts.routing()));
      }
      case "bankacct" -> {
        return List.of(value(acct, "bank_account", accounts.bankAccount(arg != null ? arg : country)));
      }
      case "custid" -> {
        return List.of(value(acct, accounts.customerId()));
      }
      case "booking" -> {
        return List.of(value(acct, accounts.bookingRef()));
      }
      case "passport" -> {
        return List.of(value(acct, "passport", accounts.passport()));
      }
      case "licence" -> {
        return List.of(value(acct, "driver_licence", accounts.driverLicence()));
      }
      case "password" -> {
        return List.of(value(Label.SECRET, "password", secrets.password()));
      }
      case "apikey" -> {
        String[] k = secrets.apiKey();
        return List.of(value(Label.SECRET, k[0], k[1]));
      }
      case "jwt" -> {
        return List.of(value(Label.SECRET, "jwt", secrets.jwt()));
      }
      case "pem" -> {
        return List.of(value(Label.SECRET, "private_key", secrets.pemBlock()));
      }
      case "webhook" -> {
        return List.of(value(Label.SECRET, "webhook_url", secrets.webhookUrl()));
      }
      case "conn" -> {
        return secrets.connectionString(arg != null ? arg : rng.oneOf("app", "admin", "deploy", "svc_api", "ci-bot"));
      }
      case "doorcode" -> {
        return List.of(value(Label.SECRET, "access_code", secrets.code()));
      }
      default -> {
        return negative(name, arg);
      }
    }
  }

  /** Two dates: one span per written date, or one for a range within a month written once ("Sept 18–20"). */
  private List<Segment> dateRange(boolean weekdays) {
    LocalDate d1 = dates.eventDate();
    LocalDate d2 = d1.plusDays(rng.between(1, 12));
    Label pd = Label.PRIVATE_DATE;
    if (!weekdays && lang.equals("en") && d1.getMonth() == d2.getMonth() && rng.chance(0.4)) {
      String m = DateTimeFormatter.ofPattern(rng.oneOf("MMM", "MMMM"), Locale.US).format(d1);
      return List.of(value(pd, m + " " + d1.getDayOfMonth() + rng.oneOf("–", "-") + d2.getDayOfMonth()));
    }
    String sep = switch (lang) {
      case "de" -> rng.oneOf(" – ", " bis ", "–");
      case "fr" -> rng.oneOf(" – ", " au ");
      case "es" -> rng.oneOf(" – ", " al ");
      case "it" -> rng.oneOf(" – ", " al ");
      case "pt" -> rng.oneOf(" – ", " a ");
      case "nl" -> rng.oneOf(" – ", " tot ", " t/m ");
      default -> weekdays ? rng.oneOf(" through ", " thru ", " to ", " – ", " until ", " - ")
          : rng.oneOf("–", " – ", " to ", " - ", " until ");
    };
    String[] both = dates.writeBoth(d1, d2, lang, country, weekdays);
    return List.of(value(pd, both[0]), prose(sep), value(pd, both[1]));
  }

  /** A negative of the document's language when there is a list for it; brands and people travel, eras less. */
  private String negList(String key) {
    List<String> local = NEG.getOrEmpty(lang, key);
    double p = key.equals("eras") ? 0.95 : 0.6;
    return !local.isEmpty() && rng.chance(p) ? rng.pick(local) : rng.pick(NEG.get("en", key));
  }

  private List<Segment> negative(String name, String arg) {
    features.add("neg:" + name);
    return switch (name) {
      case "company" -> List.of(neutral(negList("companies")));
      case "org" -> List.of(neutral(company()));
      case "public" -> List.of(ignore(negList("public")));
      case "fiction" -> List.of(neutral(negList("fiction")));
      case "holiday" -> List.of(neutral(negList("holidays")));
      case "holidaydate" -> List.of(neutral(negList("holidayDates")));
      case "historic" -> List.of(neutral(negList("historic")));
      case "era" -> List.of(neutral(negList("eras")));
      case "product" -> List.of(neutral(negList("products")));
      case "placeholdername" -> List.of(neutral(negList("placeholderNames")));
      case "placeholderemail" -> List.of(neutral(negList("placeholderEmails")));
      case "placeholdersecret" -> List.of(neutral(negList("placeholderSecrets")));
      case "hq" -> List.of(neutral(negList("hqAddresses")));
      case "support" -> List.of(neutral(negList("supportLines")));
      case "nameword" -> List.of(neutral(negList("nameWords")));
      case "city" -> List.of(neutral(addresses.city(Addresses.COUNTRIES.contains(country) ? country
          : rng.pick(Addresses.COUNTRIES))));
      case "anycity" -> List.of(neutral(addresses.city(rng.pick(Addresses.COUNTRIES))));
      case "street" -> List.of(neutral(addresses.streetOnly(Addresses.COUNTRIES.contains(country) ? country : "US")));
      case "sha" -> List.of(neutral(rng.from(Rng.HEX, arg == null ? 40 : Integer.parseInt(arg))));
      case "uuid" -> List.of(neutral(new java.util.UUID(rng.random().nextLong(), rng.random().nextLong()).toString()));
      case "isbn" -> List.of(neutral("978-" + rng.between(0, 1) + "-" + rng.digits(3) + "-" + rng.digits(5) + "-"
          + rng.between(0, 9)));
      case "version" -> List.of(neutral(rng.between(0, 12) + "." + rng.between(0, 30) + "." + rng.between(0, 20)));
      case "year" -> List.of(neutral(Integer.toString(rng.between(1950, 2025))));
      case "releasedate" -> List.of(neutral(dates.write(Dates.Kind.EVENT, lang, country)));
      case "logts" -> List.of(neutral(logTimestamp()));
      case "time" -> List.of(neutral(time()));
      case "money" -> List.of(neutral(money()));
      case "emoji" -> List.of(neutral(rng.pick(EMOJI)));
      case "num" -> List.of(neutral(Integer.toString(rng.between(2, arg == null ? 30 : Integer.parseInt(arg)))));
      case "ip" -> List.of(neutral(rng.between(10, 223) + "." + rng.between(0, 255) + "." + rng.between(0, 255) + "."
          + rng.between(1, 254)));
      case "fraction" -> List.of(neutral(fraction()));
      case "expiry" -> List.of(neutral(String.format(Locale.ROOT, "%02d/", rng.between(1, 12))
          + (rng.chance(0.8) ? rng.between(25, 33) : rng.between(2025, 2033))));
      case "rating" -> List.of(neutral(rating()));
      case "score" -> List.of(neutral(rng.between(0, 7) + rng.oneOf("-", "–", "-", ":") + rng.between(0, 7)));
      case "shortversion" -> List.of(neutral(rng.oneOf("v", "", "") + rng.between(1, 12) + "." + rng.between(1, 31)
          + (rng.chance(0.4) ? "." + rng.between(0, 12) : "")));
      default -> throw new IllegalArgumentException("unknown slot '" + name + "'");
    };
  }

  String logTimestamp() {
    LocalDate d = dates.eventDate();
    String t = String.format(Locale.ROOT, "%02d:%02d:%02d", rng.between(0, 23), rng.between(0, 59), rng.between(0, 59));
    return switch (rng.between(0, 3)) {
      case 0 -> d + " " + t;
      case 1 -> d + "T" + t + "." + rng.digits(3) + "Z";
      case 2 -> "[" + d + " " + t + "," + rng.digits(3) + "]";
      default -> DateTimeFormatter.ofPattern("dd/MMM/yyyy", Locale.US).format(d) + ":" + t + " +0000";
    };
  }

  private String time() {
    int h = rng.between(7, 19);
    int m = rng.oneOf(0, 0, 15, 30, 45, 10, 40);
    return switch (lang) {
      case "en" -> rng.chance(0.5) ? (h > 12 ? h - 12 : h) + (m == 0 ? "" : ":" + String.format("%02d", m))
          + rng.oneOf("pm", "am", " pm", " PM").replace("am", h >= 12 ? "pm" : "am")
          : String.format(Locale.ROOT, "%d:%02d", h, m);
      case "de" -> String.format(Locale.ROOT, "%d:%02d Uhr", h, m);
      case "fr" -> String.format(Locale.ROOT, "%dh%02d", h, m);
      default -> String.format(Locale.ROOT, "%d:%02d", h, m);
    };
  }

  /** A fraction that reads like a day and month: "3/4", "1/2", "2/3", "1 1/2". */
  private String fraction() {
    String f = rng.oneOf("1/2", "1/3", "2/3", "1/4", "3/4", "1/8", "3/8", "5/8", "7/8", "1/6", "5/6");
    return rng.chance(0.2) ? rng.between(1, 3) + " " + f : f;
  }

  /** A rating out of 5 or 10: "4/5", "9/10", "8.5/10", "3 / 5". */
  private String rating() {
    int of = rng.oneOf(5, 10, 10);
    String score = rng.chance(0.2) && of == 10 ? rng.between(5, 9) + ".5" : Integer.toString(rng.between(1, of));
    return score + (rng.chance(0.15) ? " / " : "/") + of;
  }

  private String money() {
    String amount = rng.between(5, 2500) + (rng.chance(0.5) ? "." + rng.digits(2) : "");
    return switch (country) {
      case "US", "CA", "AU" -> "$" + amount;
      case "GB" -> "£" + amount;
      case "IN" -> "₹" + rng.between(500, 90000);
      case "BR" -> "R$ " + amount.replace('.', ',');
      default -> lang.equals("en") ? "€" + amount : amount.replace('.', ',') + " €";
    };
  }
}
