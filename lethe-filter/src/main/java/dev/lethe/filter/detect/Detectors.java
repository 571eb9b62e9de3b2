package dev.lethe.filter.detect;

import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.detect.secret.SecretDetector;
import dev.lethe.filter.tagger.CrfModel;
import dev.lethe.filter.tagger.Tagger;
import java.util.ArrayList;
import java.util.List;

/** The default detector set. */
public final class Detectors {
  private Detectors() {}

  /**
   * The structured detectors, with national phone formats of {@code phoneRegion}: e-mail, phone, URL,
   * account number, national and health ids, secret, and the secret and id columns of delimited
   * tables. They need no model.
   */
  public static List<Detector> structured(String phoneRegion) {
    return List.of(new EmailDetector(), new PhoneDetector(phoneRegion), new UrlDetector(),
        new AccountNumberDetector(), new NationalIdDetector(), new SecretDetector(),
        new TableColumnDetector());
  }

  /**
   * The structured detectors plus the context tagger with the bundled model, tuned for {@code point}.
   * The tagger decides names, addresses and dates; the date rules feed it as features. Without a bundled
   * model, the date rules report dates themselves.
   */
  public static List<Detector> defaults(String phoneRegion, OperatingPoint point) {
    List<Detector> list = new ArrayList<>(structured(phoneRegion));
    CrfModel model = Tagger.bundledModel();
    list.add(model != null ? new Tagger(model, point) : new DateDetector());
    return List.copyOf(list);
  }
}
