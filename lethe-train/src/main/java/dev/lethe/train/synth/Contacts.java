package dev.lethe.train.synth;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Phone numbers in national and international formats, e-mail addresses, profile URLs and @handles. */
final class Contacts {
  private static final Map<String, List<String>> PHONES = Map.ofEntries(
      Map.entry("US", List.of("(###) 555-01##", "###-555-01##", "###.###.####", "+1 ###-###-####",
          "+1 (###) ###-####", "###-###-####", "+1##########", "### ### ####", "1-###-###-####")),
      Map.entry("CA", List.of("(###) 555-01##", "###-###-####", "+1 ###-###-####", "### ### ####", "+1 (###) ###-####")),
      Map.entry("GB", List.of("07700 900###", "07### ######", "+44 7### ######", "+44 (0)20 #### ####", "020 #### ####",
          "0161 ### ####", "01### ######", "+44 7700 900 ###", "07### ### ###", "0113 496 0###")),
      Map.entry("AU", List.of("04## ### ###", "+61 4## ### ###", "(02) #### ####", "+61 2 #### ####", "(03) #### ####",
          "04########")),
      Map.entry("IN", List.of("+91 9#### #####", "+91-22-####-####", "98### #####", "+91 8#########", "0##-########",
          "+91-9#########")),
      Map.entry("DE", List.of("+49 30 #### ####", "0176 #### ####", "+49 (0)### ### ####", "030 ########",
          "0151/########", "+49 151 ########", "0221 ### ## ##")),
      Map.entry("FR", List.of("06 ## ## ## ##", "+33 6 ## ## ## ##", "01 ## ## ## ##", "+33 (0)1 ## ## ## ##",
          "07.##.##.##.##", "+33 7 ## ## ## ##")),
      Map.entry("ES", List.of("+34 6## ## ## ##", "6## ### ###", "91 ### ## ##", "+34 6########", "6## ## ## ##")),
      Map.entry("IT", List.of("+39 3## ### ####", "3## #######", "06 ########", "+39 02 #### ####", "3## ### ####")),
      Map.entry("BR", List.of("(11) 9####-####", "+55 11 9####-####", "(21) ####-####", "(21) 9####-####",
          "+55 (31) 9####-####")),
      Map.entry("NL", List.of("06-########", "+31 6 ########", "020-#######", "+31 (0)20 ### ####", "06 ## ## ## ##")),
      Map.entry("XX", List.of("+353 8# ### ####", "+81 90-####-####", "+52 55 #### ####", "+27 8# ### ####",
          "+65 #### ####", "+46 7# ### ## ##", "+234 80# ### ####", "+971 5# ### ####", "+48 ### ### ###",
          "+90 5## ### ## ##", "+7 9## ###-##-##", "+82 10-####-####", "+84 9# ### ## ##", "+86 13# #### ####")));

  private static final List<String> FREEMAIL = List.of("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com",
      "hotmail.com", "icloud.com", "proton.me", "protonmail.com", "aol.com", "comcast.net", "live.com", "me.com",
      "fastmail.com", "hey.com");

  private static final Map<String, List<String>> LOCAL_MAIL = Map.ofEntries(
      Map.entry("GB", List.of("hotmail.co.uk", "btinternet.com", "yahoo.co.uk", "sky.com", "outlook.com")),
      Map.entry("DE", List.of("gmx.de", "web.de", "t-online.de", "posteo.de", "gmx.net")),
      Map.entry("FR", List.of("orange.fr", "free.fr", "wanadoo.fr", "laposte.net", "sfr.fr")),
      Map.entry("ES", List.of("telefonica.net", "yahoo.es", "hotmail.es")),
      Map.entry("IT", List.of("libero.it", "virgilio.it", "tiscali.it", "alice.it")),
      Map.entry("BR", List.of("uol.com.br", "bol.com.br", "terra.com.br")),
      Map.entry("NL", List.of("ziggo.nl", "kpnmail.nl", "planet.nl")),
      Map.entry("IN", List.of("rediffmail.com", "yahoo.co.in")),
      Map.entry("AU", List.of("bigpond.com", "optusnet.com.au")),
      Map.entry("CA", List.of("rogers.com", "shaw.ca", "videotron.ca")),
      Map.entry("US", List.of("att.net", "verizon.net", "sbcglobal.net")));

