package dev.lethe.pipeline.policy;

import dev.lethe.pipeline.WebPage;
import java.util.regex.Pattern;

/**
 * Recognises pages behind a paywall or a login from what the crawl kept: the HTTP status (401, 402, 403,
 * 407), a {@code WWW-Authenticate} header, and markers in the HTML: schema.org's
 * {@code "isAccessibleForFree": false} (the markup Google asks paywalled sites to use), the
 * {@code article:content_tier} meta tag with {@code locked} or {@code metered}, and a password field (a
 * login form). Stateless and thread-safe.
 */
public final class AccessWall {
  private static final Pattern FREE_FALSE =
      Pattern.compile("[\"']?isAccessibleForFree[\"']?\\s*[:=]\\s*[\"']?false", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTENT_TIER = Pattern.compile(
      "<meta[^>]+(?:property|name)\\s*=\\s*[\"']article:content_tier[\"'][^>]*content\\s*=\\s*[\"'](?:locked|metered)[\"']"
          + "|<meta[^>]+content\\s*=\\s*[\"'](?:locked|metered)[\"'][^>]*(?:property|name)\\s*=\\s*[\"']article:content_tier[\"']",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PASSWORD_FIELD =
      Pattern.compile("<input[^>]+type\\s*=\\s*[\"']?password", Pattern.CASE_INSENSITIVE);

  private AccessWall() {}

  /** Why the page is behind a wall, or null when nothing says so. */
  public static String marker(WebPage page) {
    int s = page.status();
    if (s == 401 || s == 402 || s == 403 || s == 407) {
      return "http status " + s;
    }
    if (page.header("www-authenticate") != null) {
      return "www-authenticate header";
    }
    String html = page.html();
    if (html == null) {
      return null;
    }
    if (FREE_FALSE.matcher(html).find()) {
      return "isAccessibleForFree: false";
    }
    if (CONTENT_TIER.matcher(html).find()) {
      return "article:content_tier locked or metered";
    }
    if (PASSWORD_FIELD.matcher(html).find()) {
      return "login form (password field)";
    }
    return null;
  }
}
