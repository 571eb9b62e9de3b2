package dev.lethe.guard;

import dev.lethe.filter.Label;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the guard did to one answer.
 *
 * @param text     the answer to pass on: masked, cut short with the refusal message, or unchanged
 * @param verdict  what happened
 * @param findings what was found, in answer order (in refuse mode, up to the refused piece)
 * @param request  the prompt's request for a private individual's data, or null
 */
public record GuardResult(String text, Verdict verdict, List<Finding> findings, PrivateDataRequest request) {

  /** What the guard did. */
  public enum Verdict {
    /** Nothing private was found. */
    CLEAN,
    /** Private data was masked. */
    MASKED,
    /** The answer was refused (cut short with the refusal message), or the request was. */
    REFUSED,
    /** Report mode found private data and changed nothing. */
    REPORTED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public GuardResult {
    findings = List.copyOf(findings);
  }

  /** Findings per label, e.g. for an audit record that must not hold text. */
  public Map<Label, Integer> counts() {
    Map<Label, Integer> counts = new EnumMap<>(Label.class);
    findings.forEach(f -> counts.merge(f.label(), 1, Integer::sum));
    return counts;
  }

  /** Findings that are entries of the suppression list. */
  public long suppressed() {
    return findings.stream().filter(Finding::suppressed).count();
  }
}
