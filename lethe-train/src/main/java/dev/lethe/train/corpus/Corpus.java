package dev.lethe.train.corpus;

import java.util.List;
import java.util.Objects;

/**
 * One labelled corpus: the repository snapshot it is read from, its licence as checked in that snapshot,
 * and how it is converted. Its files are written as {@code <name>/<split>.jsonl}.
 *
 * @param name    folder and {@code source} value of its rows, e.g. {@code wnut17}
 * @param repo    {@code owner/name} of the fetched repository
 * @param licence the licence of text and annotations, as its licence files state it
 * @param lang    ISO 639-1 code of its language
 * @param genre   the genre of its documents unless the converter names one per document
 * @param notes   what the conversion keeps and leaves out, for the manifest
 */
record Corpus(String name, String repo, String licence, String lang, String genre, String notes,
    Converter converter) {
  Corpus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(licence, "licence");
    Objects.requireNonNull(converter, "converter");
  }

  /** Reads a corpus's documents from its snapshot. */
  @FunctionalInterface
  interface Converter {
    List<CorpusDoc> convert(Snapshot snapshot, Corpus corpus);
  }
}
