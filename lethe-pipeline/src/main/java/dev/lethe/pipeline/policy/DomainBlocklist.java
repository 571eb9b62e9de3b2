package dev.lethe.pipeline.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Domains never trained on: people-search sites and personal-data aggregators, whose pages are dossiers
 * about private individuals. A host matches its own entry and any subdomain of it ({@code www.spokeo.com}
 * matches {@code spokeo.com}). Immutable and thread-safe.
 */
public final class DomainBlocklist {
  private final Set<String> domains;

  public DomainBlocklist(Collection<String> domains) {
    this.domains = domains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The list shipped with Lethe ({@code default-blocklist.txt}: one domain a line, '#' comments). */
  public static List<String> defaults() {
    try (InputStream in = DomainBlocklist.class.getResourceAsStream("/dev/lethe/pipeline/default-blocklist.txt")) {
      if (in == null) {
        throw new IllegalStateException("default-blocklist.txt is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The blocklisted domain that {@code host} falls under, or null. */
  public String match(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    while (true) {
      if (domains.contains(h)) {
        return h;
      }
      int dot = h.indexOf('.');
      if (dot < 0) {
        return null;
      }
      h = h.substring(dot + 1);
    }
  }
}
