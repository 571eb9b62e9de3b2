package dev.lethe.filter.detect;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * URLs and handles that point at a person, not every URL: profile pages of social, code-hosting,
 * payment and publishing sites ({@code linkedin.com/in/ana-ruiz}, {@code github.com/anaruiz}, {@code
 * stackoverflow.com/users/42/ana}), personal sub-domains ({@code anaruiz.substack.com}, {@code
 * anaruiz.github.io}), personal domains named as such ("my site: anaruiz.dev"), and handles ({@code
 * @ana_ruiz}, fediverse {@code @ana@mastodon.social}).
 *
 * <p>A company's site, documentation and article links are not personal and are not reported. Code
 * annotations ({@code @Override}, {@code @media}, {@code @app.route}) are not handles.
 */
public final class UrlDetector implements Detector {
  static final String NAME = "url";
  private static final double PROFILE = 0.9;
  private static final double SUBDOMAIN = 0.85;
  private static final double HANDLE = 0.85;
  private static final double NAMED_SITE = 0.75;

  /** Host (without www.) -> pattern its path must match for the URL to be a person's profile. */
  private static final Map<String, Pattern> PROFILE_PATHS = Map.ofEntries(
      profile("linkedin.com", "/(?:in|pub)/[^/?#\\s]+.*"),
      profile("github.com", "/(?!(?:features|pricing|orgs|topics|settings|login|about|marketplace|sponsors|"
          + "explore|trending|collections|enterprise|security|site|contact|customer-stories|readme|issues|"
          + "pulls|notifications|new|search|apps|events|team|solutions|resources|git-guides)(?:[/?#]|$))"
          + "[A-Za-z0-9-]{1,39}/?"),
      profile("gitlab.com", "/(?!(?:explore|help|users/sign_in|dashboard|-)(?:[/?#]|$))[A-Za-z0-9_.-]+/?"),
      profile("bitbucket.org", "/[A-Za-z0-9_-]+/?"),
      profile("twitter.com", "/(?!(?:home|search|i|hashtag|intent|share|explore|settings|login|messages|"
          + "notifications|tos|privacy)(?:[/?#]|$))[A-Za-z0-9_]{1,15}(?:/status/\\d+)?/?"),
      profile("x.com", "/(?!(?:home|search|i|hashtag|intent|share|explore|settings|login|messages|"
          + "notifications|tos|privacy)(?:[/?#]|$))[A-Za-z0-9_]{1,15}(?:/status/\\d+)?/?"),
      profile("instagram.com", "/(?!(?:p|reel|reels|explore|accounts|stories|direct|about)(?:[/?#]|$))"
          + "[A-Za-z0-9_.]{1,30}/?"),
      profile("facebook.com", "/(?:profile\\.php\\?id=\\d+|(?!(?:groups|pages|events|watch|marketplace|"
          + "share|sharer|help|login|policies|gaming|business)(?:[/?#.]|$))[A-Za-z0-9.]{5,50})/?"),
      profile("fb.com", "/[A-Za-z0-9.]{5,50}/?"),
      profile("tiktok.com", "/@[A-Za-z0-9_.]+.*"),
      profile("youtube.com", "/(?:@[A-Za-z0-9_.-]+|c/[^/?#\\s]+|channel/[A-Za-z0-9_-]+|user/[^/?#\\s]+).*"),
      profile("medium.com", "/@[A-Za-z0-9_.-]+.*"),
      profile("substack.com", "/@[A-Za-z0-9_.-]+.*"),
      profile("threads.net", "/@[A-Za-z0-9_.]+.*"),
      profile("bsky.app", "/profile/[^/?#\\s]+.*"),
      profile("mastodon.social", "/@[A-Za-z0-9_]+.*"),
      profile("reddit.com", "/(?:u|user)/[A-Za-z0-9_-]+.*"),
      profile("stackoverflow.com", "/users/\\d+.*"),
      profile("huggingface.co", "/(?!(?:models|datasets|spaces|docs|blog|papers|join|login|pricing|"
          + "settings|organizations|learn|tasks|chat|enterprise)(?:[/?#]|$))[A-Za-z0-9_.-]+/?"),
      profile("gofundme.com", "/f/[^/?#\\s]+"),
      profile("patreon.com", "/[A-Za-z0-9_]+/?"),
      profile("ko-fi.com", "/[A-Za-z0-9_]+/?"),
      profile("buymeacoffee.com", "/[A-Za-z0-9_]+/?"),
      profile("linktr.ee", "/[A-Za-z0-9_.]+/?"),
      profile("about.me", "/[A-Za-z0-9_.]+/?"),
      profile("keybase.io", "/[A-Za-z0-9_]+/?"),
      profile("t.me", "/[A-Za-z0-9_]{5,}/?"),
      profile("wa.me", "/\\d{6,15}.*"),
      profile("paypal.me", "/[A-Za-z0-9_.-]+.*"),
      profile("venmo.com", "/(?:u/)?[A-Za-z0-9_-]+/?"),
      profile("cash.app", "/\\$[A-Za-z0-9_]+/?"),
      profile("calendly.com", "/[A-Za-z0-9_.-]+.*"),
      profile("cal.com", "/[A-Za-z0-9_.-]+.*"),
      profile("behance.net", "/[A-Za-z0-9_-]+/?"),
      profile("dribbble.com", "/[A-Za-z0-9_-]+/?"),
      profile("flickr.com", "/(?:people|photos)/[^/?#\\s]+.*"),
      profile("vimeo.com", "/(?!\\d+(?:[/?#]|$))[A-Za-z0-9_]+/?"),
      profile("soundcloud.com", "/[A-Za-z0-9_-]+/?"),
      profile("twitch.tv", "/[A-Za-z0-9_]{4,25}/?"),
      profile("pinterest.com", "/[A-Za-z0-9_]{3,30}/?"),
      profile("snapchat.com", "/add/[A-Za-z0-9_.-]+/?"),
      profile("orcid.org", "/\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]"),
      profile("scholar.google.com", "/citations\\?.*user=.*"),
      profile("researchgate.net", "/profile/[^/?#\\s]+.*"),
      profile("kaggle.com", "/(?!(?:competitions|datasets|code|models|learn|discussions|docs)(?:[/?#]|$))"
          + "[A-Za-z0-9_-]+/?"),
      profile("leetcode.com", "/(?:u/)?[A-Za-z0-9_-]+/?"),
      profile("codepen.io", "/[A-Za-z0-9_-]+/?"),
      profile("dev.to", "/[A-Za-z0-9_]+/?"),
      profile("npmjs.com", "/~[A-Za-z0-9_.-]+/?"),
      profile("pypi.org", "/user/[A-Za-z0-9_.-]+/?"),
      profile("xing.com", "/profile/[^/?#\\s]+.*"),
      profile("vk.com", "/[A-Za-z0-9_.]+/?"),
      profile("weibo.com", "/(?:u/)?\\d+/?"),
      profile("quora.com", "/profile/[^/?#\\s]+.*"),
      profile("goodreads.com", "/user/show/[^/?#\\s]+.*"),
      profile("strava.com", "/athletes/\\d+.*"),
      profile("onlyfans.com", "/[A-Za-z0-9_.]+/?"),
      profile("tumblr.com", "/[A-Za-z0-9-]+/?"),
      profile("discord.com", "/users/\\d+.*"),
      profile("steamcommunity.com", "/(?:id|profiles)/[^/?#\\s]+.*"));

