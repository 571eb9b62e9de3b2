package dev.lethe.train.tagger;

import dev.lethe.filter.tagger.Lexicon;
import dev.lethe.train.clusters.Clusters;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Builds the tagger's lexicon tables: the 1990 US Census name frequency lists (bucketed by frequency),
 * the first and last names Datafaker knows for many locales (bucket 2), and WordNet's dictionary words,
 * famous people and places ({@link WordNetLists}). The tables end up inside the model as hashes; the lists
 * themselves are never copied into the repository.
 */
final class NameLists {
  /** Locales whose names Datafaker supplies, covering the origins the synthetic corpus draws from too. */
  private static final List<String> LOCALES = List.of("en", "en-GB", "en-IND", "en-NG", "en-AU", "en-CA",
      "de", "fr", "es", "es-MX", "it", "pt-BR", "pt", "nl", "pl", "sv", "nb-NO", "da-DK", "fi-FI", "tr",
      "vi", "ru", "uk", "ja", "ko", "zh-CN", "zh-TW", "cs", "sk", "hu", "ro", "el-GR", "he", "id", "th",
      "ar", "fa", "hy", "ka", "lv", "ca", "sq");
  private static final int DRAWS = 1500;

  private NameLists() {}

  /**
   * The lexicon tables: census and Datafaker names, WordNet's famous people and places, the popular names
   * of many countries when {@code corpora} is given, and the project's Brown
   * word clusters.
   */
  static Lexicon build(Path lexiconDir, Path gum, CorpusFiles corpora, long seed) throws IOException {
    Lexicon.Builder b = Lexicon.builder();
    Clusters.load().forEach(b::cluster);
    if (corpora != null) {
      popular(corpora.dir().resolve("names/popular-forenames.tsv"), b, true);
      popular(corpora.dir().resolve("names/popular-surnames.tsv"), b, false);
    }
    census(lexiconDir.resolve("census-first-female.tsv"), b, true);
    census(lexiconDir.resolve("census-first-male.tsv"), b, true);
    census(lexiconDir.resolve("census-last.tsv"), b, false);
    WordNetLists.addTo(b);
    FamousNames.addTo(b, gum);
    for (String tag : LOCALES) {
      Faker f = new Faker(Locale.forLanguageTag(tag), new Random(seed ^ tag.hashCode()));
      for (int i = 0; i < DRAWS; i++) {
        try {
          for (String part : f.name().firstName().split("[\\s-]+")) {
            b.firstName(part, 2);
          }
          for (String part : f.name().lastName().split("[\\s-]+")) {
            if (part.length() > 2) {
              b.lastName(part, 2);
            }
          }
        } catch (RuntimeException e) {
          break; // a locale without name data
        }
      }
    }
    return b.build();
  }

  /**
   * Popular names by country (docs/corpora.md: name, kind, country, rank): the most popular names of each
   * country count as common (bucket 3), the rest as known (2). Missing files are skipped.
   */
  private static void popular(Path file, Lexicon.Builder b, boolean first) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        if (f.length < 4 || f[0].isBlank()) {
          continue;
        }
        int bucket = Integer.parseInt(f[3].strip()) <= 10 ? 3 : 2;
        for (String part : f[0].split("[\\s-]+")) {
          if (part.length() > 1) {
            if (first) {
              b.firstName(part, bucket);
            } else {
              b.lastName(part, bucket);
            }
          }
        }
      }
    }
  }

  /** Census lines: Name TAB frequency percent. Buckets: >= 0.1% 4, >= 0.01% 3, >= 0.001% 2, else 1. */
  private static void census(Path file, Lexicon.Builder b, boolean first) throws IOException {
    if (!Files.exists(file)) {
      throw new IOException("name list missing: " + file);
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        if (f.length < 2) {
          continue;
        }
        double pct = Double.parseDouble(f[1]);
        int bucket = pct >= 0.1 ? 4 : pct >= 0.01 ? 3 : pct >= 0.001 ? 2 : 1;
        if (first) {
          b.firstName(f[0], bucket);
        } else {
          b.lastName(f[0], bucket);
        }
      }
    }
  }
}
