package dev.lethe.cli;

import dev.lethe.filter.mask.MaskKey;
import dev.lethe.filter.mask.MaskStyle;
import dev.lethe.filter.mask.Masker;
import dev.lethe.filter.mask.Maskers;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** How detected spans are masked; keyed styles take their key from LETHE_MASK_KEY. */
final class MaskOptions {
  @Option(names = "--mask", paramLabel = "STYLE", defaultValue = "placeholder",
      description = {"placeholder | numbered | redact | hash | surrogate | reversible (default: ${DEFAULT-VALUE}).",
          "hash, surrogate and reversible are keyed: set LETHE_MASK_KEY (base64, 32+ bytes)."})
  String style;

  /** The masker for the chosen style; warns on {@code err} when a keyed style runs on the development key. */
  Masker masker(String phoneRegion, PrintStream err) {
    MaskStyle s = MaskStyle.fromId(style);
    MaskKey key = null;
    if (s.keyed()) {
      key = MaskKey.fromEnvironment();
      if (key.isDevelopment()) {
        err.println("lethe: warning: " + s.id() + " masking uses the public development key; set "
            + MaskKey.KEY_VARIABLE + " (base64, at least " + MaskKey.MIN_BYTES + " bytes) for real data");
      }
    }
    return Maskers.create(s, key, phoneRegion);
  }
}
