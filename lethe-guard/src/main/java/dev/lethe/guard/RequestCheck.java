package dev.lethe.guard;

import dev.lethe.filter.Label;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a prompt that asks for a private individual's contact or identity data: a person the Privacy
 * Filter reads as private (not a public figure), or an entry of the suppression list, tied to an attribute by
 * the grammar of a request: {@code Ana Ruiz's home address}, {@code the phone number of Ana Ruiz}, {@code where
 * does Ana Ruiz live}, {@code how can I reach Ana Ruiz}, in a sentence that asks ({@code ?}, {@code what},
 * {@code give me}, {@code find}, ...). English, Spanish, German and French phrasings.
 *
 * <p>Hand-written patterns: no library classifies such requests, and a trained classifier would need labelled
 * prompts Lethe does not have. A statement that mentions an address ("Ana's address changed, update the CRM")
 * is not a request.
 */
final class RequestCheck {
  private static final String ATTRIBUTE = "(?:(?:home|work|office|personal|private|current|new|exact|real|cell|mobile"
      + "|direct|postal|mailing|street|full|phone|e-?mail)\\s+)*"
      + "(?<attr>address(?:es)?|phone(?:\\s+number)?|number|cell(?:\\s+number)?|mobile(?:\\s+number)?"
      + "|telephone(?:\\s+number)?|e-?mail(?:\\s+address)?|contact(?:\\s+(?:details|info(?:rmation)?|number))?"
      + "|date\\s+of\\s+birth|birth\\s*date|birthday|dob|social\\s+security(?:\\s+number)?|ssn|bank\\s+(?:account|details)"
      + "|account\\s+number|iban|credit\\s+card(?:\\s+number)?|card\\s+number|passport(?:\\s+number)?"
      + "|driver'?s\\s+licen[cs]e(?:\\s+number)?|password|login|whereabouts|location"
      + "|direcci[oó]n|domicilio|tel[eé]fono|n[uú]mero|correo|adresse|anschrift|telefonnummer|handynummer|wohnort"
      + "|e-mail-adresse|geburtsdatum|num[eé]ro|courriel|date\\s+de\\s+naissance)";
  /** After the name: a possessive and the attribute. */
  private static final Pattern AFTER = Pattern.compile(
      "(?:'s|’s|'|’|s)?\\s+" + ATTRIBUTE + "\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Before the name: the attribute, "of" / "for" / "de" / "von", maybe a title. */
  private static final Pattern BEFORE = Pattern.compile(ATTRIBUTE
      + "\\s+(?:of|for|de|del|von|d')\\s+(?:(?:mr|mrs|ms|miss|dr|prof|sr|sra|herr|frau|m|mme)\\.?\\s+)?$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** "where does X live", "how can I reach X", "wo wohnt X", "dónde vive X", "où habite X". */
  private static final Pattern WHERE_BEFORE = Pattern.compile(
      "(?:where\\s+(?:does|do|did|is|can\\s+i\\s+find)|wo\\s+(?:wohnt|lebt|arbeitet)|d[oó]nde\\s+(?:vive|est[aá]|trabaja)"
          + "|o[uù]\\s+(?:habite|vit|travaille))\\s+$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern REACH_BEFORE = Pattern.compile(
      "(?:how\\s+(?:can|do|could|would|should)\\s+(?:i|we|you|one)\\s+(?:reach|contact|call|text|e-?mail|phone|find"
          + "|locate|track\\s+down|get\\s+(?:hold\\s+of|in\\s+touch\\s+with)))\\s+$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern WHERE_AFTER = Pattern.compile("\\s+(?:lives?|stays?|resides?|works?)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ASKS = Pattern.compile("\\?|¿|\\b(?:what|where|which|who|how|give|tell|find|share"
      + "|send|provide|list|look\\s+up|lookup|get|need|want|know|show|dox|search|locate|reveal|track|dig\\s+up"
      + "|cu[aá]l|d[oó]nde|dame|dime|busca|gib|sag|wie|wo|finde|donne|quel|quelle|o[uù]|trouve)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Map<String, Label> ATTRIBUTES = Map.ofEntries(
      Map.entry("address", Label.PRIVATE_ADDRESS), Map.entry("whereabouts", Label.PRIVATE_ADDRESS),
      Map.entry("location", Label.PRIVATE_ADDRESS), Map.entry("direccion", Label.PRIVATE_ADDRESS),
      Map.entry("domicilio", Label.PRIVATE_ADDRESS), Map.entry("adresse", Label.PRIVATE_ADDRESS),
      Map.entry("anschrift", Label.PRIVATE_ADDRESS), Map.entry("wohnort", Label.PRIVATE_ADDRESS),
      Map.entry("email", Label.PRIVATE_EMAIL), Map.entry("correo", Label.PRIVATE_EMAIL),
      Map.entry("courriel", Label.PRIVATE_EMAIL), Map.entry("birth", Label.PRIVATE_DATE),
      Map.entry("birthday", Label.PRIVATE_DATE), Map.entry("dob", Label.PRIVATE_DATE),
      Map.entry("geburtsdatum", Label.PRIVATE_DATE), Map.entry("naissance", Label.PRIVATE_DATE),
      Map.entry("password", Label.SECRET), Map.entry("login", Label.SECRET));
  private static final List<String> ACCOUNT_WORDS = List.of("social", "ssn", "bank", "account", "iban", "card",
      "passport", "licen");

  private final PrivacyFilter people;

  RequestCheck(PrivacyFilter people) {
    this.people = people;
  }

  /** The first request for a private individual's data in {@code prompt}. */
  Optional<PrivateDataRequest> find(String prompt, Suppressions suppressions) {
    List<Span> persons = new ArrayList<>();
    for (Span s : people.detect(prompt)) {
      if (!Guard.PUBLIC_FIGURE.equals(s.subtype())) {
        persons.add(s);
      }
    }
    suppressions.find(prompt).stream().filter(s -> s.label() == Label.PRIVATE_PERSON).forEach(persons::add);
    persons.sort(Span.BY_POSITION);
    for (Span p : persons) {
      Label asked = asked(prompt, p.start(), p.end());
      if (asked != null && asks(prompt, p.start(), p.end())) {
        return Optional.of(new PrivateDataRequest(asked, p.start(), p.end()));
      }
    }
    return Optional.empty();
  }

  private static Label asked(String prompt, int start, int end) {
    String after = prompt.substring(end, Math.min(prompt.length(), end + 60));
    Matcher m = AFTER.matcher(after);
    if (m.lookingAt()) {
      return label(m.group("attr"));
    }
    String before = prompt.substring(Math.max(0, start - 60), start);
    m = BEFORE.matcher(before);
    if (m.find()) {
      return label(m.group("attr"));
    }
    if (WHERE_BEFORE.matcher(before).find() || before.toLowerCase(java.util.Locale.ROOT).endsWith("where ")
        && WHERE_AFTER.matcher(after).lookingAt()) {
      return Label.PRIVATE_ADDRESS;
    }
    return REACH_BEFORE.matcher(before).find() ? Label.PRIVATE_PHONE : null;
  }

  private static Label label(String attribute) {
    String a = Fold.string(attribute).strip();
    if (a.startsWith("e mail") || a.startsWith("email")) {
      return Label.PRIVATE_EMAIL;
    }
    for (String word : a.split(" +")) {
      Label l = ATTRIBUTES.get(word);
      if (l != null) {
        return l;
      }
    }
    if (ACCOUNT_WORDS.stream().anyMatch(a::contains)) {
      return Label.ACCOUNT_NUMBER;
    }
    return Label.PRIVATE_PHONE; // phone, number, cell, mobile, contact, telefono, numero
  }

  /** Whether the period at {@code i} ends a sentence rather than a title or an initial ("Dr.", "A."). */
  private static boolean periodEnds(String s, int i) {
    if (s.charAt(i) != '.') {
      return false;
    }
    int w = i;
    while (w > 0 && Character.isLetter(s.charAt(w - 1))) {
      w--;
    }
    return i - w > 3 || i - w == 0;
  }

  /** Whether the sentence around the name asks for something (a question or a request verb). */
  private static boolean asks(String prompt, int start, int end) {
    int from = start;
    while (from > 0 && "!?\n".indexOf(prompt.charAt(from - 1)) < 0 && !periodEnds(prompt, from - 1)) {
      from--;
    }
    int to = end;
    while (to < prompt.length() && ".!?\n".indexOf(prompt.charAt(to)) < 0) {
      to++;
    }
    return ASKS.matcher(prompt.substring(from, Math.min(prompt.length(), to + 1))).find();
  }
}
