package dev.lethe.guard;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suppression list of "remove my data from model outputs" requests, matched loosely: every spelling of an
 * entry that a reader would take for the same thing is found. For {@code José Ruiz} that is any letter case
 * and spacing, with or without accents, with hyphens, dots or apostrophes between the parts, in fullwidth or
 * look-alike letters, with zero-width characters inside, and surname first ({@code RUIZ, Jose}); for {@code
 * ana.ruiz@gmail.com} also {@code ana dot ruiz at gmail dot com}, {@code ana.ruiz [at] gmail.com}; for a phone
 * number every national and international way of writing it. Matches start and end on word boundaries, so
 * {@code Ana Ruiz} does not match inside {@code Banana Ruizes}.
 *
 * <p>Texts are {@linkplain Fold folded} and searched with the Privacy Filter's own suppression matcher (which
 * ignores case and white space), each entry in all its folded variants. Immutable and thread-safe.
 */
public final class Suppressions {
  private static final Suppressions NONE = new Suppressions(null, Map.of(), 0);

  private final PrivacyFilter matcher;
  /** Label of each variant, keyed as the matcher compares: folded, without spaces. */
  private final Map<String, Label> labels;
  private final int size;

  private Suppressions(PrivacyFilter matcher, Map<String, Label> labels, int size) {
    this.matcher = matcher;
    this.labels = labels;
    this.size = size;
  }

  /** An empty list. */
  public static Suppressions none() {
    return NONE;
  }

  /**
   * The list of {@code strings}. Each is labelled as the Privacy Filter reads it whole (an e-mail address, a
   * phone number in {@code phoneRegion}), else as a person's name, the most common thing people ask to remove.
   *
   * @throws IllegalArgumentException naming the entry's position when it has fewer than three letters or digits
   */
  public static Suppressions of(Collection<String> strings, String phoneRegion) {
    if (strings.isEmpty()) {
      return NONE;
    }
    PrivacyFilter reader = PrivacyFilter.builder().operatingPoint(OperatingPoint.RECALL).phoneRegion(phoneRegion)
        .build();
    Map<String, Label> labels = new HashMap<>();
    Set<String> variants = new LinkedHashSet<>();
    int index = 0;
    for (String s : strings) {
      String entry = s.strip();
      if (!matchable(entry)) {
        throw new IllegalArgumentException("suppression entry " + index
            + " needs at least three letters or digits");
      }
      Label label = labelOf(entry, reader);
      for (String v : variants(entry, label, phoneRegion)) {
        String k = key(v);
        if (k.length() >= 3) {
          labels.putIfAbsent(k, label);
          variants.add(v);
        }
      }
      index++;
    }
    PrivacyFilter matcher = PrivacyFilter.builder().detectors(List.of()).suppress(variants).build();
    return new Suppressions(matcher, Map.copyOf(labels), strings.size());
  }

  /** Whether {@code entry} has the three letters or digits an entry needs to be matched safely. */
  public static boolean matchable(String entry) {
    return key(Fold.string(entry)).length() >= 3;
  }

  /** Number of entries (not variants). */
  public int size() {
    return size;
  }

  /** Every match in {@code text}, sorted and not overlapping, with subtype {@code suppressed}. */
  List<Span> find(CharSequence text) {
    if (matcher == null) {
      return List.of();
    }
    List<Span> out = new ArrayList<>();
    find(text, Fold.of(text), out);
    Fold lookAlike = Fold.lookAlike(text);
    if (lookAlike != null) {
      find(text, lookAlike, out);
      return Guard.united(out);
    }
    return out;
  }

  private void find(CharSequence text, Fold fold, List<Span> out) {
    for (Span s : matcher.detect(fold.text)) {
      Label label = labels.getOrDefault(key(s.textIn(fold.text)), Label.PRIVATE_PERSON);
      int start = fold.start(s.start());
      if (label == Label.PRIVATE_PHONE) { // folding dropped what leads a number: "(", "+1 ", "00 44 "
        Matcher m = PHONE_LEAD.matcher(text.subSequence(Math.max(0, start - 8), start));
        if (m.find()) {
          start -= m.end() - m.start();
        }
      }
      out.add(new Span(label, SUPPRESSED, start, fold.end(s.end() - 1), 1.0, "guard-suppression"));
    }
  }

  private static final Pattern PHONE_LEAD = Pattern.compile("(?:(?:\\+|00|011)[\\s.-]?(?:\\d{1,3}[\\s.-]?)?)?\\(?$");

  static final String SUPPRESSED = "suppressed";

  private static Label labelOf(String entry, PrivacyFilter reader) {
    return reader.detect(entry).stream().filter(s -> s.start() == 0 && s.end() == entry.length())
        .map(Span::label).findFirst().orElse(Label.PRIVATE_PERSON);
  }

  /** The folded spellings that all stand for {@code entry}. */
  private static List<String> variants(String entry, Label label, String region) {
    List<String> out = new ArrayList<>();
    String folded = Fold.string(entry).strip();
    out.add(folded);
    switch (label) {
      case PRIVATE_PERSON -> {
        String[] words = folded.split(" +");
        if (words.length >= 2 && words.length <= 4) { // "Ruiz, Ana", "RUIZ Ana Maria"
          out.add(words[words.length - 1] + " " + String.join(" ", java.util.Arrays.copyOf(words, words.length - 1)));
        }
      }
      case PRIVATE_EMAIL -> {
        int at = entry.lastIndexOf('@');
        if (at > 0) {
          String local = entry.substring(0, at);
          String domain = entry.substring(at + 1);
          for (String localDot : new String[] {" ", " dot "}) {
            for (String domainDot : new String[] {" ", " dot "}) {
              for (String atSign : new String[] {"@", " at "}) {
                out.add(Fold.string(local.replace(".", localDot) + atSign + domain.replace(".", domainDot)));
              }
            }
          }
        }
      }
      case PRIVATE_PHONE -> {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
          PhoneNumber n = util.parse(entry, region);
          for (PhoneNumberUtil.PhoneNumberFormat f : PhoneNumberUtil.PhoneNumberFormat.values()) {
            out.add(Fold.string(util.format(n, f).replace("tel:", "")));
          }
          out.add(util.getNationalSignificantNumber(n));
        } catch (NumberParseException e) {
          // not a number libphonenumber reads: the entry is matched as written
        }
      }
      default -> { }
    }
    return out;
  }

  /** How the filter's matcher compares strings: without white space (it also ignores case, folded already). */
  private static String key(String folded) {
    return folded.replace(" ", "");
  }
}
