package dev.lethe.pipeline.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What each crawled site said about crawling and mining, as stored beside the crawl: for every host a folder
 * {@code sites/<host>/} with {@code robots.txt} and, where the site had one, {@code tdmrep.json} (its
 * {@code /.well-known/tdmrep.json}). Loaded once before the build, then immutable and thread-safe.
 *
 * <p>A host with no stored robots.txt, or one that cannot be parsed, is treated as unreachable: a complete
 * disallow (RFC 9309 section 2.3.1.4 for server errors; the crawl cannot show it was allowed). A
 * tdmrep.json that cannot be parsed reserves the whole site.
 */
public final class Sites {
  /** One site's files: robots or the reason it is unavailable; TDMRep rules, unparseable, or none. */
  public record Site(RobotsTxt robots, String robotsProblem, TdmRep tdmRep, String tdmProblem) {}

  private final Map<String, Site> byHost;

  private Sites(Map<String, Site> byHost) {
    this.byHost = Map.copyOf(byHost);
  }

  public static Sites none() {
    return new Sites(Map.of());
  }

  /** Reads every {@code <dir>/sites/<host>/} of the crawl folders; an earlier folder wins for a host. */
  public static Sites load(List<Path> crawlDirs) {
    Map<String, Site> map = new HashMap<>();
    for (Path dir : crawlDirs) {
      Path sites = dir.resolve("sites");
      if (!Files.isDirectory(sites)) {
        continue;
      }
      try (Stream<Path> hosts = Files.list(sites)) {
        for (Path h : hosts.filter(Files::isDirectory).sorted().toList()) {
          map.putIfAbsent(h.getFileName().toString().toLowerCase(Locale.ROOT), read(h));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + sites + ": " + e.getMessage(), e);
      }
    }
    return new Sites(map);
  }

  private static Site read(Path dir) throws IOException {
    RobotsTxt robots = null;
    String robotsProblem = null;
    Path r = dir.resolve("robots.txt");
    if (Files.isRegularFile(r)) {
      try {
        robots = RobotsTxt.parse(Files.readAllBytes(r));
      } catch (RobotsTxt.UnparseableException e) {
        robotsProblem = e.getMessage();
      }
    } else {
      robotsProblem = "no robots.txt stored for the site";
    }
    TdmRep tdm = null;
    String tdmProblem = null;
    Path t = dir.resolve("tdmrep.json");
    if (Files.isRegularFile(t)) {
      try {
        tdm = TdmRep.parse(Files.readAllBytes(t));
      } catch (IOException e) {
        tdmProblem = "tdmrep.json cannot be parsed";
      }
    }
    return new Site(robots, robotsProblem, tdm, tdmProblem);
  }

  /** The stored files of {@code host}; a host never crawled has no robots.txt. */
  public Site site(String host) {
    Site s = byHost.get(host.toLowerCase(Locale.ROOT));
    return s != null ? s : new Site(null, "no robots.txt stored for the site", null, null);
  }

  /** How many sites have stored files. */
  public int size() {
    return byHost.size();
  }
}
