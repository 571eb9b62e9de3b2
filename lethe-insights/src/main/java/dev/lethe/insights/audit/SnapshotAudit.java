package dev.lethe.insights.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.pipeline.TrainingDocument;
import dev.lethe.pipeline.audit.Canaries;
import dev.lethe.pipeline.sink.DocumentLines;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.pipeline.sink.Snapshot;
import dev.lethe.pipeline.sink.ZstdLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The audit of a built snapshot folder (docs/pipeline.md): documents from its shards in manifest order, each with
 * the pseudonymous subject its lineage records, and the canaries the build planted.
 */
public final class SnapshotAudit {
  private SnapshotAudit() {}

  /**
   * Audits {@code dir}; {@code scores} is a JSONL file of model scores of planted canaries
   * ({@code {"canary": "...", "score": -12.5, "references": [-20.1, ...]}}, higher is more likely), or null.
   */
  public static AuditReport audit(Path dir, Path scores, Auditor.Options options) throws IOException {
    if (!Snapshot.complete(dir)) {
      throw new IllegalArgumentException(dir + ": no manifest.json, not a finished snapshot");
    }
    Manifest m = Manifest.read(dir);
    Map<String, String> subjects = subjects(dir);
    List<String> canaries = Canaries.read(dir).stream().map(Canaries.Planted::value).toList();
    List<Auditor.CanaryScore> scored = scores == null ? List.of() : scores(scores);
    return Auditor.audit(m.snapshotId(), () -> documents(dir, m, subjects), canaries, scored, options);
  }

  private static Map<String, String> subjects(Path dir) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (BufferedReader r = ZstdLines.reader(dir.resolve(Snapshot.DOCUMENTS))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode o = Manifest.MAPPER.readTree(line);
        if (o.hasNonNull("subject")) {
          out.put(o.get("id").asText(), o.get("subject").asText());
        }
      }
    }
    return out;
  }

  private static Stream<AuditDocument> documents(Path dir, Manifest m, Map<String, String> subjects) {
    return m.shards().stream().flatMap(s -> {
      BufferedReader r;
      try {
        r = ZstdLines.reader(dir.resolve(s.file()));
      } catch (IOException e) {
        throw new UncheckedIOException(s.file() + ": " + e.getMessage(), e);
      }
      return r.lines().onClose(() -> {
        try {
          r.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).map(line -> {
        try {
          TrainingDocument d = DocumentLines.document(line);
          return new AuditDocument(d.id(), subjects.get(d.id()), d.text());
        } catch (IOException e) {
          throw new UncheckedIOException(s.file() + ": unreadable document line: " + e.getMessage(), e);
        }
      });
    });
  }

  /** Reads a canary scores file; a bad line is an error naming the file and line. */
  static List<Auditor.CanaryScore> scores(Path file) throws IOException {
    List<Auditor.CanaryScore> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode o = Manifest.MAPPER.readTree(line);
        JsonNode refs = o.get("references");
        if (!o.path("canary").isTextual() || !o.path("score").isNumber() || refs == null || !refs.isArray() || refs.isEmpty()) {
          throw new IllegalArgumentException("needs \"canary\" (string), \"score\" (number) and \"references\" (non-empty array)");
        }
        double[] r = new double[refs.size()];
        for (int i = 0; i < r.length; i++) {
          if (!refs.get(i).isNumber()) {
            throw new IllegalArgumentException("references[" + i + "] is not a number");
          }
          r[i] = refs.get(i).asDouble();
        }
        out.add(new Auditor.CanaryScore(o.get("canary").asText(), o.get("score").asDouble(), r));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage());
      }
    }
    return out;
  }
}
