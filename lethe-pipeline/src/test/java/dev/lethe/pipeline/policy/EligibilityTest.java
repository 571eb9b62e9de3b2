package dev.lethe.pipeline.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.WebPage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web and partner eligibility, one rule at a time, each with the reason and detail it logs. */
class EligibilityTest {
  @TempDir Path crawl;
  Eligibility policy;

  @BeforeEach
  void sites() throws Exception {
    site("news.example.com", "User-agent: *\nDisallow: /private/\n\nUser-agent: LetheBot\nDisallow: /no-lethe/\n",
        "[{\"location\": \"/premium/*\", \"tdm-reservation\": 1}, {\"location\": \"/\", \"tdm-reservation\": 0}]");
    site("broken-tdm.example.com", "User-agent: *\nAllow: /\n", "{not json");
    site("html-robots.example.com", "<html><body>Not found</body></html>", null);
    policy = new Eligibility(PipelineConfig.defaults(), Sites.load(List.of(crawl)));
  }

  @Test
  void robots() {
    assertThat(web("https://news.example.com/a", Map.of(), null, 200)).isNull();
    assertThat(web("https://news.example.com/private/x", Map.of(), null, 200)).isNull();  // LetheBot has its own group
    check(web("https://news.example.com/no-lethe/x", Map.of(), null, 200), Reason.ROBOTS_DISALLOWED, "disallow: /no-lethe/");
    check(web("https://unknown.example.com/a", Map.of(), null, 200), Reason.ROBOTS_UNAVAILABLE, "no robots.txt stored for the site: treated as disallow");
    check(web("https://html-robots.example.com/a", Map.of(), null, 200), Reason.ROBOTS_UNAVAILABLE, null);
  }

  @Test
  void tdmReservation() {
    check(web("https://news.example.com/premium/story", Map.of(), null, 200), Reason.TDM_RESERVED, "tdmrep.json");
    check(web("https://news.example.com/a", Map.of("tdm-reservation", List.of("1")), null, 200), Reason.TDM_RESERVED, "tdm-reservation header");
    check(web("https://news.example.com/a", Map.of(), "<meta name=\"tdm-reservation\" content=\"1\">", 200), Reason.TDM_RESERVED, "tdm-reservation meta tag");
    check(web("https://broken-tdm.example.com/a", Map.of(), null, 200), Reason.TDM_RESERVED, "tdmrep.json cannot be parsed: treated as reserved");
    assertThat(web("https://news.example.com/a", Map.of("tdm-reservation", List.of("0")), null, 200)).isNull();
  }

  @Test
  void paywallsAndLogins() {
    check(web("https://news.example.com/a", Map.of(), null, 402), Reason.ACCESS_RESTRICTED, "http status 402");
    check(web("https://news.example.com/a", Map.of("www-authenticate", List.of("Basic")), null, 200), Reason.ACCESS_RESTRICTED, "www-authenticate header");
    check(web("https://news.example.com/a", Map.of(), "<script type=\"application/ld+json\">{\"isAccessibleForFree\": \"False\"}</script>", 200),
        Reason.ACCESS_RESTRICTED, "isAccessibleForFree: false");
    check(web("https://news.example.com/a", Map.of(), "<meta content=\"metered\" property=\"article:content_tier\">", 200),
        Reason.ACCESS_RESTRICTED, "article:content_tier locked or metered");
    check(web("https://news.example.com/a", Map.of(), "<form><input type=password name=pw></form>", 200), Reason.ACCESS_RESTRICTED, "login form (password field)");
    assertThat(web("https://news.example.com/a", Map.of(), "<meta property=\"article:content_tier\" content=\"free\">", 200)).isNull();
  }

  @Test
  void peopleSearchDomainsAndSubdomainsAreBlocked() {
    check(web("https://www.spokeo.com/Ana-Ruiz", Map.of(), null, 200), Reason.BLOCKED_DOMAIN, "spokeo.com");
    check(web("https://uk.192.com/people/x", Map.of(), null, 200), Reason.BLOCKED_DOMAIN, "192.com");
    assertThat(new DomainBlocklist(List.of("whitepages.com")).match("notwhitepages.com")).isNull();
  }

  @Test
  void nonTextIsExcluded() {
    check(web("https://news.example.com/a.png", Map.of("content-type", List.of("image/png")), null, 200), Reason.NOT_TEXT, "image/png");
  }

  @Test
  void partnerLicences() {
    assertThat(partner("CC-BY-4.0")).isNull();
    assertThat(partner("cc_by_4.0")).isNull();
    check(partner("CC-BY-NC-4.0"), Reason.LICENCE_NOT_ALLOWED, "CC-BY-NC-4.0");
    check(partner(null), Reason.LICENCE_NOT_ALLOWED, "no licence");
    check(partner("ask Jonas Weber, jonas@example-mail.de"), Reason.LICENCE_NOT_ALLOWED, "unrecognised licence text");
  }

  @Test
  void emptyTextAndUnreadable() {
    SourceRecord empty = new SourceRecord("m-1", SourceKind.MEMORY, "store", "  ", null, "u-1", null, null, null);
    check(policy.apply(empty), Reason.EMPTY, null);
    check(policy.apply(SourceRecord.unreadable("w-1", SourceKind.WEB, "f:1", "missing text")), Reason.UNREADABLE, "missing text");
  }

  private void check(Exclusion e, Reason reason, String detail) {
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
    if (detail != null) {
      assertThat(e.detail()).isEqualTo(detail);
    }
  }

  private Exclusion web(String url, Map<String, List<String>> headers, String html, int status) {
    WebPage page = new WebPage(URI.create(url), status, headers, html, null);
    return policy.apply(new SourceRecord("w-x", SourceKind.WEB, "f:1", "some text", null, null, page, null, null));
  }

  private Exclusion partner(String licence) {
    return policy.apply(new SourceRecord("p-x", SourceKind.PARTNER, "f:1", "some text", null, null, null, licence, null));
  }

  private void site(String host, String robots, String tdm) throws Exception {
    Path d = crawl.resolve("sites").resolve(host);
    Files.createDirectories(d);
    Files.writeString(d.resolve("robots.txt"), robots);
    if (tdm != null) {
      Files.writeString(d.resolve("tdmrep.json"), tdm);
    }
  }
}
