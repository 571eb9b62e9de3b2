package dev.lethe.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.Fixtures;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.sink.Manifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;

/**
 * Bad inputs a build must survive, as data, so that every runner runs the same list: the local runner in
 * {@link BadInputTest}, a distributed runner in its own test. Each case writes a crawl folder (and a partner
 * folder) holding one kind of damage beside good records and says what the build must make of it: the
 * number of documents built and the exclusions expected (file and line or offset, reason, a fragment of the
 * detail); none may stop the build. Every crawl folder has {@code sites/a.example.org/robots.txt} allowing everything and
 * {@code good.jsonl} with {@link #GOOD} pages on that host.
 */
public final class BadInputs {
  /** Pages in every case's {@code good.jsonl}. */
  public static final int GOOD = 2;

  /** Writes the damaged inputs of a case into its crawl and partner folders. */
  @FunctionalInterface
  public interface Setup {
    void write(Path web, Path partner) throws IOException;
  }

  /**
   * One expected exclusion.
   *
   * @param origin regular expression the exclusion's origin must match ({@code p.jsonl:2}, {@code c.warc@\d+})
   * @param reason its reason
   * @param detail a fragment its detail must contain
   */
  public record Expected(String origin, Reason reason, String detail) {}

  /**
   * One bad input.
   *
   * @param name          short name, also the test's display name
   * @param setup         writes the inputs
   * @param config        the configuration to build with (limits lowered to keep a case small)
   * @param documents     documents the build must write
   * @param exclusions    exactly the exclusions it must log, in input order
   * @param needsNonRoot  file permissions must be enforced (not so for root): skip otherwise
   */
  public record Case(String name, Setup setup, UnaryOperator<PipelineConfig> config, int documents,
      List<Expected> exclusions, boolean needsNonRoot) {
    @Override
    public String toString() {
      return name;
    }
  }

  private BadInputs() {}

  /** Writes the crawl and partner folders of {@code c} under {@code dir}: {@code dir/web} and {@code dir/partner}. */
  public static void write(Case c, Path dir) throws IOException {
    base(dir.resolve("web"), dir.resolve("partner"));
    c.setup().write(dir.resolve("web"), dir.resolve("partner"));
  }

  /**
   * Checks the snapshot a runner built from {@code c}'s inputs: exactly the expected exclusions in input order
   * (origin, reason, detail), the expected number of documents, and conservation.
   */
  public static void check(Case c, Path snapshot) throws IOException {
    Manifest.Counts counts = Manifest.read(snapshot).counts();
    List<Exclusion> excluded = Fixtures.exclusions(snapshot);
    assertThat(excluded).as("exclusions of %s", c.name()).hasSameSizeAs(c.exclusions());
    for (int i = 0; i < excluded.size(); i++) {
      Exclusion e = excluded.get(i);
      Expected x = c.exclusions().get(i);
      assertThat(e.origin()).as("origin of exclusion %d", i).matches(x.origin());
      assertThat(e.reason()).as("reason of %s", e.origin()).isEqualTo(x.reason());
      assertThat(e.detail()).as("detail of %s", e.origin()).contains(x.detail());
    }
    if (c.documents() >= 0) {
      assertThat(counts.documentsOut()).isEqualTo(c.documents());
    } else {
      assertThat(counts.documentsOut()).isGreaterThanOrEqualTo(GOOD);
    }
    assertThat(counts.recordsIn()).isEqualTo(counts.documentsOut() + counts.excluded());
    assertThat(Fixtures.documents(snapshot)).hasSize((int) counts.documentsOut());
  }

  /** Whether the permission cases can mean anything here: root reads every file. */
  public static boolean permissionsEnforced() {
    return !"root".equals(System.getProperty("user.name"));
  }

