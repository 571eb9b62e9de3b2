package dev.lethe.pipeline.stage;

import java.util.Locale;

/**
 * Optional drop of documents dense in personal information, after Dolma, which drops documents with more
 * than five PII spans: such texts are mostly about someone (a dossier, a contact sheet) and masking leaves
 * little worth training on. Both limits are optional; a document over either is dropped. Pure.
 *
 * @param maxSpans        most masked spans a document may have, or null
 * @param maxPer1000Chars most masked spans per 1,000 characters, or null
 */
public record DensityGate(Integer maxSpans, Double maxPer1000Chars) {

  /** Why the document is too dense, or null when it may stay. */
  public String check(PiiStats stats) {
    if (maxSpans != null && stats.spans() > maxSpans) {
      return stats.spans() + " spans > " + maxSpans;
    }
    if (maxPer1000Chars != null && stats.density() > maxPer1000Chars) {
      return String.format(Locale.ROOT, "%.1f spans per 1000 chars > %s", stats.density(), maxPer1000Chars);
    }
    return null;
  }
}
