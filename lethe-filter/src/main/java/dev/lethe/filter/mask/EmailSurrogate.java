package dev.lethe.filter.mask;

import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Fake email addresses: the local part rebuilt from fake names in the original's shape ({@code
 * ana.ruiz84} becomes e.g. {@code lena.hart27}, see {@link Handles}); the domain of a large public mail
 * provider ({@code gmail.com}) kept, since it identifies no one and keeps the text natural; any other domain,
 * which may name an employer or a person, replaced by a made-up one under the reserved {@code .example}
 * top-level domain (RFC 2606), which can never be a real address.
 */
final class EmailSurrogate implements Surrogate {
  /** Mail providers with millions of users each. */
  static final Set<String> PUBLIC_PROVIDERS = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
      "hotmail.co.uk", "hotmail.fr", "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com",
      "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "gmx.com",
      "web.de", "t-online.de", "orange.fr", "free.fr", "laposte.net", "libero.it", "yandex.ru", "mail.ru",
      "qq.com", "163.com", "126.com", "naver.com", "zoho.com", "fastmail.com", "tutanota.com");

  @Override
  public String fake(String original, String subtype, Random random) {
    int at = original.lastIndexOf('@');
    if (at <= 0) {
      return Handles.fake(original, random);
    }
    String domain = original.substring(at + 1);
    String local = original.substring(0, at);
    String prefix = local.regionMatches(true, 0, "mailto:", 0, 7) ? local.substring(0, 7) : "";
    String fakeLocal = Handles.fake(local.substring(prefix.length()), random);
    return prefix + fakeLocal + "@" + fakeDomain(domain, random);
  }

  /** The domain itself when a public provider's, else a made-up {@code .example} domain. */
  static String fakeDomain(String domain, Random random) {
    if (PUBLIC_PROVIDERS.contains(domain.toLowerCase(Locale.ROOT))) {
      return domain;
    }
    return Casing.of(domain).apply(Fakers.asciiName(random, true) + ".example");
  }
}