  private static final List<String> WORDS = List.of("sunny", "bluebird", "maple", "river", "pixel", "coffee", "moon",
      "fox", "tiger", "sakura", "koala", "nova", "echo", "lemon", "storm", "cedar", "pepper", "willow", "atlas",
      "kiwi", "mango", "ember", "frost", "orbit", "sparrow");

  private final Rng rng;

  Contacts(Rng rng) {
    this.rng = rng;
  }

  String phone(String country) {
    List<String> formats = PHONES.containsKey(country) && rng.chance(0.93) ? PHONES.get(country) : PHONES.get("XX");
    return rng.pattern(rng.pick(formats));
  }

  /** A slug made from the person's name when it can be written in ASCII, otherwise from words. */
  String slug(Person p, String sep) {
    if (!p.hasAsciiForm()) {
      return rng.pick(WORDS) + sep + rng.pick(WORDS) + (rng.chance(0.5) ? rng.between(1, 99) : "");
    }
    String first = clean(p.first());
    String last = clean(p.last());
    return switch (rng.between(0, 5)) {
      case 0 -> first + sep + last;
      case 1 -> first.charAt(0) + last;
      case 2 -> first + last + rng.between(1, 99);
      case 3 -> first + sep + last + sep + rng.oneOf("dev", "art", "photo", "design", "ml", "data", "writes");
      case 4 -> last + sep + first;
      default -> first + rng.oneOf("", sep) + last.charAt(0) + (rng.chance(0.6) ? rng.between(80, 2005) : "");
    };
  }

  private static String clean(String s) {
    return Person.ascii(s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  String email(Person p, String country, String companyDomain) {
    String local = slug(p, rng.oneOf(".", ".", "_", ""));
    String domain;
    if (companyDomain != null && rng.chance(0.6)) {
      domain = companyDomain;
    } else if (LOCAL_MAIL.containsKey(country) && rng.chance(0.35)) {
      domain = rng.pick(LOCAL_MAIL.get(country));
    } else {
      domain = rng.pick(FREEMAIL);
    }
    return local + "@" + domain;
  }

  /** A handle without its @: letters, digits, dots and underscores. */
  String handle(Person p) {
    String base = slug(p, rng.oneOf("", ".", "_"));
    return switch (rng.between(0, 4)) {
      case 0 -> base + "_";
      case 1 -> "the" + base;
      case 2 -> base + rng.between(1, 999);
      default -> base;
    };
  }

  /** A URL that identifies the person: a profile, a personal site, a booking or fundraising page. */
  String profileUrl(Person p) {
    String h = handle(p).replace("_", rng.oneOf("-", "_"));
    String slug = slug(p, "-");
    String scheme = rng.chance(0.45) ? "https://" : rng.chance(0.2) ? "https://www." : "";
    return switch (rng.between(0, 15)) {
      case 0, 1 -> scheme + "linkedin.com/in/" + slug + (scheme.isEmpty() || rng.chance(0.5) ? "" : "/");
      case 2 -> scheme + "github.com/" + h.replace(".", "-");
      case 3 -> scheme + "instagram.com/" + h;
      case 4 -> scheme + rng.oneOf("twitter.com/", "x.com/") + h.replace(".", "_");
      case 5 -> "https://" + slug.replace("-", "") + rng.oneOf(".dev", ".com", ".me", ".photo", ".io", ".net");
      case 6 -> scheme + "facebook.com/" + slug.replace("-", ".");
      case 7 -> "https://mastodon.social/@" + h.replace(".", "_");
      case 8 -> scheme + "tiktok.com/@" + h;
      case 9 -> scheme + "calendly.com/" + slug + "/" + rng.oneOf("30min", "15min", "intro", "call");
      case 10 -> scheme + "paypal.me/" + slug.replace("-", "");
      case 11 -> scheme + "gofundme.com/f/help-" + slug;
      case 12 -> "https://" + slug.replace("-", "") + ".substack.com";
      case 13 -> scheme + "behance.net/" + h.replace(".", "");
      case 14 -> scheme + "youtube.com/@" + h.replace(".", "");
      default -> "https://gitlab.com/" + h.replace(".", "");
    };
  }

  String companyDomain(String company) {
    return company.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + rng.oneOf(".com", ".co", ".io", ".co.uk",
        ".de", ".fr", ".net", ".org");
  }
}
