package dev.lethe.train.tagger;

import dev.lethe.filter.Label;
import dev.lethe.filter.eval.DevSplit;
import dev.lethe.filter.io.LabeledText;
import java.util.Set;

/** A labelled document, where it came from, which labels its source annotates, and its split. */
record TrainingDoc(LabeledText doc, String source, Set<Label> annotated, DevSplit split) {}
