package dev.lethe.train.corpus;

import dev.lethe.filter.Label;
import dev.lethe.filter.eval.DevSplit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lays out the sentences of one document as text and turns their mentions into labelled spans and ignore
 * regions, offsets recorded as the text is written (never searched for afterwards). A person mention
 * becomes {@code private_person} (see {@link PersonTypes} for titles and roles), or {@code private_url} when
 * it is a single {@code @handle}; one without a letter ({@code 200}, a tagging slip) and a mention of any
 * other type become ignore regions. Where mentions nest, a person name inside another entity's
 * mention ({@code [Lincoln]'s Inn}) is dropped and an entity inside a person's name ({@code Duke of
 * [Wellington]}) is absorbed by the name.
 */
final class DocAssembler {
  private static final Pattern HANDLE = Pattern.compile("@\\w+");
  /** Characters trimmed off the ends of a span: quotes and brackets a tokeniser left inside a mention. */
  private static final String TRIM = ",;:\"“”„‘’«»()[]{}";
  private static final Set<String> PREPOSITIONS = Set.of("of", "for", "in", "at", "to", "from", "with", "on",
      "by");
  /** Lower-case words inside names ({@code Abu Musab al-Zarqawi}, {@code Ludwig van Beethoven}). */
  private static final Set<String> PARTICLES = Set.of("al", "el", "bin", "ibn", "bint", "van", "von", "der",
      "den", "de", "da", "do", "dos", "das", "di", "du", "del", "della", "la", "le", "ter", "ten", "y", "zu");

  private final PersonTypes persons;
  private final StringBuilder text = new StringBuilder();
  private final List<CorpusDoc.Marked> spans = new ArrayList<>();
  private final List<CorpusDoc.Region> ignore = new ArrayList<>();

  DocAssembler(PersonTypes persons) {
    this.persons = persons;
  }

  /** Appends a sentence; {@code separator} goes between it and the text before it, if any. */
  DocAssembler add(Sentence s, String separator) {
    int n = s.tokens().size();
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      String token = s.tokens().get(i);
      if (i > 0) {
        text.append(s.gaps().get(i));
      } else if (!text.isEmpty()) {
        text.append(separator);
      }
      starts[i] = text.length();
      text.append(token);
      ends[i] = text.length();
    }
    for (Mention m : s.mentions()) {
      if (persons.isPerson(m.type())) {
        person(s.tokens(), m, starts, ends);
      } else {
        region(starts[m.first()], ends[m.end() - 1]);
      }
    }
    return this;
  }

  private void person(List<String> tokens, Mention m, int[] starts, int[] ends) {
    int first = m.first();
    boolean phrases = persons.nounPhrases();
    boolean name = true;
    while (phrases && first < m.end() && !startsUpper(tokens.get(first))) {
      name &= !PREPOSITIONS.contains(tokens.get(first)); // "commander of U.S. Central Command" is a role
      first++;
    }
    while (first < m.end() && Titles.isTitle(tokens.get(first))) {
      first++;
    }
    name &= first < m.end();
    for (int k = first; k < m.end() && name && phrases; k++) {
      String t = tokens.get(k);
      name = !Titles.isTitle(t) && !Titles.isPronoun(t) && (startsUpper(t) || PARTICLES.contains(t)
          || t.codePoints().noneMatch(Character::isLetter));
    }
    int[] b = name ? trimmed(starts[first], ends[m.end() - 1]) : null;
    if (b == null || text.subSequence(b[0], b[1]).codePoints().noneMatch(Character::isLetter)) {
      region(starts[m.first()], ends[m.end() - 1]);
      return;
    }
    boolean handle = HANDLE.matcher(text).region(b[0], b[1]).matches();
    spans.add(new CorpusDoc.Marked(handle ? Label.PRIVATE_URL : Label.PRIVATE_PERSON, b[0], b[1]));
  }

  private static boolean startsUpper(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0));
  }

  private void region(int start, int end) {
    int[] b = trimmed(start, end);
    if (b != null) {
      ignore.add(new CorpusDoc.Region(b[0], b[1]));
    }
  }

  private int[] trimmed(int start, int end) {
    while (start < end && trimmable(text.charAt(start))) {
      start++;
    }
    while (end > start && trimmable(text.charAt(end - 1))) {
      end--;
    }
    return start < end ? new int[] {start, end} : null;
  }

  private static boolean trimmable(char c) {
    return Character.isWhitespace(c) || TRIM.indexOf(c) >= 0;
  }

  boolean isEmpty() {
    return text.toString().isBlank();
  }

  /** The document, its spans and regions made sorted and disjoint. */
  CorpusDoc build(String id, String genre, DevSplit split) {
    List<CorpusDoc.Region> regions = new ArrayList<>();
    for (CorpusDoc.Region r : ignore) {
      if (spans.stream().noneMatch(s -> s.start() <= r.start() && r.end() <= s.end())) {
        regions.add(r);
      }
    }
    regions = merged(regions);
    List<CorpusDoc.Marked> kept = new ArrayList<>();
    spans.sort(Comparator.comparingInt(CorpusDoc.Marked::start)
        .thenComparing(Comparator.comparingInt(CorpusDoc.Marked::end).reversed()));
    for (CorpusDoc.Marked s : spans) {
      boolean clear = regions.stream().noneMatch(r -> r.start() < s.end() && s.start() < r.end())
          && (kept.isEmpty() || kept.get(kept.size() - 1).end() <= s.start());
      if (clear) {
        kept.add(s);
      }
    }
    return new CorpusDoc(id, text.toString(), kept, regions, genre, split);
  }

  private static List<CorpusDoc.Region> merged(List<CorpusDoc.Region> regions) {
    regions.sort(Comparator.comparingInt(CorpusDoc.Region::start).thenComparingInt(CorpusDoc.Region::end));
    List<CorpusDoc.Region> out = new ArrayList<>();
    for (CorpusDoc.Region r : regions) {
      CorpusDoc.Region last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && r.start() < last.end()) {
        out.set(out.size() - 1, new CorpusDoc.Region(last.start(), Math.max(last.end(), r.end())));
      } else {
        out.add(r);
      }
    }
    return out;
  }
}
