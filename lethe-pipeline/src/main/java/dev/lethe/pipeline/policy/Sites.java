package dev.lethe.pipeline.policy;

import dev.lethe.pipeline.source.Inputs;
import java.io.IOException;
import java.io.InputStream;
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
 * disallow (RFC 9309 section 2.3.1.4 for server errors; the crawl cannot show it was allowed); so is one
 * that cannot be read (permissions, a broken link). Only the first 500 KiB of a robots.txt are read. A
 * tdmrep.json that cannot be read or parsed, or is over 1 MiB, reserves the whole site.
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
      } catch (IOException | UncheckedIOException e) {
        throw new IllegalArgumentException("cannot list the site files in " + sites + ": " + Inputs.problem(e), e);
      }
    }
    return new Sites(map);
  }

  /** tdmrep.json files are a few rules; anything larger is not one. */
  static final int MAX_TDMREP_BYTES = 1 << 20;

  private static Site read(Path dir) {
    RobotsTxt robots = null;
    String robotsProblem = null;
    Path r = dir.resolve("robots.txt");
    if (Files.exists(r)) {
      try {
        robots = RobotsTxt.parse(head(r, RobotsTxt.MAX_BYTES + 1));  // parse reads the first MAX_BYTES, as RFC 9309 allows
      } catch (RobotsTxt.UnparseableException e) {
        robotsProblem = e.getMessage();
      } catch (IOException e) {
        robotsProblem = "robots.txt cannot be read (" + Inputs.problem(e) + ")";
      }
    } else {
      robotsProblem = "no robots.txt stored for the site";
    }
    TdmRep tdm = null;
    String tdmProblem = null;
    Path t = dir.resolve("tdmrep.json");
    if (Files.exists(t)) {
      try {
        byte[] b = head(t, MAX_TDMREP_BYTES + 1);
        if (b.length > MAX_TDMREP_BYTES) {
          tdmProblem = "tdmrep.json is over 1 MiB";
        } else {
          tdm = TdmRep.parse(b);
        }
      } catch (IOException e) {
        tdmProblem = Files.isReadable(t) ? "tdmrep.json cannot be parsed" : "tdmrep.json cannot be read (" + Inputs.problem(e) + ")";
      }
    }
    return new Site(robots, robotsProblem, tdm, tdmProblem);
  }

  /** At most the first {@code max} bytes of a file: a stored file of any size costs no more memory. */
  private static byte[] head(Path file, int max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(max);
    }
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
