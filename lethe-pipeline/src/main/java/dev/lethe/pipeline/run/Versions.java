package dev.lethe.pipeline.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions recorded in manifests, from the build (Maven resource filtering). */
public final class Versions {
  private static final Properties P = new Properties();

  static {
    try (InputStream in = Versions.class.getResourceAsStream("/dev/lethe/pipeline/version.properties")) {
      if (in != null) {
        P.load(in);
      }
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Versions() {}

  /** {@code lethe-filter <version>}. */
  public static String filter() {
    return "lethe-filter " + P.getProperty("version", "dev");
  }

  /** {@code lethe-pipeline <version>}. */
  public static String pipeline() {
    return "lethe-pipeline " + P.getProperty("version", "dev");
  }
}