  /** Every case. */
  public static List<Case> all() {
    List<Case> c = new ArrayList<>();
    c.add(ok("20 MB JSONL line over max_record_bytes", (web, p) -> jsonl(web.resolve("p.jsonl"),
        page("big1"), "{\"url\": \"https://a.example.org/big\", \"text\": \"" + "x".repeat(20 << 20) + "\"}", page("big2")),
        GOOD + 2, ex("p\\.jsonl:2", Reason.UNREADABLE, "line of 20971568 bytes is over the limit of 8388608 bytes (max_record_bytes)")));
    c.add(new Case("line over a lowered max_record_bytes", (web, p) -> jsonl(web.resolve("p.jsonl"),
        page("s1"), "{\"url\": \"https://a.example.org/s\", \"text\": \"" + "y".repeat(5000) + "\"}"),
        cfg -> cfg.withReadLimits(4096, null), GOOD + 1,
        List.of(ex("p\\.jsonl:2", Reason.UNREADABLE, "over the limit of 4096 bytes (max_record_bytes)")), false));
    c.add(ok("nested JSON bomb", (web, p) -> jsonl(web.resolve("p.jsonl"),
        "{\"url\": \"https://a.example.org/b\", \"text\": \"t\", \"h\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}", page("b1")),
        GOOD + 1, ex("p\\.jsonl:1", Reason.UNREADABLE, "JSON nested deeper than max_json_depth (64)")));
    c.add(ok("5000-digit number", (web, p) -> jsonl(web.resolve("p.jsonl"),
        "{\"url\": \"https://a.example.org/n\", \"text\": \"t\", \"n\": " + "9".repeat(5000) + "}"),
        GOOD, ex("p\\.jsonl:1", Reason.UNREADABLE, "JSON number longer than 1000 digits")));
    c.add(ok("invalid UTF-8", (web, p) -> Files.write(web.resolve("p.jsonl"),
        concat(line(page("u1")), "{\"url\": \"https://a.example.org/u\", \"text\": \"caf".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xe9}, "\"}\n".getBytes(StandardCharsets.UTF_8))),
        GOOD + 1, ex("p\\.jsonl:2", Reason.UNREADABLE, "invalid UTF-8 at byte offset 47 of the line")));
    c.add(ok("NUL bytes, raw and escaped", (web, p) -> Files.write(web.resolve("p.jsonl"), concat(
        "{\"url\": \"https://a.example.org/n1\", \"text\": \"a\0b\"}\n".getBytes(StandardCharsets.UTF_8),
        "{\"url\": \"https://a.example.org/n2\", \"text\": \"bin\\u0000ary\"}\n".getBytes(StandardCharsets.UTF_8))),
        GOOD, ex("p\\.jsonl:1", Reason.UNREADABLE, "invalid JSON at column"),
        ex("p\\.jsonl:2", Reason.NOT_TEXT, "NUL characters")));
    c.add(ok("truncated gzip", (web, p) -> {
      byte[] gz = gzip(lines(200));
      Files.write(web.resolve("a.jsonl.gz"), Arrays.copyOf(gz, gz.length - 200));
    }, -1, ex("a\\.jsonl\\.gz:\\d+", Reason.UNREADABLE, "unexpected end of data (truncated file); rest of the file skipped")));
    c.add(ok("corrupt gzip", (web, p) -> {
      byte[] gz = gzip(lines(200));
      for (int i = 40; i < 80; i++) {
        gz[i] ^= 0x5a;
      }
      Files.write(web.resolve("a.jsonl.gz"), gz);
    }, -1, ex("a\\.jsonl\\.gz(:\\d+)?", Reason.UNREADABLE, "corrupt gzip data")));
    c.add(ok("plain text named .gz", (web, p) -> jsonl(web.resolve("a.jsonl.gz"), page("g1")),
        GOOD, ex("a\\.jsonl\\.gz", Reason.UNREADABLE, "cannot read the file: corrupt gzip data (Not in GZIP format)")));
    c.add(ok("corrupt zstd", (web, p) -> Files.write(web.resolve("a.jsonl.zst"),
        new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 1, 2, 3, 4, 5, 6, 7, 8}),
        GOOD, ex("a\\.jsonl\\.zst(:\\d+)?", Reason.UNREADABLE, "cannot read")));
    c.add(ok("empty files of every kind", (web, p) -> {
      for (String n : List.of("e.jsonl", "e.jsonl.gz", "e.jsonl.zst", "e.warc", "e.warc.gz", "e.wet.gz")) {
        Files.write(web.resolve(n), new byte[0]);
      }
      Files.write(p.resolve("e.jsonl"), new byte[0]);
      Files.write(p.resolve("e.meta.json"), "{\"licence\": \"CC0-1.0\"}".getBytes(StandardCharsets.UTF_8));
    }, GOOD));
    c.add(ok("1 MB robots.txt of random bytes", (web, p) -> {
      site(web, "b.example.org", random(1 << 20, 1, null));
      jsonl(web.resolve("p.jsonl"), "{\"url\": \"https://b.example.org/x\", \"text\": \"hello\"}");
    }, GOOD, ex("p\\.jsonl:1", Reason.ROBOTS_UNAVAILABLE, "robots.txt is binary: treated as disallow")));
    c.add(ok("1 MB robots.txt of printable garbage", (web, p) -> {
      site(web, "b.example.org", random(1 << 20, 2, "abcdefgh:/* \n"));
      jsonl(web.resolve("p.jsonl"), "{\"url\": \"https://b.example.org/x\", \"text\": \"hello\"}");
    }, GOOD, ex("p\\.jsonl:1", Reason.ROBOTS_UNAVAILABLE, "no user-agent, allow, disallow or sitemap line")));
    c.add(ok("tdmrep.json bomb", (web, p) -> {
      Files.writeString(web.resolve("sites/a.example.org/tdmrep.json"), "[".repeat(100_000) + "]".repeat(100_000));
      jsonl(web.resolve("p.jsonl"), page("t1"));
    }, 0, ex("good\\.jsonl:1", Reason.TDM_RESERVED, "tdmrep.json cannot be parsed"),
        ex("good\\.jsonl:2", Reason.TDM_RESERVED, "tdmrep.json cannot be parsed"),
        ex("p\\.jsonl:1", Reason.TDM_RESERVED, "tdmrep.json cannot be parsed")));
    c.add(ok("broken symlink", (web, p) -> Files.createSymbolicLink(web.resolve("dangling.jsonl"), web.resolve("missing.jsonl")),
        GOOD, ex("dangling\\.jsonl", Reason.UNREADABLE, "cannot read the file: no such file (a broken link?)")));
    c.add(ok("symlink loop", (web, p) -> Files.createSymbolicLink(web.resolve("loop.jsonl"), Path.of("loop.jsonl")),
        GOOD, ex("loop\\.jsonl", Reason.UNREADABLE, "cannot read the file: too many levels of symbolic links")));
    c.add(ok("symlink loop among the site folders", (web, p) -> Files.createSymbolicLink(web.resolve("sites/self"), Path.of(".")),
        GOOD));
    c.add(new Case("unreadable file", (web, p) -> {
      jsonl(web.resolve("a.jsonl"), page("r1"));
      Files.setPosixFilePermissions(web.resolve("a.jsonl"), PosixFilePermissions.fromString("---------"));
    }, cfg -> cfg, GOOD, List.of(ex("a\\.jsonl", Reason.UNREADABLE, "cannot read the file: permission denied")), true));
    c.add(new Case("unreadable robots.txt", (web, p) -> Files.setPosixFilePermissions(web.resolve("sites/a.example.org/robots.txt"),
        PosixFilePermissions.fromString("---------")), cfg -> cfg, 0,
        List.of(ex("good\\.jsonl:1", Reason.ROBOTS_UNAVAILABLE, "robots.txt cannot be read (permission denied)"),
            ex("good\\.jsonl:2", Reason.ROBOTS_UNAVAILABLE, "robots.txt cannot be read (permission denied)")), true));
    c.add(ok("truncated WARC", (web, p) -> {
      byte[] w = concat(warc("w1", false), warc("w2", false), warc("w3", false));
      Files.write(web.resolve("c.warc"), Arrays.copyOf(w, w.length - 60));
    }, GOOD + 2, ex("c\\.warc@\\d+", Reason.UNREADABLE, "")));
    c.add(ok("truncated WARC gzip member", (web, p) -> {
      byte[] w = concat(warc("w1", true), warc("w2", true), warc("w3", true));
      Files.write(web.resolve("c.warc.gz"), Arrays.copyOf(w, w.length - 60));
    }, GOOD + 2, ex("c\\.warc\\.gz@\\d+", Reason.UNREADABLE, "")));
    c.add(ok("corrupt WARC gzip member", (web, p) -> {
      byte[] first = warc("w1", true);
      byte[] second = warc("w2", true);
      for (int i = 30; i < 50; i++) {
        second[i] ^= 0x33;
      }
      Files.write(web.resolve("c.warc.gz"), concat(first, second, warc("w3", true)));
    }, GOOD + 1, ex("c\\.warc\\.gz@" + gzippedLength("w1"), Reason.UNREADABLE, "bad WARC record (corrupt gzip data")));
    c.add(ok("random bytes named .warc", (web, p) -> Files.write(web.resolve("g.warc"), random(4096, 3, null)),
        GOOD, ex("g\\.warc@0", Reason.UNREADABLE, "bad WARC record (invalid WARC record at position 0)")));
    c.add(new Case("WARC body over max_record_bytes", (web, p) -> Files.write(web.resolve("h.warc"),
        concat(warcRecord("https://a.example.org/huge", "text/html", null, ("<p>" + "word ".repeat(40_000) + "</p>").getBytes(StandardCharsets.UTF_8)),
            warc("h2", false))),
        cfg -> cfg.withReadLimits(64 << 10, null), GOOD + 1,
        List.of(ex("h\\.warc@0", Reason.UNREADABLE, "body over max_record_bytes (65536)")), false));
    c.add(ok("gzip bomb as HTTP Content-Encoding", (web, p) -> Files.write(web.resolve("z.warc"),
        warcRecord("https://a.example.org/bomb", "text/html", "gzip", gzip(new byte[64 << 20]))),
        GOOD, ex("z\\.warc@0", Reason.UNREADABLE, "body over max_record_bytes (8388608)")));
    c.add(ok("partner sidecar that is not JSON", (web, p) -> {
      jsonl(p.resolve("x.jsonl"), "{\"text\": \"no licence here\"}", "{\"text\": \"own licence\", \"licence\": \"CC0-1.0\"}");
      Files.writeString(p.resolve("x.meta.json"), "{\"licence\": ");
    }, GOOD + 1, ex("x\\.jsonl:1", Reason.UNREADABLE, "no licence of its own, and x.meta.json cannot be used: invalid JSON")));
    c.add(ok("partner sidecar bomb", (web, p) -> {
      jsonl(p.resolve("x.jsonl"), "{\"text\": \"no licence here\"}");
      Files.writeString(p.resolve("x.meta.json"), "[".repeat(100_000) + "]".repeat(100_000));
    }, GOOD, ex("x\\.jsonl:1", Reason.UNREADABLE, "x.meta.json cannot be used: JSON nested deeper than max_json_depth (64)")));
    c.add(ok("empty partner sidecar", (web, p) -> {
      jsonl(p.resolve("x.jsonl"), "{\"text\": \"no licence here\"}");
      Files.writeString(p.resolve("x.meta.json"), "");
    }, GOOD, ex("x\\.jsonl:1", Reason.UNREADABLE, "x.meta.json cannot be used: empty file")));
    return List.copyOf(c);
  }

  private static Case ok(String name, Setup setup, int documents, Expected... exclusions) {
    return new Case(name, setup, cfg -> cfg, documents, List.of(exclusions), false);
  }

  private static Expected ex(String origin, Reason reason, String detail) {
    return new Expected(origin, reason, detail);
  }

  /** A page on the allowed host, as one JSONL line. */
  static String page(String path) {
    return "{\"url\": \"https://a.example.org/" + path + "\", \"text\": \"An ordinary page about gardening, " + path + ".\"}";
  }

  /** The crawl folder every case starts from. */
  private static void base(Path web, Path partner) throws IOException {
    Files.createDirectories(partner);
    site(web, "a.example.org", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.US_ASCII));
    jsonl(web.resolve("good.jsonl"), page("good1"), page("good2"));
  }

  static void site(Path web, String host, byte[] robots) throws IOException {
    Path d = web.resolve("sites").resolve(host);
    Files.createDirectories(d);
    Files.write(d.resolve("robots.txt"), robots);
  }

  static void jsonl(Path file, String... lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private static byte[] line(String s) {
    return (s + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] lines(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(page("many" + i)).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] random(int n, long seed, String alphabet) {
    Random rnd = new Random(seed);
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = alphabet == null ? (byte) rnd.nextInt(256) : (byte) alphabet.charAt(rnd.nextInt(alphabet.length()));
    }
    return b;
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static int gzippedLength(String path) {
    try {
      return warc(path, true).length;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A small HTML response record for {@code https://a.example.org/<path>}, gzipped as its own member when asked. */
  private static byte[] warc(String path, boolean gzip) throws IOException {
    byte[] r = warcRecord("https://a.example.org/" + path, "text/html; charset=utf-8", null,
        ("<html><body><p>A page about hedges, " + path + ".</p></body></html>").getBytes(StandardCharsets.UTF_8));
    return gzip ? gzip(r) : r;
  }

  /** A WARC/1.0 response record holding an HTTP/1.1 200 response with this body. */
  public static byte[] warcRecord(String url, String contentType, String contentEncoding, byte[] body) {
    byte[] http = concat(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n"
        + (contentEncoding == null ? "" : "Content-Encoding: " + contentEncoding + "\r\n")
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body);
    return warcRecord("response", url, "application/http; msgtype=response", "", http);
  }

  /** A WARC/1.0 record of any type; {@code extraFields} are further header lines, each ending in CRLF. */
  public static byte[] warcRecord(String type, String url, String contentType, String extraFields, byte[] block) {
    byte[] head = ("WARC/1.0\r\nWARC-Type: " + type + "\r\n" + (url == null ? "" : "WARC-Target-URI: " + url + "\r\n")
        + "WARC-Date: 2025-05-01T10:00:00Z\r\n"
        + "WARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes((type + url).getBytes(StandardCharsets.UTF_8)) + ">\r\n"
        + extraFields + "Content-Type: " + contentType + "\r\nContent-Length: " + block.length + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    return concat(head, block, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }
}
