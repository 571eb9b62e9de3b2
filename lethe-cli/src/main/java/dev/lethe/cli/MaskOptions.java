package dev.lethe.cli;

import dev.lethe.filter.mask.Masker;
import dev.lethe.filter.mask.PlaceholderMasker;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** How detected spans are masked. */
final class MaskOptions {
  @Option(names = "--mask", paramLabel = "STYLE", defaultValue = "placeholder",
      description = "Masking style (default: ${DEFAULT-VALUE}).")
  String style;

  Masker masker(PrintStream err) {
    if (!style.equals("placeholder")) {
      throw new IllegalArgumentException("unknown masking style '" + style + "'");
    }
    return new PlaceholderMasker();
  }
}
