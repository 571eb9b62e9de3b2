package dev.lethe.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.pipeline.Fixtures;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.run.DemoInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources read every record, keep going after bad ones, and say where the bad ones are without their content. */
class SourcesTest {
  @TempDir Path tmp;

  @Test
  void warcResponsesAndConversionsBecomePagesWithTextAndHeaders() throws Exception {
    DemoInputs.extract(tmp);
    List<SourceRecord> recs = read(new WarcSource(tmp.resolve("web/crawl.warc"), Fixtures.KEY, ReadLimits.DEFAULT));
    assertThat(recs).hasSize(5);  // the warcinfo record is not a document
    SourceRecord cake = recs.get(0);
    assertThat(cake.web().url().toString()).isEqualTo("https://recipes.hazelnut-kitchen.com/recipes/lemon-drizzle");
    assertThat(cake.web().status()).isEqualTo(200);
    assertThat(cake.web().header("content-type")).startsWith("text/html");
    assertThat(cake.language()).isEqualTo("en");
    assertThat(cake.text()).startsWith("Lemon drizzle cake\nCream 225 g butter").contains("+44 7700 900461")
        .doesNotContain("tracking", "color:red", "Home");
    assertThat(cake.origin()).startsWith("crawl.warc@");
    SourceRecord soda = recs.get(4);
    assertThat(soda.text()).startsWith("Soda bread needs no yeast");
    assertThat(soda.web().headers()).isEmpty();
    assertThat(recs).extracting(SourceRecord::id).doesNotHaveDuplicates();
  }

  @Test
  void truncatedWarcIsReportedAtItsOffsetAndEarlierRecordsSurvive() throws Exception {
    DemoInputs.extract(tmp);
    byte[] all = Files.readAllBytes(tmp.resolve("web/crawl.warc"));
    Path cut = tmp.resolve("cut.warc");
    Files.write(cut, java.util.Arrays.copyOf(all, 1400));
    List<SourceRecord> recs = read(new WarcSource(cut, Fixtures.KEY, ReadLimits.DEFAULT));
    assertThat(recs.get(0).text()).startsWith("Lemon drizzle");
    SourceRecord last = recs.get(recs.size() - 1);
    assertThat(last.unreadable()).isNotNull();
    assertThat(last.origin()).matches("cut\\.warc@\\d+");
  }

  @Test
  void badJsonlLinesAreUnreadableRecordsWithPositionAndNoContent() throws Exception {
    Path f = tmp.resolve("pages.jsonl");
    Files.write(f, List.of(
        Fixtures.page("https://a.example.org/1", "fine").toString(),
        "{\"url\": \"https://a.example.org/2\", \"text\": \"Maria Keller's secret",
        "{\"url\": \"https://a.example.org/3\"}",
        "{\"text\": \"no url\"}",
        "[1, 2]",
        "",
        Fixtures.page("https://a.example.org/4", "also fine").toString()));
    byte[] invalid = {'{', '"', 't', '"', ':', '"', (byte) 0xff, '"', '}', '\n'};
    Files.write(f, invalid, java.nio.file.StandardOpenOption.APPEND);
    List<SourceRecord> recs = read(new WebJsonlSource(f, Fixtures.KEY, ReadLimits.DEFAULT));
    assertThat(recs).extracting(SourceRecord::origin)
        .containsExactly("pages.jsonl:1", "pages.jsonl:2", "pages.jsonl:3", "pages.jsonl:4", "pages.jsonl:5", "pages.jsonl:7", "pages.jsonl:8");
    assertThat(recs).extracting(SourceRecord::unreadable)
        .containsExactly(null, "invalid JSON at column 66", "missing text", "missing url", "not a JSON object", null,
            "invalid UTF-8 at byte offset 6 of the line");
    assertThat(recs).extracting(SourceRecord::unreadable).noneMatch(s -> s != null && s.contains("Maria"));
    assertThat(recs.get(2).id()).isEqualTo(Fixtures.KEY.documentId(SourceKind.WEB, "https://a.example.org/3"));
  }

  @Test
  void partnerLicenceComesFromTheRecordOrTheSidecar() throws Exception {
    DemoInputs.extract(tmp);
    List<SourceRecord> wiki = read(new PartnerSource(tmp.resolve("partner/openwiki-extracts.jsonl"), Fixtures.KEY, ReadLimits.DEFAULT));
    assertThat(wiki).extracting(SourceRecord::licence).containsExactly("CC-BY-SA-4.0", "CC-BY-SA-4.0", "CC-BY-SA-4.0", "proprietary",
        "CC-BY-SA-4.0", "CC-BY-SA-4.0");
    List<SourceRecord> qa = read(new PartnerSource(tmp.resolve("partner/qa-forum.jsonl"), Fixtures.KEY, ReadLimits.DEFAULT));
    assertThat(qa).extracting(SourceRecord::licence).containsExactly("CC0-1.0", "CC-BY-NC-4.0", null);
    assertThat(qa).extracting(SourceRecord::subject).containsOnlyNulls();
  }

  @Test
  void aLineUnderARaisedLimitIsReadWhateverJacksonsDefaultStringLimit() throws Exception {
    Path f = tmp.resolve("big.jsonl");
    String text = "z".repeat(21_000_000);  // over Jackson's default 20,000,000-char string limit
    Files.writeString(f, "{\"url\": \"https://a.example.org/big\", \"text\": \"" + text + "\"}\n");
    List<SourceRecord> recs = read(new WebJsonlSource(f, Fixtures.KEY, new ReadLimits(32 << 20, 64)));
    assertThat(recs).hasSize(1);
    assertThat(recs.get(0).unreadable()).isNull();
    assertThat(recs.get(0).text()).hasSize(21_000_000);
  }

  @Test
  void aCrawlPathThatIsASymlinkLoopIsAClearError() throws Exception {
    Path loop = tmp.resolve("loop");
    Files.createSymbolicLink(loop, loop);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Inputs.files(loop, ".jsonl"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("input is a broken link or a symlink loop: " + loop);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Inputs.files(tmp.resolve("absent"), ".jsonl"))
        .hasMessage("input not found: " + tmp.resolve("absent"));
  }

  private static List<SourceRecord> read(RecordSource s) throws Exception {
    List<SourceRecord> out = new ArrayList<>();
    RecordSource.InputDigest d = s.read(out::add);
    assertThat(d.records()).isEqualTo(out.size());
    assertThat(d.digest()).startsWith("sha256:");
    return out;
  }
}