  /** Hosts whose sub-domains are one person's page. */
  private static final Set<String> PERSONAL_PARENTS = Set.of("substack.com", "github.io", "gitlab.io",
      "blogspot.com", "wordpress.com", "tumblr.com", "medium.com", "carrd.co", "neocities.org", "wixsite.com",
      "bandcamp.com", "academia.edu", "weebly.com", "mystrikingly.com", "bearblog.dev", "micro.blog",
      "hashnode.dev", "itch.io", "start.page", "square.site");

  private static final String[] SITE_CUES = {"my website", "my site", "my portfolio", "my blog",
      "personal site", "personal website", "portfolio", "website", "homepage", "home page", "my page",
      "my newsletter", "my shop", "website:", "web:", "site:", "blog:"};

  /** Code annotations, CSS at-rules and doc tags that look like handles. */
  private static final Set<String> NOT_HANDLES = Set.of("override", "param", "return", "returns", "throws",
      "throw", "see", "since", "deprecated", "author", "version", "link", "inheritdoc", "code", "value",
      "media", "import", "font-face", "keyframes", "supports", "page", "charset", "namespace", "layer",
      "container", "tailwind", "apply", "test", "before", "after", "beforeeach", "aftereach", "beforeall",
      "afterall", "autowired", "component", "service", "repository", "entity", "table", "column", "id",
      "bean", "configuration", "suppresswarnings", "functionalinterface", "nullable", "nonnull", "inject",
      "property", "staticmethod", "classmethod", "dataclass", "app", "pytest", "mock", "patch", "router",
      "get", "post", "put", "delete", "input", "output", "injectable", "ngmodule", "type", "example",
      "everyone", "here", "channel", "all", "font", "include", "mixin", "extend", "use", "forward", "if",
      "else", "each", "for", "while", "function", "ts-ignore", "ts-expect-error", "jsx", "flow", "typedef",
      "callback", "template", "interface", "var", "private", "protected", "public", "name", "description",
      "summary", "tags", "api", "path", "query", "body", "header", "requestmapping", "getmapping",
      "postmapping", "pathvariable", "requestparam", "requestbody", "responsebody", "restcontroller",
      "controller", "transactional", "valid", "notnull", "size", "min", "max", "email", "json", "xml",
      "gmail", "yahoo", "hotmail", "outlook", "icloud", "localhost", "latest", "next", "types", "angular",
      "babel", "vue", "nestjs", "mui", "emotion", "reduxjs", "testing-library", "aws-sdk", "google-cloud");

