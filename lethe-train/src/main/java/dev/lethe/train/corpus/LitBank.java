package dev.lethe.train.corpus;

import dev.lethe.filter.eval.DevSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts LitBank ({@code dbamman/litbank}): the first ~2,000 words of 100 public-domain novels, with the
 * mention layer of its coreference annotation ({@code coref/brat/*.ann}), which types every mention as a
 * proper name ({@code PROP_}), a common noun phrase ({@code NOM_}) or a pronoun ({@code PRON_}). One row per
 * book. The brat text is tokenised, one sentence a line; the spacing and paragraphs come from the book's
 * original text ({@code original/<book>.txt}), where the tokens are found in order.
 *
 * <p>{@code PROP_PER} becomes {@code private_person} after titles and leading lower-case words are cut off
 * ({@code Mr. [Blowers]}, {@code old [Tom Jarndyce]}, see {@link PersonTypes}); a proper-name mention of a place, facility,
 * organisation or vehicle becomes an ignore region; common nouns and pronouns give nothing.
 */
final class LitBank {
  static final PersonTypes PERSONS = new PersonTypes(Set.of("PROP_PER"), true);
  private static final Set<String> IGNORED = Set.of("PROP_FAC", "PROP_GPE", "PROP_LOC", "PROP_ORG", "PROP_VEH");
  private static final String FOLDER = "coref/brat/";
  /** Occurrences of a book's first token tried as the start of the annotated excerpt. */
  private static final int TRIES = 200;

  private LitBank() {}

  static List<CorpusDoc> convert(Snapshot snapshot, Corpus corpus) {
    List<CorpusDoc> out = new ArrayList<>();
    for (String path : snapshot.files(FOLDER)) {
      if (!path.endsWith("_brat.txt")) {
        continue;
      }
      String book = path.substring(FOLDER.length(), path.length() - "_brat.txt".length());
      String brat = snapshot.require(path);
      String ann = snapshot.require(FOLDER + book + "_brat.ann");
      String original = snapshot.read("original/" + book + ".txt");
      String id = corpus.name() + ":" + book;
      DocAssembler doc = new DocAssembler(PERSONS);
      doc.add(sentence(brat, ann, original, path), "");
      out.add(doc.build(id, corpus.genre(), DevSplit.of(id)));
    }
    return out;
  }

  private static Sentence sentence(String brat, String ann, String original, String path) {
    List<String> tokens = new ArrayList<>();
    Map<Integer, Integer> tokenAt = new HashMap<>();
    Map<Integer, Integer> tokenEndingAt = new HashMap<>();
    int offset = 0;
    for (String line : brat.split("\n", -1)) {
      int col = 0;
      for (String t : line.split(" ", -1)) {
        if (!t.isEmpty()) {
          tokenAt.put(offset + col, tokens.size());
          tokenEndingAt.put(offset + col + t.length(), tokens.size() + 1);
          tokens.add(t);
        }
        col += t.length() + 1;
      }
      offset += line.length() + 1;
    }
    List<Mention> mentions = new ArrayList<>();
    String[] lines = ann.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String[] f = lines[i].split("\t");
      if (f.length < 2 || !f[0].startsWith("T")) {
        continue;
      }
      String[] typeSpan = f[1].split(" ");
      String type = typeSpan[0];
      if (!PERSONS.isPerson(type) && !IGNORED.contains(type)) {
        continue;
      }
      if (typeSpan.length != 3) {
        throw new IllegalArgumentException(path + " (.ann line " + (i + 1) + "): expected 'TYPE start end': " + lines[i]);
      }
      Integer first = tokenAt.get(Integer.parseInt(typeSpan[1]));
      Integer end = tokenEndingAt.get(Integer.parseInt(typeSpan[2]));
      if (first == null || end == null || end <= first) {
        throw new IllegalArgumentException(path + " (.ann line " + (i + 1) + "): mention not on token bounds: " + lines[i]);
      }
      mentions.add(new Mention(type, first, end));
    }
    List<String> gaps = original == null ? null : Spacing.alignExcerpt(original, tokens, TRIES);
    return new Sentence(tokens, gaps != null ? gaps : Spacing.detokenize(tokens), mentions);
  }
}
