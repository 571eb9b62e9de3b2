package dev.lethe.train.tagger;

import dev.lethe.filter.Label;
import dev.lethe.filter.io.LabeledText;
import dev.lethe.filter.tagger.Lexicon;
import dev.lethe.filter.tagger.Tags;
import dev.lethe.filter.tagger.Tokens;
import java.util.List;
import java.util.Set;

/**
 * Turns gold spans into per-token tag masks, honouring what each dataset annotates. A token inside a gold
 * span of a tagged label must carry that span's B/I/E/S tag; a token inside an ignore region may carry
 * any tag; any other token must be O for the labels the dataset annotates, and may be anything for the
 * labels it does not (usaddress marks addresses only, so a name there is neither right nor wrong). Names of
 * public figures are unconstrained too.
 */
final class Annotation {
  private static final int ALL = (1 << Tags.COUNT) - 1;

  private Annotation() {}

  /**
   * @param marksPublicFigures whether the dataset marks public figures as people (the public corpora do);
   *     where it does not, names on the public-figure list are left unconstrained
   */
  static int[] masks(LabeledText doc, Tokens t, Set<Label> annotated, Lexicon lexicon, boolean marksPublicFigures) {
    int n = t.size();
    int free = 1 << Tags.O;
    for (int l = 0; l < Tags.LABELS.length; l++) {
      if (!annotated.contains(Tags.LABELS[l])) {
        for (int part = 0; part < Tags.PARTS; part++) {
          free |= 1 << Tags.tag(l, part);
        }
      }
    }
    int[] mask = new int[n];
    java.util.Arrays.fill(mask, free);
    for (LabeledText.Region r : doc.ignore()) {
      for (int i = t.indexAtOrAfter(r.start()); i < n && t.start(i) < r.end(); i++) {
        mask[i] = ALL;
      }
      int before = t.indexAtOrAfter(r.start()) - 1; // a token straddling the region's start
      if (before >= 0 && t.end(before) > r.start()) {
        mask[before] = ALL;
      }
    }
    for (LabeledText.Gold g : doc.spans()) {
      int first = t.indexAtOrAfter(g.start());
      int last = first;
      while (last < n && t.end(last) < g.end()) {
        last++;
      }
      boolean aligned = first < n && t.start(first) == g.start() && last < n && t.end(last) == g.end();
      int label = Tags.labelIndex(g.label());
      if (!aligned) {
        for (int i = Math.max(0, first - 1); i <= Math.min(n - 1, last); i++) {
          mask[i] = ALL; // boundary inside a token: leave it unconstrained
        }
        continue;
      }
      for (int i = first; i <= last; i++) {
        if (label < 0) {
          mask[i] = 1 << Tags.O; // an e-mail, a phone, ...: not the tagger's
        } else {
          int part = first == last ? Tags.S : i == first ? Tags.B : i == last ? Tags.E : Tags.I;
          mask[i] = 1 << Tags.tag(label, part);
        }
      }
    }
    // Public figures and fictional characters: the corpora mark them as people, chat-dev does not; whether
    // they are private is decided at tagging time from the list and the context (PublicFigures), so where
    // the data is silent training learns neither way, and where it marks them the tagger learns to find them.
    for (int[] phrase : marksPublicFigures ? List.<int[]>of() : lexicon.famousPhrases(t)) {
      for (int i = phrase[0]; i < phrase[1]; i++) {
        mask[i] = ALL;
      }
    }
    return mask;
  }
}