  private static final Set<String> FILE_EXTENSIONS = Set.of("pdf", "doc", "docx", "txt", "py", "js", "ts",
      "java", "json", "csv", "xml", "html", "htm", "md", "png", "jpg", "jpeg", "gif", "zip", "exe", "sh",
      "yml", "yaml", "rs", "go", "rb", "php", "c", "h", "cpp", "log", "jar", "class", "tsx", "jsx", "css",
      "svg", "mp3", "mp4", "mov", "xls", "xlsx", "ppt", "pptx", "tar", "gz", "ini", "cfg", "conf", "toml",
      "lock", "env", "kt", "swift", "sql", "db", "bak", "tmp", "out", "bin", "dll", "so", "msi", "dmg",
      "apk", "ipa", "iso", "img", "wav", "webp", "heic", "tex", "bib", "rtf", "odt", "pages", "key", "numbers");

  private static Map.Entry<String, Pattern> profile(String host, String pathRegex) {
    return Map.entry(host, Pattern.compile(pathRegex));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void detect(String text, List<Span> out) {
    int n = text.length();
    int covered = 0;
    NameLabels names = new NameLabels(text);
    for (int dot = text.indexOf('.'); dot >= 0 && dot + 1 < n; dot = text.indexOf('.', dot + 1)) {
      if (dot < covered || !Context.isAsciiLetter(text.charAt(dot + 1)) || dot == 0
          || !isHostChar(text.charAt(dot - 1))) {
        continue;
      }
      int end = url(text, dot, names, out);
      if (end > 0) {
        covered = end;
        dot = end - 1;
      }
    }
    handles(text, out);
  }

  private static boolean isHostChar(char c) {
    return Context.isAsciiLetter(c) || Context.isAsciiDigit(c) || c == '-' || c == '.';
  }

  /** Examines the URL whose host contains the dot at {@code dot}; returns its end when one is reported. */
  private static int url(String text, int dot, NameLabels names, List<Span> out) {
    int n = text.length();
    int hostStart = dot;
    while (hostStart > 0 && isHostChar(text.charAt(hostStart - 1))) {
      hostStart--;
    }
    if (hostStart > 0 && (text.charAt(hostStart - 1) == '@' || Context.isWordChar(text.charAt(hostStart - 1)))) {
      return -1; // the domain of an e-mail address, or part of a longer token
    }
    int hostEnd = dot + 1;
    while (hostEnd < n && isHostChar(text.charAt(hostEnd))) {
      hostEnd++;
    }
    while (hostEnd > dot && (text.charAt(hostEnd - 1) == '.' || text.charAt(hostEnd - 1) == '-')) {
      hostEnd--;
    }
    String host = text.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT);
    String tld = host.substring(host.lastIndexOf('.') + 1);
    if (!Tlds.isTld(tld) || FILE_EXTENSIONS.contains(tld) || !text.substring(hostStart, hostEnd).equals(
        text.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT)) && !startsWithScheme(text, hostStart)) {
      return -1; // "client.login", "GatewayIntentBits.Guilds": code, not hosts
    }
    int start = hostStart;
    boolean scheme = false;
    if (start >= 3 && text.startsWith("://", start - 3)) {
      int s = start - 3;
      while (s > 0 && Context.isAsciiLetter(text.charAt(s - 1))) {
        s--;
      }
      String sch = text.substring(s, start - 3).toLowerCase(Locale.ROOT);
      if (!sch.equals("http") && !sch.equals("https")) {
        return -1; // ftp://, postgres:// and friends: credentials are the secret detector's
      }
      start = s;
      scheme = true;
    }
    int end = hostEnd;
    if (end < n && text.charAt(end) == ':' && end + 1 < n && Context.isAsciiDigit(text.charAt(end + 1))) {
      end++;
      while (end < n && Context.isAsciiDigit(text.charAt(end))) {
        end++;
      }
    }
    int pathStart = end;
    if (end < n && (text.charAt(end) == '/' || text.charAt(end) == '?')) {
      end = pathEnd(text, end);
    }
    // "www." is dropped only in front of a domain: "www.com" keeps it, or no label would be left
    String bare = host.startsWith("www.") && host.indexOf('.', 4) > 0 ? host.substring(4) : host;
    String path = text.substring(pathStart, end);

