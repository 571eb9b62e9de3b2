package dev.lethe.train.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed clusters: their format, and that words used alike got similar paths. */
class ClustersTest {
  private static Map<String, String> clusters;

  private static final List<String> FIRST_NAMES = List.of("john", "mary", "james", "sarah", "michael",
      "elizabeth", "david", "emma", "robert", "anna", "thomas", "jane");
  private static final List<String> SURNAMES = List.of("smith", "johnson", "brown", "wilson", "taylor",
      "miller", "davis", "clark");
  private static final List<String> VERBS = List.of("said", "went", "took", "gave", "called", "looked",
      "asked", "thought", "came", "found");
  private static final List<String> MONTHS = List.of("january", "february", "april", "june", "july", "august",
      "september", "october", "november", "december");
  // Cities split by genre: the dialogues' cities (found after "in" and "to" in requests) form a cluster of
  // their own, apart from the cities of the books.
  private static final List<String> BOOK_CITIES = List.of("london", "paris", "rome", "berlin", "madrid", "vienna");
  private static final List<String> DIALOGUE_CITIES = List.of("seattle", "portland", "atlanta", "sacramento",
      "phoenix", "toronto", "vancouver", "chicago");
  private static final List<String> STREET_WORDS = List.of("street", "avenue", "road", "lane", "boulevard",
      "drive");

  @BeforeAll
  static void load() {
    clusters = Clusters.load();
  }

  @Test
  void theCommittedFileLoadsWithAVocabularyOfTensOfThousandsOfLowerCaseWords() {
    assertThat(clusters.size()).isGreaterThan(80_000);
    assertThat(clusters).containsKeys("the", "john", "london", "january").doesNotContainKey("John");
    assertThat(clusters.values()).allMatch(p -> p.matches("[01]{1,64}"));
    assertThat(clusters.values().stream().distinct().count()).isBetween(900L, 1000L);
  }

  /** Mean length of the common prefix of the paths of a word of {@code a} and a different word of {@code b}. */
  private static double sharedBits(List<String> a, List<String> b) {
    double sum = 0;
    int n = 0;
    for (String x : a) {
      for (String y : b) {
        if (!x.equals(y)) {
          String p = clusters.get(x);
          String q = clusters.get(y);
          int k = 0;
          while (k < Math.min(p.length(), q.length()) && p.charAt(k) == q.charAt(k)) {
            k++;
          }
          sum += k;
          n++;
        }
      }
    }
    return sum / n;
  }

  @Test
  void firstNamesShareLongerPrefixesWithEachOtherThanWithVerbsOrMonths() {
    double names = sharedBits(FIRST_NAMES, FIRST_NAMES);
    assertThat(names).isGreaterThan(sharedBits(FIRST_NAMES, VERBS) + 3)
        .isGreaterThan(sharedBits(FIRST_NAMES, MONTHS) + 2);
  }

  @Test
  void surnamesAreCloserToFirstNamesThanToVerbs() {
    assertThat(sharedBits(SURNAMES, FIRST_NAMES)).isGreaterThan(sharedBits(SURNAMES, VERBS) + 2);
  }

  @Test
  void monthsPlacesAndStreetWordsEachClusterTogether() {
    for (List<String> group : List.of(MONTHS, BOOK_CITIES, DIALOGUE_CITIES, STREET_WORDS)) {
      assertThat(sharedBits(group, group)).as("%s", group).isGreaterThan(sharedBits(group, VERBS) + 3);
    }
    assertThat(MONTHS.stream().map(clusters::get).distinct().count()).as("paths of months").isLessThanOrEqualTo(3);
  }

  private static ByteArrayInputStream gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }

  @Test
  void aBadLineIsReportedWithItsNumber() {
    assertThatThrownBy(() -> Clusters.read(gzip("anna\t0101\t12\nlima\t01x1\t3\n")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 2:");
    assertThatThrownBy(() -> Clusters.read(gzip("anna\t0101\t12\nanna\t0100\t3\n")))
        .hasMessageContaining("line 2: word 'anna' appears twice");
    assertThatThrownBy(() -> Clusters.read(gzip("anna\t0101\n"))).hasMessageStartingWith("line 1:");
  }

  @Test
  void writtenClustersReadBackAndTheSameInputWritesTheSameBytes(@TempDir Path dir) throws IOException {
    BigramCounts counts = BigramCounts.builder().add("Anna met Omar . Omar met Anna in Lima .")
        .add("Lina met Anna .").build(1);
    String[] paths = BrownClustering.paths(counts, 3, 1);
    Path first = dir.resolve("a.tsv.gz");
    Path second = dir.resolve("b.tsv.gz");
    ClusterTraining.write(counts, paths, first);
    ClusterTraining.write(counts, paths, second);
    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    Map<String, String> read = Clusters.read(Files.newInputStream(first));
    assertThat(read).hasSize(counts.size()).containsKeys("anna", "omar", "lima", ".");
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }
}
