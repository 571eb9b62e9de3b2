package dev.lethe.filter.detect;

import dev.lethe.filter.Span;
import java.util.List;

/**
 * A detector that reads the text together with what the other detectors found: the context tagger uses
 * the structured spans (an e-mail next to a name, a date the rules recognised) as features.
 * {@link dev.lethe.filter.PrivacyFilter} runs these after all plain detectors.
 */
public interface ContextualDetector extends Detector {

  /**
   * Appends candidates to {@code out}.
   *
   * @param found the other detectors' spans: resolved, sorted, scored at least at the recall threshold
   */
  void detect(String text, List<Span> found, List<Span> out);

  @Override
  default void detect(String text, List<Span> out) {
    detect(text, List.of(), out);
  }
}
