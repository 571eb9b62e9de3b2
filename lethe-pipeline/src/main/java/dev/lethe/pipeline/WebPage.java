package dev.lethe.pipeline;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the crawl recorded about a web page, for the eligibility policy: never written to a snapshot.
 *
 * @param url       the page's address
 * @param status    HTTP status, 0 when the crawl did not record it (JSONL without status, WET)
 * @param headers   HTTP response headers, names lower-cased
 * @param html      the page's HTML when the crawl kept it (meta tags carry paywall and TDM markers), else null
 * @param fetchedAt when the page was fetched, or null
 */
public record WebPage(URI url, int status, Map<String, List<String>> headers, String html, Instant fetchedAt) implements java.io.Serializable {
  public WebPage {
    headers = Map.copyOf(headers);
  }

  /** The first value of header {@code name} (lower case), or null. */
  public String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The host, lower-cased, or "" when the URL has none. */
  public String host() {
    String h = url.getHost();
    return h == null ? "" : h.toLowerCase(java.util.Locale.ROOT);
  }
}
