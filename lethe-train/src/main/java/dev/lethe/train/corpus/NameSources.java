package dev.lethe.train.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Open name lists of many countries, written as {@code names/<list>.tsv}: {@code name<TAB>kind<TAB>country
 * <TAB>rank}, kind one of {@code given-female}, {@code given-male}, {@code given} (no sex given) and {@code
 * surname}, country an ISO 3166-1 alpha-2 code, rank the name's place in its country's list (1 = most common),
 * in source order. A name written in a non-Latin script is listed in its own script and romanised. A line that
 * cannot be read is skipped and counted, never the whole list.
 */
final class NameSources {
  private static final String REPO = "sigpwned/popular-names-by-country-dataset";
  private static final String LICENCE = "CC0-1.0 (LICENSE); compiled from Wikipedia's lists of most common "
      + "surnames and most popular given names (July 2023), national statistics offices where they cite them";

  private NameSources() {}

  /** A written list, for the manifest. */
  record Written(String file, String repo, String commit, List<String> paths, String licence, int rows,
      Map<String, Integer> kinds, List<String> countries, int skippedLines) {}

  /** A list looked at and left out, and why. */
  record Exclusion(String repo, String what, String reason) {}

  static List<Exclusion> exclusions() {
    return List.of(
        new Exclusion("philipperemy/name-dataset", "all", "extracted from the 2021 Facebook leak of 533M users' "
            + "personal data"),
        new Exclusion("rossbowen/babynames", "ons-baby-names-clean.csv", "ONS baby names (OGL-UK-3.0) but the "
            + "CSV is absent from the snapshot (4 MiB and more) and the rest is Excel"),
        new Exclusion("treyhunner/names", "names/dist.*", "already in ../shared/data/lexicon (US census 1990)"));
  }

  /**
   * Writes every list whose snapshot is under {@code mirrors}; an absent snapshot is added to {@code
   * missing}, a list that fails to convert to {@code failed}.
   */
  static List<Written> build(Path mirrors, Path out, List<String> missing, List<String> failed) {
    if (!Snapshot.present(mirrors, REPO)) {
      missing.add(REPO);
      return List.of();
    }
    List<Written> written = new ArrayList<>();
    Corpora.clearFolder(out.resolve("names"));
    try (Snapshot s = Snapshot.open(mirrors, REPO)) {
      written.add(convert(s, out, "common-forenames-by-country.csv", "names/popular-forenames.tsv", true));
      written.add(convert(s, out, "common-surnames-by-country.csv", "names/popular-surnames.tsv", false));
    } catch (RuntimeException e) {
      failed.add(REPO + ": " + e.getMessage());
    }
    return written;
  }

  /**
   * Forenames: {@code Country, Country Group, Region, Population, Note, Year, Romanization, Index, Name Group,
   * Gender, Localized Name, Romanized Name}; surnames: {@code Country, Rank, Index, Name Group, Localized
   * Name, Romanized Name, Count, Percent}. The files have no quoted fields, so a line with a quote is skipped
   * rather than misread.
   */
  private static Written convert(Snapshot s, Path out, String path, String file, boolean forenames) {
    String[] lines = s.require(path).replace("\uFEFF", "").split("\r?\n");
    Set<String> rows = new LinkedHashSet<>();
    Map<String, Integer> kinds = new TreeMap<>();
    Set<String> countries = new TreeSet<>();
    int skipped = 0;
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      if (lines[i].isBlank()) {
        continue;
      }
      if (lines[i].indexOf('"') >= 0 || f.length != (forenames ? 12 : 8)) {
        skipped++;
        continue;
      }
      String country = f[0];
      String rank = forenames ? f[7] : f[1];
      String kind = forenames ? switch (f[9]) {
        case "F" -> "given-female";
        case "M" -> "given-male";
        default -> "given";
      } : "surname";
      for (String name : new String[] {f[forenames ? 10 : 4].strip(), f[forenames ? 11 : 5].strip()}) {
        if (!name.isEmpty() && !name.contains("\t") && rows.add(name + "\t" + kind + "\t" + country + "\t" + rank)) {
          kinds.merge(kind, 1, Integer::sum);
          countries.add(country);
        }
      }
    }
    Corpora.writeAtomically(out.resolve(file), String.join("\n", rows) + "\n");
    return new Written(file, s.repo(), s.commit(), List.of(path), LICENCE, rows.size(), kinds,
        List.copyOf(countries), skipped);
  }
}
