package dev.lethe.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.pipeline.Fixtures;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.run.BadInputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real WARC files from the test suites of warcio and jwarc (see {@code warc/README.md} beside them for
 * origin and licence), and records those suites lack, read as a crawl: which records become pages, with
 * what text, URL, status and language, and how damage is reported.
 */
class WarcFilesTest {
  @TempDir Path tmp;

  @Test
  void responseWithGzipContentEncodingIsReadAndRequestRevisitWarcinfoAreNot() throws Exception {
    for (String f : List.of("example.warc", "example.warc.gz")) {
      List<SourceRecord> recs = read(f);  // warcinfo x2, response, request, revisit, request
      assertThat(recs).as(f).hasSize(1);
      SourceRecord r = recs.get(0);
      assertThat(r.web().url().toString()).isEqualTo("http://example.com/");
      assertThat(r.web().status()).isEqualTo(200);
      assertThat(r.web().header("content-encoding")).isEqualTo("gzip");
      assertThat(r.text()).startsWith("Example Domain\nThis domain is established to be used for illustrative examples");
      assertThat(r.web().html()).contains("<title>Example Domain</title>");
    }
  }

  @Test
  void chunkedTransferEncodingIsUndone() throws Exception {
    List<SourceRecord> recs = read("example-iana.org-chunked.warc");
    assertThat(recs).hasSize(1);
    SourceRecord r = recs.get(0);
    assertThat(r.web().url().toString()).isEqualTo("http://www.iana.org/");
    assertThat(r.web().header("transfer-encoding")).isEqualTo("chunked");
    assertThat(r.text()).startsWith("Internet Assigned Numbers Authority").contains("The global coordination of the DNS Root");
    assertThat(r.web().html()).startsWith("<!doctype html>").doesNotContainPattern("\r\n[0-9a-f]{1,6}\r\n");
  }

  @Test
  void jsonResponsesBesidePostRequestsAreRead() throws Exception {
    List<SourceRecord> recs = read("post-test.warc.gz");
    assertThat(recs).extracting(r -> r.web().url().toString())
        .containsExactly("http://httpbin.org/post", "http://httpbin.org/post", "http://httpbin.org/post?foo=bar");
    assertThat(recs).allSatisfy(r -> assertThat(r.web().header("content-type")).isEqualTo("application/json"));
    assertThat(recs.get(0).text()).contains("\"foo\": \"bar\"");
    assertThat(recs.get(0).id()).isEqualTo(recs.get(1).id());  // the same URL twice: the sink keeps the first
  }

  @Test
  void aCommonCrawlResponseGetsItsLanguageFromTheHtml() throws Exception {
    List<SourceRecord> recs = read("cc.warc.gz");
    assertThat(recs).hasSize(1);
    assertThat(recs.get(0).web().url().toString()).isEqualTo("http://commoncrawl.org/");
    assertThat(recs.get(0).language()).isEqualTo("en-US");
    assertThat(recs.get(0).text()).contains("open repository of web crawl data").doesNotContain("<div", "function(");
  }

  @Test
  void aGzipMemberWithAnExtraFieldAndResourceRecordsAreNoPages() throws Exception {
    assertThat(read("gzip_extra_sl.warc.gz")).isEmpty();  // one warcinfo record
    assertThat(read("example-resource.warc.gz")).isEmpty();  // warcinfo and a resource record: not a crawl response
  }

  @Test
  void aResponseWithATruncatedGzipBodyIsUnreadableAtItsOffsetAndSoIsWhatCannotBeLocatedAfterIt() throws Exception {
    List<SourceRecord> recs = read("example-trunc.warc");
    assertThat(recs).extracting(SourceRecord::origin).containsExactly("example-trunc.warc@1197", "example-trunc.warc@2560");
    assertThat(recs).extracting(SourceRecord::unreadable).containsExactly(
        "bad HTTP response in WARC record (unexpected end of data (truncated file))",
        "bad WARC record (invalid WARC record at position 0): rest of file skipped");
  }

