package dev.lethe.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.pipeline.run.BuildRequest;
import dev.lethe.pipeline.run.SnapshotBuilder;
import dev.lethe.pipeline.sink.DocumentLines;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.pipeline.sink.Snapshot;
import dev.lethe.pipeline.sink.ZstdLines;
import dev.lethe.platform.training.TrainingSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Inputs and snapshots for tests. */
public final class Fixtures {
  public static final Pseudonyms KEY = Pseudonyms.of("test-pseudonym-key-32-bytes-long!!".getBytes(StandardCharsets.US_ASCII));

  /** Sentences with personal information the filter masks, and plain ones. */
  static final String[] PII = {
      "Write to me at %s.lastname%d@mailbox.example-mail.com before Friday.",
      "My number is +44 20 7946 %04d if the courier is late.",
      "Transfer it to DE89 3704 0044 0532 0130 00, reference %d.",
      "The appointment is on 14 March 2025 at %d o'clock.",
  };
  static final String[] PLAIN = {
      "The harbour bridge reopens to cyclists on Saturday after eight months of repairs.",
      "Feed the sourdough starter equal weights of flour and water every morning.",
      "The village fete returns on the green with a dog show and a cake stall.",
      "Bake at 180 degrees for 45 minutes, then pour over the juice of one lemon.",
      "Markets closed higher on Friday as energy shares rallied.",
  };

  private Fixtures() {}

  /** A site folder with a robots.txt that disallows /private/ for everyone. */
  public static void site(Path web, String host, String robots) throws IOException {
    Path d = web.resolve("sites").resolve(host);
    Files.createDirectories(d);
    Files.writeString(d.resolve("robots.txt"), robots);
  }

  public static ObjectNode page(String url, String text) {
    ObjectNode o = Jsonl.MAPPER.createObjectNode();
    o.put("url", url);
    o.put("text", text);
    o.put("fetched_at", "2025-05-01T10:00:00Z");
    o.putObject("headers").put("content-type", "text/html; charset=utf-8");
    return o;
  }

  public static void writeLines(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  /**
   * A deterministic mixed crawl and partner set of {@code n} records: pages of three sites (one disallowing
   * /private/), a people-search page now and then, partner records under allowed and refused licences,
   * repeated texts, personal information in a third of them, and a few bad lines.
   */
  public static void mixedInputs(Path web, Path partner, int n, long seed) throws IOException {
    Random rnd = new Random(seed);
    site(web, "news.example-daily.com", "User-agent: *\nDisallow: /private/\n");
    site(web, "blog.juniper-notes.org", "User-agent: *\nAllow: /\n");
    List<String> pages = new ArrayList<>();
    List<String> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String text = text(rnd, i);
      if (i % 2 == 0) {
        String host = switch (rnd.nextInt(10)) {
          case 0 -> "www.spokeo.com";
          case 1, 2, 3, 4 -> "news.example-daily.com";
          default -> "blog.juniper-notes.org";
        };
        String path = rnd.nextInt(6) == 0 ? "/private/" + i : "/posts/" + i;
        pages.add(rnd.nextInt(50) == 0 ? "{\"url\": \"https://" + host + path + "\", \"text\": " : page("https://" + host + path, text).toString());
      } else {
        ObjectNode o = Jsonl.MAPPER.createObjectNode();
        o.put("id", "r" + i);
        o.put("text", text);
        o.put("licence", rnd.nextInt(4) == 0 ? "All-Rights-Reserved" : "CC-BY-4.0");
        records.add(o.toString());
      }
    }
    writeLines(web.resolve("pages.jsonl"), pages);
    writeLines(partner.resolve("partner.jsonl"), records);
  }

  static String text(Random rnd, int i) {
    if (rnd.nextInt(8) == 0) {
      return PLAIN[rnd.nextInt(PLAIN.length)];  // exact duplicates across sources
    }
    StringBuilder b = new StringBuilder();
    int sentences = 1 + rnd.nextInt(4);
    for (int s = 0; s < sentences; s++) {
      if (rnd.nextInt(3) == 0) {
        String t = PII[rnd.nextInt(PII.length)];
        b.append(t.startsWith("Write") ? String.format(t, "ana", i) : String.format(t, i % 10000)).append(' ');
      } else {
        b.append(PLAIN[rnd.nextInt(PLAIN.length)]).append(' ');
      }
    }
    return b.append("Record ").append(i).append('.').toString();
  }

  public static BuildRequest request(PipelineConfig cfg, TrainingSource store, Path web, Path partner, Path out, int threads, int canaries) {
    return new BuildRequest(cfg, KEY, store, store == null ? null : "test store", web == null ? List.of() : List.of(web),
        partner == null ? List.of() : List.of(partner), out, threads, canaries, null);
  }

  public static SnapshotBuilder.Result build(PipelineConfig cfg, TrainingSource store, Path web, Path partner, Path out, int threads) {
    try {
      return SnapshotBuilder.build(request(cfg, store, web, partner, out, threads, 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a folder tree. */
  public static void delete(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Every document of a snapshot, shard by shard. */
  public static List<TrainingDocument> documents(Path dir) throws IOException {
    List<TrainingDocument> out = new ArrayList<>();
    for (Manifest.Shard s : Manifest.read(dir).shards()) {
      try (BufferedReader r = ZstdLines.reader(dir.resolve(s.file()))) {
        String line;
        while ((line = r.readLine()) != null) {
          out.add(DocumentLines.document(line));
        }
      }
    }
    return out;
  }

  public static List<Exclusion> exclusions(Path dir) throws IOException {
    List<Exclusion> out = new ArrayList<>();
    try (BufferedReader r = ZstdLines.reader(dir.resolve(Snapshot.EXCLUSIONS))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(DocumentLines.exclusion(line));
      }
    }
    return out;
  }
}
