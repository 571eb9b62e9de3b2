package dev.lethe.bench.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.platform.controls.Actors;
import dev.lethe.platform.controls.Conversation;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.store.Database;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Writes a realistic mixed input of about {@code GB} gigabytes for {@code lethe build}:
 *
 * <ul>
 *   <li>{@code workspace/lethe.db}: users and chat conversations recorded through the data-controls services
 *       (about 15% of the bytes; some users opted out, some temporary chats, some memories);
 *   <li>{@code web/pages-NN.jsonl}: crawled pages of 60 sites (about 60%), with {@code web/sites/<host>/robots.txt}
 *       (some paths disallowed, a few sites without robots.txt) and a few people-search hosts;
 *   <li>{@code partner/partner-NN.jsonl}: partner records (about 25%) under allowed and refused licences.
 * </ul>
 *
 * <pre>java -cp lethe-bench/target/benchmarks.jar dev.lethe.bench.pipeline.GenerateCorpus OUT [GB=1.0] [SEED=7]</pre>
 */
public final class GenerateCorpus {
  private static final long FILE_BYTES = 128L << 20;

  private GenerateCorpus() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "corpus");
    double gb = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
    long total = (long) (gb * 1e9);
    Files.createDirectories(out);
    TextMaker text = new TextMaker(seed);
    long t0 = System.nanoTime();
    long store = conversations(out.resolve("workspace"), text, (long) (total * 0.15));
    long web = web(out.resolve("web"), text, (long) (total * 0.60));
    long partner = partner(out.resolve("partner"), text, (long) (total * 0.25));
    System.out.printf(Locale.ROOT, "wrote %.2f GB in %.0f s: store %.0f MB of message text, web %.0f MB, partner %.0f MB%n",
        (store + web + partner) / 1e9, (System.nanoTime() - t0) / 1e9, store / 1e6, web / 1e6, partner / 1e6);
  }

  static long conversations(Path ws, TextMaker text, long bytes) throws IOException {
    Files.createDirectories(ws);
    long written = 0;
    try (Database db = Database.sqlite(ws.resolve("lethe.db"), Clock.systemUTC());
        DataControls dc = DataControls.builder(db, ws).build()) {
      int u = 0;
      while (written < bytes) {
        String user = dc.accounts().register("user" + u + "." + text.email(), text.name(), u % 5 != 0, true).user().id();
        u++;
        int convs = 1 + text.nextInt(8);
        for (int c = 0; c < convs && written < bytes; c++) {
          Conversation conv = dc.conversations().start(Actors.INGEST, user, "Chat " + c, text.nextInt(10) == 0);
          int messages = 2 + 2 * text.nextInt(4);
          for (int m = 0; m < messages; m++) {
            String t = text.document(150 + text.nextInt(900), 0.12, true);
            dc.conversations().addMessage(Actors.INGEST, conv.id(), m % 2 == 0 ? "user" : "assistant", t);
            written += t.getBytes(StandardCharsets.UTF_8).length;
          }
          if (text.nextInt(6) == 0) {
            dc.memories().save(Actors.INGEST, user, null, text.document(80 + text.nextInt(200), 0.3, true));
          }
        }
        if (u % 500 == 0) {
          System.out.printf(Locale.ROOT, "  store: %d users, %.0f MB%n", u, written / 1e6);
        }
      }
    }
    return written;
  }

  static long web(Path dir, TextMaker text, long bytes) throws IOException {
    Files.createDirectories(dir);
    String[] hosts = new String[60];
    for (int i = 0; i < hosts.length; i++) {
      hosts[i] = switch (i % 20) {
        case 0 -> "www.spokeo.com";
        case 1 -> "www.whitepages.com";
        default -> "site" + i + ".example-" + (i % 3 == 0 ? "news" : i % 3 == 1 ? "blog" : "shop") + ".com";
      };
      if (i % 15 != 7) {  // a few sites have no stored robots.txt
        Path s = dir.resolve("sites").resolve(hosts[i]);
        Files.createDirectories(s);
        Files.writeString(s.resolve("robots.txt"), i % 4 == 0
            ? "User-agent: *\nDisallow: /private/\nDisallow: /*.pdf$\n\nUser-agent: LetheBot\nDisallow: /account/\nAllow: /\n"
            : "User-agent: *\nDisallow: /private/\nAllow: /\n");
      }
    }
    return jsonl(dir, "pages", bytes, (w, n) -> {
      String host = hosts[text.nextInt(hosts.length)];
      String path = text.nextInt(12) == 0 ? "/private/" + n : "/articles/" + n;
      ObjectNode o = Jsonl.MAPPER.createObjectNode();
      o.put("url", "https://" + host + path);
      o.put("text", text.document(800 + text.nextInt(5000), 0.06, false));
      o.put("fetched_at", "2025-05-01T10:00:00Z");
      ObjectNode h = o.putObject("headers");
      h.put("content-type", "text/html; charset=utf-8");
      if (n % 97 == 0) {
        h.put("tdm-reservation", "1");
      }
      if (n % 89 == 0) {
        o.put("status", 402);
      }
      return o.toString();
    });
  }

  static long partner(Path dir, TextMaker text, long bytes) throws IOException {
    Files.createDirectories(dir);
    String[] licences = {"CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "CC-BY-NC-4.0", "proprietary"};
    return jsonl(dir, "partner", bytes, (w, n) -> {
      ObjectNode o = Jsonl.MAPPER.createObjectNode();
      o.put("id", "rec-" + n);
      o.put("text", text.document(400 + text.nextInt(2600), 0.04, false));
      o.put("licence", licences[(int) (n % 7 == 0 ? 3 + n % 2 : n % 3)]);
      return o.toString();
    });
  }

  private interface Line {
    String make(BufferedWriter w, long n) throws IOException;
  }

  private static long jsonl(Path dir, String prefix, long bytes, Line line) throws IOException {
    long written = 0;
    long n = 0;
    int file = 0;
    while (written < bytes) {
      Path f = dir.resolve(String.format(Locale.ROOT, "%s-%02d.jsonl", prefix, file++));
      long inFile = 0;
      try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
        while (inFile < FILE_BYTES && written < bytes) {
          String l = line.make(w, n++);
          w.write(l);
          w.write('\n');
          long b = l.length() + 1;
          inFile += b;
          written += b;
        }
      }
    }
    return written;
  }
}
