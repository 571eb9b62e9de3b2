package dev.lethe.pipeline.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample inputs bundled for {@code lethe demo}: crawled pages as JSONL and WARC with each site's
 * robots.txt and tdmrep.json (a TDM-reserved section, a paywalled page, a login page, a people-search site,
 * a site without robots.txt, bad lines), and partner files under allowed and refused licences. All invented.
 */
public final class DemoInputs {
  private static final String ROOT = "/dev/lethe/pipeline/demo/";

  private DemoInputs() {}

  /** Copies the sample inputs into {@code dir}: {@code dir/web} (crawl) and {@code dir/partner}. */
  public static void extract(Path dir) {
    try {
      for (String name : index()) {
        try (InputStream in = DemoInputs.class.getResourceAsStream(ROOT + name)) {
          if (in == null) {
            throw new IllegalStateException("demo resource missing: " + name);
          }
          Path target = dir.resolve(name);
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo inputs to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static List<String> index() throws IOException {
    try (InputStream in = DemoInputs.class.getResourceAsStream(ROOT + "index.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