    Pattern profilePath = PROFILE_PATHS.get(bare);
    if (profilePath != null) {
      if (profilePath.matcher(path).matches()) {
        out.add(new Span(Label.PRIVATE_URL, "profile_url", start, end, PROFILE, NAME));
        return end;
      }
      return -1;
    }
    int firstDot = bare.indexOf('.');
    String parent = bare.substring(firstDot + 1);
    if (firstDot > 0 && PERSONAL_PARENTS.contains(parent)) {
      out.add(new Span(Label.PRIVATE_URL, "personal_site", start, end, SUBDOMAIN, NAME));
      return end;
    }
    if (path.startsWith("/@") || path.startsWith("/~")) {
      out.add(new Span(Label.PRIVATE_URL, "profile_url", start, end, 0.75, NAME)); // fediverse and ~user pages
      return end;
    }
    boolean rootDomain = bare.indexOf('.') == bare.lastIndexOf('.');
    String before = Context.before(text, start, 40);
    if (Context.hasWord(before, SITE_CUES) && (scheme || rootDomain)
        || rootDomain && path.length() <= 1 && names.contains(bare.substring(0, firstDot))) {
      out.add(new Span(Label.PRIVATE_URL, "personal_site", start, end, NAMED_SITE, NAME));
      return end;
    }
    return -1;
  }

  /**
   * The domain labels that spell a capitalised name written in one text: "priya" and "priyanarayanan"
   * for "Priya Narayanan". Personal sites are named after their owner far more often than not. Collected
   * on first use and once per text, so a page full of bare domains is not rescanned for each of them.
   */
  private static final class NameLabels {
    private final String text;
    private Set<String> labels;

    NameLabels(String text) {
      this.text = text;
    }

    boolean contains(String label) {
      if (label.length() < 4) {
        return false;
      }
      if (labels == null) {
        labels = collect(text);
      }
      return labels.contains(label);
    }

    private static Set<String> collect(String text) {
      Set<String> labels = new HashSet<>();
      String prev = null;
      int n = text.length();
      for (int i = 0; i < n; i++) {
        if (!Character.isUpperCase(text.charAt(i)) || !Context.boundaryBefore(text, i)) {
          continue;
        }
        int j = i + 1;
        while (j < n && Character.isLetter(text.charAt(j))) {
          j++;
        }
        String word = text.substring(i, j).toLowerCase(Locale.ROOT);
        boolean nextCapital = j + 1 < n && text.charAt(j) == ' ' && Character.isUpperCase(text.charAt(j + 1));
        if (word.length() >= 3 && nextCapital) {
          labels.add(word); // the first name of a two-word name
        }
        if (word.length() >= 3 && prev != null) {
          labels.add(prev + word); // the whole name run together
        }
        prev = nextCapital ? word : null;
        i = j;
      }
      return labels;
    }
  }

  private static boolean startsWithScheme(String text, int hostStart) {
    return hostStart >= 3 && text.startsWith("://", hostStart - 3);
  }

  /** End of a URL path: up to whitespace or a quote, minus trailing sentence punctuation. */
  private static int pathEnd(String text, int from) {
    int n = text.length();
    int i = from;
    int parens = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '<' || c == '>' || c == '`' || c == '\'' || c == '|') {
        break;
      }
      if (c == '(') {
        parens++;
      } else if (c == ')') {
        if (parens == 0) {
          break;
        }
        parens--;
      }
      i++;
    }
    while (i > from && ".,;:!?]}*".indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    return i;
  }

  private static void handles(String text, List<Span> out) {
    int n = text.length();
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      if (at > 0) {
        char p = text.charAt(at - 1);
        if (Context.isWordChar(p) || p == '.' || p == '@' || p == '-' || p == '+' || p == '/') {
          continue; // part of an e-mail address or of a URL already handled
        }
      }
      int end = at + 1;
      while (end < n && (Context.isAsciiLetter(text.charAt(end)) || Context.isAsciiDigit(text.charAt(end))
          || text.charAt(end) == '_' || ((text.charAt(end) == '.' || text.charAt(end) == '-') && end + 1 < n
              && Context.isAsciiLetter(text.charAt(end + 1)) && end > at + 1))) {
        end++;
      }
      int len = end - at - 1;
      if (len < 2 || len > 30) {
        continue;
      }
      String name = text.substring(at + 1, end).toLowerCase(Locale.ROOT);
      if (end < n && (text.charAt(end) == '(' || text.charAt(end) == '/' || text.charAt(end) == ':' && end + 1 < n && text.charAt(end + 1) != ' ')) {
        continue; // a decorator call, a scoped npm package, a URL user part
      }
      if (NOT_HANDLES.contains(name) || name.chars().allMatch(Character::isDigit)) {
        continue;
      }
      if (end < n && text.charAt(end) == '@') {
        int domainEnd = EmailDetector.domainEnd(text, end + 1);
        if (domainEnd > 0) {
          out.add(new Span(Label.PRIVATE_URL, "fediverse_handle", at, domainEnd, HANDLE, NAME));
          at = domainEnd;
          continue;
        }
      }
      if (name.contains(".") && name.matches(".*\\.(com|org|net|io|dev|py|js|ts|json|md)$")) {
        continue; // @foo.com, @decorator.py: not a handle
      }
      out.add(new Span(Label.PRIVATE_URL, "handle", at, end, HANDLE, NAME));
    }
  }
}
