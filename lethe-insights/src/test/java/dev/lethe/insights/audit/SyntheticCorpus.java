package dev.lethe.insights.audit;

import dev.lethe.insights.audit.QuasiIdentifiers.Attribute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic corpus with known quasi-identifiers: background users drawn from shared profiles (each profile held
 * by {@link #COPIES} users, in varied phrasings (a share of them unknown to the extractor), with look-alike distractor sentences), and planted users
 * whose combination is unique, some of rare values, some of common values only. The ground truth is the
 * generated attribute map of each document, not what the extractor finds.
 */
final class SyntheticCorpus {
  static final int COPIES = 8;

  record Doc(AuditDocument document, Map<Attribute, String> truth, boolean planted) {}

  static final String[] AGES = {"28", "35", "42"};
  static final String[] CITIES = {"London", "Paris", "Berlin"};
  static final String[] GENDERS = {"woman", "man"};
  static final String[] JOBS = {"teacher", "nurse", "software engineer"};
  static final String[] EMPLOYERS = {"Siemens", "Tesco"};
  static final String[] DIAGNOSES = {"asthma", "diabetes"};
  static final String[] RARE_CITIES = {"Hammerfest", "Ushuaia", "Longyearbyen", "Tromsø", "Kiruna", "Nuuk", "Dawson City",
      "Alert Bay", "Grise Fiord", "Utqiagvik"};
  static final String[] RARE_JOBS = {"beekeeper", "glassblower", "falconer", "luthier", "taxidermist", "harpist",
      "cartographer", "zookeeper", "sommelier", "locksmith"};
  static final String[] RARE_DIAGNOSES = {"sarcoidosis", "moyamoya disease", "castleman disease", "progeria", "porphyria"};
  static final String[] FILLER = {
      "Can you help me plan the week ahead?", "I need a shorter version of this paragraph.",
      "What is a good recipe for a quick dinner?", "Please explain how compound interest works.",
      "I'm 5 minutes late for the call, can you draft an apology?", "My sister lives in Madrid and loves it.",
      "The meeting is at 10 and I'm 100% sure it will run over.", "Our office was built in 1987.",
      "I work at home on Fridays.", "Thanks, that was really helpful.", "Could you list the pros and cons?"};

  private SyntheticCorpus() {}

  static List<Doc> generate(long seed, int profiles, int planted, double unknownPhrasing) {
    Random r = new Random(seed);
    List<Doc> docs = new ArrayList<>();
    int user = 0;
    for (int p = 0; p < profiles; p++) {
      Map<Attribute, String> profile = new EnumMap<>(Attribute.class);
      List<Attribute> kinds = new ArrayList<>(List.of(Attribute.AGE, Attribute.CITY, Attribute.GENDER, Attribute.JOB_TITLE,
          Attribute.EMPLOYER, Attribute.DIAGNOSIS));
      Collections.shuffle(kinds, r);
      for (Attribute a : kinds.subList(0, 1 + r.nextInt(4))) {
        profile.put(a, common(a, r));
      }
      for (int c = 0; c < COPIES; c++) {
        docs.add(doc("bg-" + docs.size(), "u" + user++, profile, r, false, unknownPhrasing));
      }
    }
    for (int i = 0; i < planted; i++) {
      Map<Attribute, String> combo = new EnumMap<>(Attribute.class);
      if (i % 3 == 2) {
        // Common values only, in a combination no profile has: unique although each value is frequent.
        combo.put(Attribute.AGE, String.valueOf(60 + i % 39));
        combo.put(Attribute.CITY, CITIES[i % CITIES.length]);
        combo.put(Attribute.GENDER, GENDERS[i % 2]);
        combo.put(Attribute.JOB_TITLE, JOBS[i % JOBS.length]);
      } else {
        combo.put(Attribute.CITY, RARE_CITIES[i % RARE_CITIES.length]);
        combo.put(Attribute.JOB_TITLE, RARE_JOBS[(i / RARE_CITIES.length + i) % RARE_JOBS.length]);
        if (i % 2 == 0) {
          combo.put(Attribute.DIAGNOSIS, RARE_DIAGNOSES[i % RARE_DIAGNOSES.length]);
        }
        combo.put(Attribute.AGE, String.valueOf(18 + r.nextInt(60)));
      }
      docs.add(doc("pl-" + i, "p" + i, combo, r, true, unknownPhrasing));
    }
    Collections.shuffle(docs, r);
    return docs;
  }

  private static String common(Attribute a, Random r) {
    String[] pool = switch (a) {
      case AGE -> AGES;
      case CITY -> CITIES;
      case GENDER -> GENDERS;
      case JOB_TITLE -> JOBS;
      case EMPLOYER -> EMPLOYERS;
      default -> DIAGNOSES;
    };
    return pool[r.nextInt(pool.length)];
  }

  private static Doc doc(String id, String subject, Map<Attribute, String> attrs, Random r, boolean planted,
      double unknownPhrasing) {
    List<String> sentences = new ArrayList<>();
    attrs.forEach((a, v) -> sentences.add(phrase(a, v, r.nextDouble() < unknownPhrasing ? 3 : r.nextInt(3))));
    for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
      sentences.add(FILLER[r.nextInt(FILLER.length)]);
    }
    Collections.shuffle(sentences, r);
    Map<Attribute, String> truth = new EnumMap<>(Attribute.class);
    attrs.forEach((a, v) -> truth.put(a, a == Attribute.GENDER ? (v.equals("woman") ? "female" : "male") : v.toLowerCase()));
    return new Doc(new AuditDocument(id, subject, String.join(" ", sentences)), truth, planted);
  }

  /** Phrasings 0-2 are ones the extractor knows; 3 is one it does not, to measure it on text it was not written for. */
  private static String phrase(Attribute a, String v, int k) {
    return switch (a) {
      case AGE -> switch (k) {
        case 0 -> "I'm " + v + " and curious.";
        case 1 -> "I am " + v + " years old.";
        case 2 -> "As a " + v + "-year-old, I wonder.";
        default -> v + " y/o here.";
      };
      case CITY -> switch (k) {
        case 0 -> "I live in " + v + ".";
        case 1 -> "I moved to " + v + " last year.";
        case 2 -> "I'm based in " + v + " now.";
        default -> "Greetings from rainy " + v + ".";
      };
      case GENDER -> switch (k) {
        case 0 -> "I'm a " + v + ".";
        case 1 -> "I am a " + v + " in my prime.";
        case 2 -> "Speaking as a " + v + ", here goes.";
        default -> "Being a " + v + " matters here.";
      };
      case JOB_TITLE -> switch (k) {
        case 0 -> "I work as a " + v + ".";
        case 1 -> "I'm a " + v + " by trade.";
        case 2 -> "My job is " + article(v) + v + ".";
        default -> "Twenty years now as " + article(v) + v + ".";
      };
      case EMPLOYER -> switch (k) {
        case 0 -> "I work at " + v + ".";
        case 1 -> "I work for " + v + " these days.";
        case 2 -> "I'm employed by " + v + ".";
        default -> "My badge says " + v + ".";
      };
      default -> switch (k) {
        case 0 -> "I was diagnosed with " + v + ".";
        case 1 -> "I have " + v + ".";
        case 2 -> "I'm living with " + v + ".";
        default -> "Doctors confirmed " + v + " in March.";
      };
    };
  }

  private static String article(String v) {
    return "aeiou".indexOf(v.charAt(0)) >= 0 ? "an " : "a ";
  }
}
