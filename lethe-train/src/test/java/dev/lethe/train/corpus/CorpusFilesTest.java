package dev.lethe.train.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the converted corpora wherever they were built ({@code -Dlethe.corpora}, {@code
 * LETHE_CORPORA}, default {@code ../corpora}); skipped with a message when there is no manifest there.
 */
class CorpusFilesTest {
  private static final Set<String> LABELS = Set.of("private_person", "private_address", "private_email",
      "private_phone", "private_url", "private_date", "account_number", "secret");

  @Test
  void everyRowOfEveryFileKeepsTheFormat() throws IOException {
    Path out = Corpora.defaultOut();
    Path manifestFile = out.resolve("manifest.json");
    Assumptions.assumeTrue(Files.isRegularFile(manifestFile),
        "no converted corpora at " + out.toAbsolutePath() + " (run dev.lethe.train.corpus.Corpora; see docs/corpora.md)");
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(manifestFile.toFile());
    assertThat(manifest.path("files").size()).isPositive();
    for (JsonNode f : manifest.path("files")) {
      Path file = out.resolve(f.path("file").asText());
      String split = f.path("split").asText();
      List<String> lines = Files.readAllLines(file);
      assertThat(lines).as(file.toString()).hasSize(f.path("rows").asInt());
      Set<String> ids = new HashSet<>();
      for (int n = 0; n < lines.size(); n++) {
        String where = file + ":" + (n + 1);
        JsonNode row = json.readTree(lines.get(n));
        assertThat(ids.add(row.path("id").asText())).as(where + " unique id").isTrue();
        assertThat(row.path("split").asText()).as(where).isEqualTo(split);
        assertThat(row.path("source").asText()).as(where).isEqualTo(f.path("corpus").asText());
        assertThat(row.path("lang").asText()).as(where).isEqualTo(f.path("lang").asText());
        assertThat(row.path("genre").asText()).as(where).isNotBlank();
        String text = row.path("text").asText();
        assertThat(text.isBlank()).as(where + " text").isFalse();
        int[] cps = text.codePoints().toArray();
        int lastEnd = 0;
        for (JsonNode s : row.path("spans")) {
          int start = s.path("start").asInt();
          int end = s.path("end").asInt();
          assertThat(LABELS).as(where).contains(s.path("label").asText());
          assertThat(start).as(where + " sorted, disjoint").isGreaterThanOrEqualTo(lastEnd);
          assertThat(end).as(where).isGreaterThan(start).isLessThanOrEqualTo(cps.length);
          String surface = new String(cps, start, end - start);
          assertThat(surface.strip()).as(where + " no outer whitespace").isEqualTo(surface);
          for (JsonNode r : row.path("ignore")) {
            boolean overlaps = r.path("start").asInt() < end && start < r.path("end").asInt();
            assertThat(overlaps).as(where + " span " + surface + " overlaps an ignore region").isFalse();
          }
          lastEnd = end;
        }
        int lastIgnore = 0;
        for (JsonNode r : row.path("ignore")) {
          int start = r.path("start").asInt();
          int end = r.path("end").asInt();
          assertThat(start).as(where + " ignore sorted, disjoint").isGreaterThanOrEqualTo(lastIgnore);
          assertThat(end).as(where).isGreaterThan(start).isLessThanOrEqualTo(cps.length);
          lastIgnore = end;
        }
      }
    }
  }
}
