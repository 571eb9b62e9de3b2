package dev.lethe.train.synth;

import dev.lethe.filter.io.LabeledText;
import java.util.Set;

/**
 * A generated document and how it was made, for summaries and coverage checks.
 *
 * @param doc      the labelled text (UTF-16 offsets)
 * @param genre    e.g. {@code chat}, {@code letter}, {@code csv}
 * @param language ISO 639-1 code of the template's language
 * @param template the template's file and line, or the structured generator's name
 * @param features what the document contains beyond its labels: {@code origin:ja-Latn}, {@code addr:DE},
 *                 {@code addr:multiline}, {@code neg:public}, {@code name:title}, {@code style:lower}, ...
 */
public record SyntheticDoc(LabeledText doc, String genre, String language, String template, Set<String> features) {
  public SyntheticDoc {
    features = Set.copyOf(features);
  }
}
