package dev.lethe.filter.detect.secret;

import dev.lethe.filter.detect.Keywords;
import dev.lethe.filter.detect.Keywords.Boundary;
import java.util.ArrayList;
import java.util.List;

/** Collects the keywords of all rules and the anchor each one triggers; built once per detector. */
final class AnchorSet {
  private final Keywords.Builder keywords = Keywords.builder();
  private final List<Anchor> anchors = new ArrayList<>();

  /** Calls {@code anchor} wherever {@code keyword} occurs (ASCII case-insensitively, with {@code boundary}). */
  void on(String keyword, Boundary boundary, Anchor anchor) {
    keywords.add(keyword, boundary);
    anchors.add(anchor);
  }

  Keywords keywords() {
    return keywords.build();
  }

  /** The anchor of each keyword, by keyword index. */
  Anchor[] anchors() {
    return anchors.toArray(new Anchor[0]);
  }
}
