package dev.lethe.pipeline.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lethe.pipeline.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageTest {
  @TempDir Path tmp;

  /** 500 documents of 7 users in random id order, written with runs of 7 lines (many runs) and with one run. */
  @Test
  void sortedOnDiskWhateverTheRunSize() throws IOException {
    Random rnd = new Random(11);
    List<String[]> entries = new ArrayList<>();
    Map<String, List<String>> expectedSubjects = new java.util.TreeMap<>();
    for (int i = 0; i < 500; i++) {
      String id = String.format("c-%024x", rnd.nextLong() & Long.MAX_VALUE);
      String subject = i % 3 == 0 ? null : "u-" + (rnd.nextInt(7));
      entries.add(new String[] {id, subject});
      if (subject != null) {
        expectedSubjects.computeIfAbsent(subject, k -> new ArrayList<>()).add(id);
      }
    }
    Path small = write(tmp.resolve("small"), entries, 7);
    Path whole = write(tmp.resolve("whole"), entries, 1_000_000);
    assertEquals(digest(whole, Snapshot.DOCUMENTS), digest(small, Snapshot.DOCUMENTS));
    assertEquals(digest(whole, Snapshot.SUBJECTS), digest(small, Snapshot.SUBJECTS));

    List<String> ids = new ArrayList<>();
    Lineage.documents(small, e -> ids.add(e.id()));
    assertEquals(500, ids.size());
    assertEquals(ids.stream().sorted().toList(), ids, "documents sorted by id");
    Map<String, List<String>> subjects = new LinkedHashMap<>();
    Lineage.subjects(small, subjects::put);
    assertEquals(new ArrayList<>(expectedSubjects.keySet()), new ArrayList<>(subjects.keySet()), "subjects sorted");
    assertEquals(expectedSubjects, subjects, "each user's documents in input order");
    try (Stream<Path> left = Files.walk(small)) {
      assertTrue(left.noneMatch(p -> p.toString().endsWith(AtomicFiles.TMP)), "no run file left");
    }
  }

  private static Path write(Path dir, List<String[]> entries, int runLines) throws IOException {
    try (Lineage l = new Lineage(dir, 3, runLines)) {
      long line = 0;
      for (String[] e : entries) {
        l.add(e[0], (int) (line % 4), line++, SourceKind.CONVERSATION, e[1]);
      }
      l.commit();
    }
    return dir;
  }

  private static String digest(Path dir, String file) throws IOException {
    return dev.lethe.pipeline.source.Digests.file(dir.resolve(file));
  }
}
