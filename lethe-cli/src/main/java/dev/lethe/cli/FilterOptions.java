package dev.lethe.cli;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.PrivacyFilter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options shared by every command that runs the Privacy Filter. */
final class FilterOptions {
  @Option(names = "--operating-point", paramLabel = "POINT", defaultValue = "balanced",
      description = "recall | balanced | precision (default: ${DEFAULT-VALUE}).")
  String operatingPoint;

  @Option(names = "--labels", split = ",", paramLabel = "LABEL",
      description = "Only these labels (comma-separated), e.g. private_email,private_phone.")
  List<String> labels;

  @Option(names = "--phone-region", paramLabel = "CC", defaultValue = "US",
      description = "Region of national phone formats without a country code (default: ${DEFAULT-VALUE}).")
  String phoneRegion;

  Set<Label> labelSet() {
    if (labels == null || labels.isEmpty()) {
      return EnumSet.allOf(Label.class);
    }
    Set<Label> set = EnumSet.noneOf(Label.class);
    for (String l : labels) {
      set.add(Label.fromId(l));
    }
    return set;
  }

  PrivacyFilter.Builder builder() {
    return PrivacyFilter.builder()
        .operatingPoint(OperatingPoint.fromId(operatingPoint))
        .labels(labelSet())
        .phoneRegion(phoneRegion);
  }
}