  @Test
  void charsetComesFromTheHeaderElseAMetaTagElseUtf8() throws Exception {
    Charset latin1 = StandardCharsets.ISO_8859_1;
    Path f = tmp.resolve("charsets.warc");
    Files.write(f, BadInputs.concat(
        BadInputs.warcRecord("https://a.example.org/header", "text/html; charset=ISO-8859-1", null,
            "<p>Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e</p>".getBytes(latin1)),
        BadInputs.warcRecord("https://a.example.org/meta", "text/html", null,
            "<html><head><meta charset=\"windows-1252\"></head><body><p>\u201cQuoted\u201d \u2013 na\u00efve</p></body></html>"
                .getBytes(Charset.forName("windows-1252"))),
        BadInputs.warcRecord("https://a.example.org/http-equiv", "text/html", null,
            ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head>"
                + "<body><p>\u6771\u4eac\u306e\u5929\u6c17</p></body></html>").getBytes(Charset.forName("Shift_JIS"))),
        BadInputs.warcRecord("https://a.example.org/header-wins", "text/html; charset=ISO-8859-1", null,
            "<html><head><meta charset=\"utf-8\"></head><body><p>Gr\u00fc\u00dfe</p></body></html>".getBytes(latin1)),
        BadInputs.warcRecord("https://a.example.org/unknown", "text/html; charset=no-such-charset", null,
            "<p>\u00a1Hola, se\u00f1or!</p>".getBytes(StandardCharsets.UTF_8)),
        BadInputs.warcRecord("https://a.example.org/plain", "text/plain; charset=windows-1252", null,
            "\u201cplain\u201d".getBytes(Charset.forName("windows-1252")))));
    List<SourceRecord> recs = read(new WarcSource(f, Fixtures.KEY, ReadLimits.DEFAULT));
    assertThat(recs).extracting(SourceRecord::text).containsExactly("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e",
        "\u201cQuoted\u201d \u2013 na\u00efve", "\u6771\u4eac\u306e\u5929\u6c17", "Gr\u00fc\u00dfe", "\u00a1Hola, se\u00f1or!",
        "\u201cplain\u201d");
  }

  @Test
  void wetConversionRecordsAreTextAndMetadataRecordsAreSkipped() throws Exception {
    // The layout of Common Crawl's WET files: a warcinfo record, then one conversion record per page.
    String text = "Allotment notes\nSow broad beans in late autumn for an early crop.";
    Path f = tmp.resolve("crawl.warc.wet.gz");
    Files.write(f, BadInputs.concat(
        BadInputs.gzip(BadInputs.warcRecord("warcinfo", null, "application/warc-fields", "",
            "Software-Info: ia-web-commons\r\nExtracted-Date: Thu, 01 May 2025 10:00:00 GMT\r\n".getBytes(StandardCharsets.UTF_8))),
        BadInputs.gzip(BadInputs.warcRecord("conversion", "https://a.example.org/allotment", "text/plain",
            "WARC-Refers-To: <urn:uuid:8b1f0bd2-3d4c-4d57-9c53-6d3e6a9c1a10>\r\nWARC-Identified-Content-Language: eng\r\n",
            text.getBytes(StandardCharsets.UTF_8))),
        BadInputs.gzip(BadInputs.warcRecord("metadata", "https://a.example.org/allotment", "application/warc-fields", "",
            "fetchTimeMs: 565\r\nhopsFromSeed: L\r\n".getBytes(StandardCharsets.UTF_8))),
        BadInputs.gzip(BadInputs.warcRecord("conversion", "https://a.example.org/compost", "text/plain; charset=utf-8", "",
            "Turn the heap every month. \u00c7a marche.".getBytes(StandardCharsets.UTF_8)))));
    List<SourceRecord> recs = read(new WarcSource(f, Fixtures.KEY, ReadLimits.DEFAULT));
    assertThat(recs).extracting(SourceRecord::text).containsExactly(text, "Turn the heap every month. \u00c7a marche.");
    assertThat(recs.get(0).web().url().toString()).isEqualTo("https://a.example.org/allotment");
    assertThat(recs.get(0).origin()).matches("crawl\\.warc\\.wet\\.gz@\\d+");
  }

  private List<SourceRecord> read(String resource) throws IOException {
    Path f = tmp.resolve(resource);
    try (InputStream in = WarcFilesTest.class.getResourceAsStream("/dev/lethe/pipeline/warc/" + resource)) {
      Files.write(f, in.readAllBytes());
    }
    return read(new WarcSource(f, Fixtures.KEY, ReadLimits.DEFAULT));
  }

  private static List<SourceRecord> read(WarcSource s) {
    List<SourceRecord> out = new ArrayList<>();
    RecordSource.InputDigest d = s.read(out::add);
    assertThat(d.records()).isEqualTo(out.size());
    return out;
  }
}
