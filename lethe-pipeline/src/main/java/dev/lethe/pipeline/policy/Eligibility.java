package dev.lethe.pipeline.policy;

import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.WebPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether a record may be trained on: a pure function of the record, the configuration and the
 * crawl's stored site files, with no I/O, so any runner can call it on any thread.
 *
 * <ul>
 *   <li>Conversations and memories: the data-controls store already returns only eligible ones (setting on
 *       when the conversation started, not temporary, not deleted, account not deleted, no do-not-train
 *       request); here they are only checked for being readable and non-empty.
 *   <li>Web pages, in this order: blocklisted domain, robots.txt for the crawler token (missing or
 *       unparseable robots.txt: disallow), TDM reservation (site's tdmrep.json, {@code tdm-reservation}
 *       header or meta tag), paywall or login, non-text content.
 *   <li>Partner records: the licence must be on the allowlist.
 * </ul>
 */
public final class Eligibility implements Function<SourceRecord, Exclusion> {
  private static final Pattern TDM_META = Pattern.compile(
      "<meta[^>]+name\\s*=\\s*[\"']tdm-reservation[\"'][^>]*content\\s*=\\s*[\"']1[\"']"
          + "|<meta[^>]+content\\s*=\\s*[\"']1[\"'][^>]*name\\s*=\\s*[\"']tdm-reservation[\"']",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern LICENCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}");

  private final String crawlerToken;
  private final DomainBlocklist blocklist;
  private final Set<String> licences;
  private final Sites sites;

  public Eligibility(PipelineConfig config, Sites sites) {
    this.crawlerToken = config.crawlerToken();
    List<String> blocked = new ArrayList<>(config.blocklist());
    blocked.addAll(config.extraBlockedDomains());
    this.blocklist = new DomainBlocklist(blocked);
    this.licences = config.licenceAllowlist().stream().map(Eligibility::licenceKey).collect(Collectors.toUnmodifiableSet());
    this.sites = sites;
  }

  /** Null when the record is eligible, else why not. */
  @Override
  public Exclusion apply(SourceRecord r) {
    if (r.unreadable() != null) {
      return Exclusion.of(r, Reason.UNREADABLE, r.unreadable());
    }
    Exclusion e = switch (r.kind()) {
      case CONVERSATION, MEMORY -> null;
      case WEB -> web(r);
      case PARTNER -> partner(r);
    };
    if (e == null && (r.kind() == SourceKind.WEB || r.kind() == SourceKind.PARTNER) && r.text().indexOf('\0') >= 0) {
      return Exclusion.of(r, Reason.NOT_TEXT, "NUL characters: binary data, not text");
    }
    if (e == null && r.text().isBlank()) {
      return Exclusion.of(r, Reason.EMPTY, null);
    }
    return e;
  }

  private Exclusion web(SourceRecord r) {
    WebPage page = r.web();
    String host = page.host();
    String blocked = blocklist.match(host);
    if (blocked != null) {
      return Exclusion.of(r, Reason.BLOCKED_DOMAIN, blocked);
    }
    Sites.Site site = sites.site(host);
    if (site.robots() == null) {
      return Exclusion.of(r, Reason.ROBOTS_UNAVAILABLE, site.robotsProblem() + ": treated as disallow");
    }
    RobotsTxt.Verdict v = site.robots().check(crawlerToken, page.url());
    if (!v.allowed()) {
      return Exclusion.of(r, Reason.ROBOTS_DISALLOWED, v.rule());
    }
    if (site.tdmProblem() != null) {
      return Exclusion.of(r, Reason.TDM_RESERVED, site.tdmProblem() + ": treated as reserved");
    }
    String path = page.url().getRawPath() == null || page.url().getRawPath().isEmpty() ? "/" : page.url().getRawPath();
    if (site.tdmRep() != null && site.tdmRep().reserved(path)) {
      return Exclusion.of(r, Reason.TDM_RESERVED, "tdmrep.json");
    }
    if ("1".equals(strip(page.header("tdm-reservation")))) {
      return Exclusion.of(r, Reason.TDM_RESERVED, "tdm-reservation header");
    }
    if (page.html() != null && TDM_META.matcher(page.html()).find()) {
      return Exclusion.of(r, Reason.TDM_RESERVED, "tdm-reservation meta tag");
    }
    String wall = AccessWall.marker(page);
    if (wall != null) {
      return Exclusion.of(r, Reason.ACCESS_RESTRICTED, wall);
    }
    String type = page.header("content-type");
    if (type != null && !isText(type)) {
      return Exclusion.of(r, Reason.NOT_TEXT, type.split(";")[0].strip());
    }
    return null;
  }

  private Exclusion partner(SourceRecord r) {
    if (r.licence() == null || r.licence().isBlank()) {
      return Exclusion.of(r, Reason.LICENCE_NOT_ALLOWED, "no licence");
    }
    if (licences.contains(licenceKey(r.licence()))) {
      return null;
    }
    String shown = r.licence().strip();
    // the field is free text: log it only when it looks like a licence id, never whatever a partner put there
    return Exclusion.of(r, Reason.LICENCE_NOT_ALLOWED, LICENCE_ID.matcher(shown).matches() ? shown : "unrecognised licence text");
  }

  private static boolean isText(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.startsWith("text/") || t.contains("html") || t.contains("xml") || t.contains("json");
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  static String licenceKey(String licence) {
    return licence.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
  }
}
