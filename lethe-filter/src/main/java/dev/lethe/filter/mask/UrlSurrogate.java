package dev.lethe.filter.mask;

import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fake profile URLs and handles of the same shape. The host of a large platform stays and its structural
 * path words stay, while the handle and numeric ids are replaced: {@code https://www.linkedin.com/in/ana-ruiz-4b2}
 * becomes e.g. {@code https://www.linkedin.com/in/lena-hart-7q9}, {@code @anaruiz} {@code @lenahart}. A user's
 * subdomain of a hosting platform ({@code anaruiz.github.io}) gets a fake handle; any other host, a personal
 * domain, becomes a made-up one under the reserved {@code .example} top-level domain.
 */
final class UrlSurrogate implements Surrogate {
  private static final Pattern URL = Pattern.compile("(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)?(?<user>[^@/\\s]+@)?"
      + "(?<host>(?:[\\p{L}\\p{N}-]+\\.)+\\p{L}{2,})(?<port>:\\d+)?(?<path>/[^?#]*)?(?<query>\\?[^#]*)?(?<fragment>#.*)?");
  private static final Pattern HANDLE = Pattern.compile("@(?<name>[^@\\s]+)(?<host>@\\S+)?");
  /** Platforms whose own host says nothing about the person. */
  private static final Set<String> PLATFORMS = Set.of("github.com", "gitlab.com", "bitbucket.org", "twitter.com",
      "x.com", "linkedin.com", "facebook.com", "fb.com", "instagram.com", "tiktok.com", "youtube.com",
      "youtu.be", "medium.com", "reddit.com", "mastodon.social", "t.me", "telegram.me", "keybase.io", "about.me",
      "stackoverflow.com", "pinterest.com", "tumblr.com", "twitch.tv", "vimeo.com", "flickr.com",
      "soundcloud.com", "behance.net", "dribbble.com", "substack.com", "patreon.com", "threads.net", "bsky.app",
      "snapchat.com", "vk.com", "xing.com", "orcid.org", "researchgate.net", "scholar.google.com", "wa.me",
      "linktr.ee", "ko-fi.com", "npmjs.com", "pypi.org", "kaggle.com", "huggingface.co", "codepen.io", "dev.to",
      "gravatar.com", "quora.com", "goodreads.com", "strava.com", "spotify.com", "discord.com", "steamcommunity.com");
  /** Platforms that give each user a subdomain: {@code anaruiz.github.io}. */
  private static final Set<String> USER_SUBDOMAINS = Set.of("github.io", "gitlab.io", "blogspot.com",
      "wordpress.com", "substack.com", "medium.com", "tumblr.com", "netlify.app", "vercel.app", "bsky.social",
      "neocities.org", "carrd.co", "wixsite.com", "itch.io");
  /** Path words of platforms that name a section, not a person. */
  private static final Set<String> STRUCTURE = Set.of("in", "pub", "user", "users", "u", "profile", "profiles",
      "people", "channel", "c", "company", "status", "statuses", "posts", "post", "p", "photos", "about", "blog",
      "wiki", "tree", "blob", "main", "master", "repos", "orgs", "videos", "media", "member",
      "members", "author", "authors", "id", "en", "de", "fr", "es", "it", "pt", "nl", "www", "home", "index.html");

  @Override
  public String fake(String original, String subtype, Random random) {
    Matcher h = HANDLE.matcher(original);
    if (h.matches()) {
      String host = h.group("host");
      return "@" + Handles.fake(h.group("name"), random)
          + (host == null ? "" : "@" + host(host.substring(1), random));
    }
    Matcher u = URL.matcher(original);
    if (!u.matches()) {
      return Handles.fake(original, random);
    }
    StringBuilder out = new StringBuilder(original.length() + 16);
    out.append(orEmpty(u.group("scheme")));
    if (u.group("user") != null) {
      String user = u.group("user");
      out.append(Handles.fake(user.substring(0, user.length() - 1), random)).append('@');
    }
    out.append(host(u.group("host"), random)).append(orEmpty(u.group("port")));
    if (u.group("path") != null) {
      String[] segments = u.group("path").split("/", -1);
      for (int i = 1; i < segments.length; i++) {
        out.append('/').append(segment(segments[i], random));
      }
    }
    if (u.group("query") != null) {
      out.append('?');
      String[] params = u.group("query").substring(1).split("&", -1);
      for (int i = 0; i < params.length; i++) {
        int eq = params[i].indexOf('=');
        out.append(i > 0 ? "&" : "").append(eq < 0 ? segment(params[i], random)
            : params[i].substring(0, eq + 1) + segment(params[i].substring(eq + 1), random));
      }
    }
    if (u.group("fragment") != null) {
      out.append('#').append(segment(u.group("fragment").substring(1), random));
    }
    return out.toString();
  }

  private static String host(String host, Random random) {
    String lower = host.toLowerCase(Locale.ROOT);
    for (String platform : USER_SUBDOMAINS) {
      if (lower.endsWith("." + platform)) {
        int firstDot = host.indexOf('.');
        String rest = host.substring(firstDot);
        return lower.startsWith("www.") ? host : Handles.fake(host.substring(0, firstDot), random) + rest;
      }
    }
    for (String platform : PLATFORMS) {
      if (lower.equals(platform) || lower.endsWith("." + platform)) {
        return host;
      }
    }
    String www = lower.startsWith("www.") ? host.substring(0, 4) : "";
    return www + Casing.of(host).apply(Fakers.asciiName(random, true) + ".example");
  }

  private static String segment(String segment, Random random) {
    if (segment.isEmpty() || STRUCTURE.contains(segment.toLowerCase(Locale.ROOT))) {
      return segment;
    }
    if (segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Shape.digits(segment.length(), segment.charAt(0) != '0', random);
    }
    return Handles.fake(segment, random);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
