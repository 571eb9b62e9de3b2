package dev.lethe.train.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Open name lists of many countries, converted to TSV. */
final class NameSources {
  private NameSources() {}

  record Written(String file, String repo, String commit, List<String> paths, String licence, int rows,
      Map<String, Integer> kinds, List<String> countries) {}

  record Exclusion(String repo, String what, String reason) {}

  static List<Written> build(Path mirrors, Path out, List<String> missing, List<String> failed) {
    return List.of();
  }

  static List<Exclusion> exclusions() {
    return List.of();
  }
}
