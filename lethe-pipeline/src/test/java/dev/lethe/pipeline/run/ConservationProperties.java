package dev.lethe.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.Fixtures;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.TrainingDocument;
import dev.lethe.pipeline.sink.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Conservation: whatever the mix of eligible, ineligible, unreadable, duplicate and PII-dense records, every
 * input record is exactly once either in the output or in the exclusion log, with the reason it should have,
 * and the manifest's counts add up.
 */
class ConservationProperties {

  /** What one generated input line is, and the reason it must get (null: kept, unless a duplicate). */
  enum Kind {
    PAGE_OK(null), PAGE_ROBOTS(Reason.ROBOTS_DISALLOWED), PAGE_NO_ROBOTS(Reason.ROBOTS_UNAVAILABLE),
    PAGE_BLOCKED(Reason.BLOCKED_DOMAIN), PAGE_PAYWALL(Reason.ACCESS_RESTRICTED), PAGE_TDM(Reason.TDM_RESERVED),
    PAGE_BAD_JSON(Reason.UNREADABLE), PAGE_NO_TEXT(Reason.UNREADABLE),
    PARTNER_OK(null), PARTNER_LICENCE(Reason.LICENCE_NOT_ALLOWED), PARTNER_BAD_JSON(Reason.UNREADABLE), PARTNER_DENSE(Reason.PII_DENSITY);

    final Reason reason;

    Kind(Reason reason) {
      this.reason = reason;
    }
  }

  record Item(Kind kind, int text) {}

  @Provide
  Arbitrary<List<Item>> mixes() {
    Arbitrary<Item> item = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 6)).as(Item::new);
    return item.list().ofMinSize(0).ofMaxSize(40);
  }

  @Property(tries = 25)
  void everyRecordIsOutputOrExcludedExactlyOnce(@ForAll("mixes") List<Item> items) throws Exception {
    Path tmp = Files.createTempDirectory("conservation");
    Path web = tmp.resolve("web");
    Path partner = tmp.resolve("partner");
    Files.createDirectories(web);
    Files.createDirectories(partner);
    Fixtures.site(web, "ok.example.org", "User-agent: *\nDisallow: /private/\n");
    List<String> pages = new ArrayList<>();
    List<String> records = new ArrayList<>();
    Map<String, Kind> expected = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      String text = it.text() < 3 ? "Shared text number " + it.text() + " appears in several records." : "Unique text of record " + i + ".";
      String url = switch (it.kind()) {
        case PAGE_ROBOTS -> "https://ok.example.org/private/" + i;
        case PAGE_NO_ROBOTS -> "https://unknown.example.net/p/" + i;
        case PAGE_BLOCKED -> "https://www.whitepages.com/name/" + i;
        default -> "https://ok.example.org/p/" + i;
      };
      switch (it.kind()) {
        case PAGE_OK, PAGE_ROBOTS, PAGE_NO_ROBOTS, PAGE_BLOCKED, PAGE_PAYWALL, PAGE_TDM -> {
          ObjectNode o = Fixtures.page(url, text);
          if (it.kind() == Kind.PAGE_PAYWALL) {
            o.put("status", 402);
          }
          if (it.kind() == Kind.PAGE_TDM) {
            ((ObjectNode) o.get("headers")).put("tdm-reservation", "1");
          }
          pages.add(o.toString());
          expected.put(Fixtures.KEY.documentId(SourceKind.WEB, url), it.kind());
        }
        case PAGE_NO_TEXT -> {
          pages.add("{\"url\": \"" + url + "\"}");
          expected.put(Fixtures.KEY.documentId(SourceKind.WEB, url), it.kind());
        }
        case PAGE_BAD_JSON -> {
          pages.add("{\"url\": \"" + url + "\", \"text\": ");
          expected.put(Fixtures.KEY.documentId(SourceKind.WEB, "unreadable:pages.jsonl:" + pages.size()), it.kind());
        }
        case PARTNER_OK, PARTNER_LICENCE, PARTNER_DENSE -> {
          ObjectNode o = Jsonl.MAPPER.createObjectNode();
          o.put("id", "r" + i);
          o.put("text", it.kind() == Kind.PARTNER_DENSE
              ? "Call +44 20 7946 0001, +44 20 7946 0002 or +44 20 7946 0003, mail a" + i + "@mailbox.example-mail.com. Record " + i : text);
          o.put("licence", it.kind() == Kind.PARTNER_LICENCE ? "proprietary" : "CC0-1.0");
          records.add(o.toString());
          expected.put(Fixtures.KEY.documentId(SourceKind.PARTNER, "partner.jsonl#r" + i), it.kind());
        }
        case PARTNER_BAD_JSON -> {
          records.add("not json " + i);
          expected.put(Fixtures.KEY.documentId(SourceKind.PARTNER, "partner.jsonl#line" + (records.size())), it.kind());
        }
      }
    }
    Fixtures.writeLines(web.resolve("pages.jsonl"), pages);
    Fixtures.writeLines(partner.resolve("partner.jsonl"), records);
    PipelineConfig cfg = PipelineConfig.defaults().withShards(3).withMaxPiiSpans(3);
    Path out = tmp.resolve("snap");
    Manifest m = Fixtures.build(cfg, null, web, partner, out, 2).manifest();

    Map<String, Integer> seen = new HashMap<>();
    for (TrainingDocument d : Fixtures.documents(out)) {
      seen.merge(d.id(), 1, Integer::sum);
      assertThat(expected.get(d.id()).reason).as("kept %s", expected.get(d.id())).isNull();
    }
    for (Exclusion e : Fixtures.exclusions(out)) {
      seen.merge(e.id(), 1, Integer::sum);
      Kind k = expected.get(e.id());
      assertThat(k).as("excluded id %s is an input", e.id()).isNotNull();
      if (e.reason() == Reason.DUPLICATE_TEXT) {
        assertThat(k.reason).isNull();
      } else {
        assertThat(e.reason()).as("reason for %s", k).isEqualTo(k.reason);
      }
    }
    assertThat(seen.keySet()).isEqualTo(expected.keySet());
    assertThat(seen.values()).allMatch(n -> n == 1);
    assertThat(m.counts().recordsIn()).isEqualTo(items.size());
    assertThat(m.counts().documentsOut() + m.counts().excluded()).isEqualTo(items.size());
    m.counts().bySource().values().forEach(c -> assertThat(c.out() + c.excluded()).isEqualTo(c.in()));
    Fixtures.delete(tmp);
  }
}
