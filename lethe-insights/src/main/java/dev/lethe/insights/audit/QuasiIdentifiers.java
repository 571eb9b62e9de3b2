package dev.lethe.insights.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quasi-identifiers stated in a text about its writer: age, birth year, postcode, city, gender, employer, job
 * title and diagnoses. None identifies a person alone; together they often do (Sweeney: ZIP code, birth date and
 * gender single out most Americans). Extraction is by first-person patterns ("I'm 34", "I live in Bergen", "I work
 * at Acme", "diagnosed with sarcoidosis"), written here because no library served to this project extracts
 * self-disclosed attributes; values are normalised (lower case, spacing) so that different phrasings of the same
 * fact match. Stateless and thread-safe.
 */
public final class QuasiIdentifiers {
  /** The kinds of quasi-identifier, in the order combinations are written. */
  public enum Attribute {
    AGE, BIRTH_YEAR, POSTCODE, CITY, GENDER, EMPLOYER, JOB_TITLE, DIAGNOSIS;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One attribute found in a text.
   *
   * @param start first char (UTF-16 index) of the value
   * @param end   end of the value, exclusive
   */
  public record Mention(Attribute attribute, String value, int start, int end) {}

  private static final String JOBS = "nurse|teacher|engineer|developer|programmer|doctor|physician|surgeon|lawyer|attorney|"
      + "accountant|pilot|pharmacist|dentist|architect|electrician|plumber|carpenter|chef|cook|waiter|waitress|barista|"
      + "cashier|driver|mechanic|firefighter|paramedic|professor|lecturer|researcher|scientist|analyst|consultant|manager|"
      + "designer|writer|journalist|editor|librarian|veterinarian|vet|therapist|psychologist|social worker|midwife|farmer|"
      + "receptionist|secretary|clerk|technician|realtor|banker|economist|translator|interpreter|photographer|musician|"
      + "actor|actress|artist|coach|priest|pastor|rabbi|imam|soldier|detective|judge|surveyor|welder|tailor|baker|butcher|"
      + "florist|janitor|nanny|tutor|beekeeper|glassblower|falconer|luthier|taxidermist|sommelier|cartographer|"
      + "locksmith|blacksmith|harpist|organist|zookeeper|ceo|cto|cfo|founder";
  private static final String DIAGNOSES = "huntington'?s disease|cystic fibrosis|ehlers[- ]danlos syndrome|amyotrophic lateral "
      + "sclerosis|als|marfan syndrome|myasthenia gravis|sarcoidosis|narcolepsy|wilson'?s disease|fabry disease|gaucher "
      + "disease|pompe disease|addison'?s disease|acromegaly|scleroderma|lupus|multiple sclerosis|crohn'?s disease|ulcerative "
      + "colitis|ha?emophilia|sickle cell (?:disease|ana?emia)|thalass?a?emia|parkinson'?s(?: disease)?|type [12] diabetes|"
      + "diabetes|epilepsy|asthma|hiv|hepatitis [abc]|(?:breast|lung|prostate|colon|skin|ovarian|pancreatic) cancer|leuka?emia|"
      + "lymphoma|endometriosis|pcos|adhd|autism|bipolar disorder|schizophrenia|depression|ptsd|coeliac disease|celiac disease|"
      + "fibromyalgia|migraines?|long covid|alopecia|psoriasis|tourette'?s(?: syndrome)?|progeria|porphyria|"
      + "moyamoya disease|castleman disease|erdheim[- ]chester disease|kawasaki disease|stiff person syndrome";
  private static final String GENDERS = "woman|man|mother|father|mom|mum|dad|wife|husband|girl|boy|female|male|guy|lady|"
      + "grandmother|grandfather|trans woman|trans man|non-binary person|nonbinary person";
  /** A capitalised name of one to four words ("Dawson City", "Stratford-upon-Avon"); no sentence punctuation. */
  private static final String NAME = "\\p{Lu}[\\p{L}&'-]*(?:[ -](?:\\p{Lu}[\\p{L}&'-]+|of|de|am|upon)){0,3}";

  private record Rule(Attribute attribute, Pattern pattern) {}

  private static final List<Rule> RULES = List.of(
      new Rule(Attribute.AGE, Pattern.compile("(?i)\\b(?:I am|I'm|Im|I turned|I just turned|aged?:?)\\s+(\\d{1,2})\\b(?!\\s*(?:%|am|pm|kg|cm|min|minutes|hours|km|miles|euros?|dollars?|\\$|:))")),
      new Rule(Attribute.AGE, Pattern.compile("(?i)\\b(\\d{1,2})[- ](?:years?|yrs?)[- ]old\\b")),
      new Rule(Attribute.BIRTH_YEAR, Pattern.compile("(?i)\\b(?:I was born|I'm born|born:|birth year:?|year of birth:?)\\s+(?:in\\s+)?((?:19|20)\\d\\d)\\b")),
      new Rule(Attribute.POSTCODE, Pattern.compile("(?i)\\b(?:zip(?: code)?|postcode|post code|postal code|plz)[:\\s]+([A-Z0-9]{2,5}(?:[ -]?[A-Z0-9]{2,4})?)\\b")),
      new Rule(Attribute.POSTCODE, Pattern.compile("\\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY),?\\s+(\\d{5})(?:-\\d{4})?\\b")),
      new Rule(Attribute.CITY, Pattern.compile("(?:\\b[Ii] (?:live|lived|grew up|was raised|moved|relocated|am based|'m based)|\\b[Ii]'m from|\\b[Ii] am from|\\bliving|\\bbased)\\s+(?:in|to|near|outside)\\s+(" + NAME + ")")),
      new Rule(Attribute.GENDER, Pattern.compile("(?i)\\b(?:I am|I'm|as)\\s+an?\\s+(?:\\d{1,2}[- ]year[- ]old\\s+|single\\s+|young\\s+|retired\\s+|working\\s+|divorced\\s+)?(" + GENDERS + ")\\b")),
      new Rule(Attribute.GENDER, Pattern.compile("(?i)\\b(?:I am|I'm)\\s+(non-binary|nonbinary|transgender)\\b")),
      new Rule(Attribute.EMPLOYER, Pattern.compile("(?:\\b[Ii] (?:work|worked|am working|'m working)\\s+(?:at|for)|\\bemployed (?:at|by)|\\bmy employer(?: is)?|\\b[Ii] (?:joined|intern at))\\s+(?:the\\s+)?(" + NAME + ")")),
      new Rule(Attribute.JOB_TITLE, Pattern.compile("(?i)\\b(?:I am|I'm|I work as|I worked as|working as|my job is|my job as|I'm working as|job title:?)\\s+(?:an?\\s+)?((?:senior |junior |lead |head |chief |staff |principal |retired |trainee |student )?(?:[a-z]+ ){0,2}?(?:" + JOBS + "))\\b")),
      new Rule(Attribute.DIAGNOSIS, Pattern.compile("(?i)\\b(?:diagnosed with|I have|I've got|I got|I suffer from|suffering from|I live with|living with|treated for|my)\\s+(?:an?\\s+|stage [1-4i]+\\s+|chronic\\s+|severe\\s+)?(" + DIAGNOSES + ")\\b")));

  private QuasiIdentifiers() {}

  /** Every attribute mention in {@code text}, in text order; overlapping matches of one attribute are kept once. */
  public static List<Mention> extract(String text) {
    List<Mention> out = new ArrayList<>();
    for (Rule r : RULES) {
      Matcher m = r.pattern().matcher(text);
      while (m.find()) {
        String value = normalise(r.attribute(), m.group(1));
        if (value != null) {
          out.add(new Mention(r.attribute(), value, m.start(1), m.end(1)));
        }
      }
    }
    out.sort(Comparator.comparingInt(Mention::start).thenComparing(Mention::attribute));
    List<Mention> kept = new ArrayList<>();
    for (Mention m : out) {
      boolean dup = kept.stream().anyMatch(k -> k.attribute() == m.attribute() && k.start() < m.end() && m.start() < k.end());
      if (!dup) {
        kept.add(m);
      }
    }
    return kept;
  }

  /** The first value of each attribute, in attribute order: a document's combination. */
  public static Map<Attribute, String> combination(List<Mention> mentions) {
    Map<Attribute, String> c = new EnumMap<>(Attribute.class);
    for (Mention m : mentions) {
      c.putIfAbsent(m.attribute(), m.value());
    }
    return c;
  }

  private static String normalise(Attribute a, String raw) {
    String v = raw.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    switch (a) {
      case AGE -> {
        int age = Integer.parseInt(v);
        return age >= 10 && age <= 99 ? String.valueOf(age) : null;
      }
      case GENDER -> {
        return switch (v) {
          case "woman", "mother", "mom", "mum", "wife", "girl", "female", "lady", "grandmother", "trans woman" -> "female";
          case "man", "father", "dad", "husband", "boy", "male", "guy", "grandfather", "trans man" -> "male";
          default -> "non-binary";
        };
      }
      case POSTCODE -> {
        String p = v.replace(" ", "").replace("-", "");
        return p.chars().anyMatch(Character::isDigit) ? p : null;
      }
      case CITY, EMPLOYER -> {
        return v.length() >= 2 && !STOP_NAMES.contains(v) ? v.replaceAll("[.']+$", "") : null;
      }
      case DIAGNOSIS -> {
        return v.replace("’", "'").replaceAll("'s", "s").replace("haemo", "hemo").replace("coeliac", "celiac");
      }
      default -> {
        return v;
      }
    }
  }

  private static final java.util.Set<String> STOP_NAMES = java.util.Set.of("the", "a", "my", "i", "it", "this", "that", "home");
}
