package dev.lethe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark corpus: the texts of every development file in {@code ../shared/data/dev} (set
 * {@code -Dlethe.shared=DIR} or {@code LETHE_SHARED} when elsewhere), read at setup, never copied.
 */
public final class BenchText {
  private BenchText() {}

  public static List<String> devTexts() {
    String dir = System.getProperty("lethe.shared", System.getenv().getOrDefault("LETHE_SHARED", "../shared"));
    Path dev = Path.of(dir, "data", "dev");
    if (!Files.isDirectory(dev)) {
      throw new IllegalStateException("no development data at " + dev.toAbsolutePath()
          + "; run from the repository root or pass -Dlethe.shared=DIR");
    }
    ObjectMapper mapper = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (var files = Files.list(dev)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            JsonNode d = mapper.readTree(line);
            texts.add(d.get("text").asText());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }

  /** UTF-8 size of the texts, the unit of every MB/s figure. */
  public static long utf8Bytes(List<String> texts) {
    long n = 0;
    for (String t : texts) {
      n += t.getBytes(StandardCharsets.UTF_8).length;
    }
    return n;
  }
}
