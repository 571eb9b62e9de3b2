package dev.lethe.filter.detect;

import java.util.List;

/** The default detector set. */
public final class Detectors {
  private Detectors() {}

  /** Every built-in detector, with national phone formats of {@code phoneRegion}. */
  public static List<Detector> defaults(String phoneRegion) {
    return List.of(new EmailDetector(), new PhoneDetector(phoneRegion), new UrlDetector(),
        new AccountNumberDetector(), new DateDetector());
  }
}
