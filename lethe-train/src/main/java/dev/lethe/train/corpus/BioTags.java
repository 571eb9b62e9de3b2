package dev.lethe.train.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes per-token entity tags into mentions. One lenient reading covers the schemes the corpora use:
 * IOB2 ({@code B-PER I-PER}), IOB1 (wikigold, SEC filings: {@code I-PER I-PER}, {@code B-} only between two
 * adjacent mentions of one type) and BIOES ({@code S-}, {@code E-}). A mention starts at {@code B-} or
 * {@code S-}, or at an {@code I-}/{@code E-} whose type differs from the open mention's; {@code E-} and
 * {@code S-} close it; {@code O} (or any tag without a type) ends it.
 */
final class BioTags {
  private BioTags() {}

  static List<Mention> mentions(List<String> tags) {
    List<Mention> out = new ArrayList<>();
    String open = null;
    int start = 0;
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      int dash = tag.indexOf('-');
      String prefix = dash == 1 ? tag.substring(0, 1) : "O";
      String type = dash == 1 ? tag.substring(2) : null;
      boolean begins = prefix.equals("B") || prefix.equals("S") || type == null || !type.equals(open);
      if (open != null && begins) {
        out.add(new Mention(open, start, i));
        open = null;
      }
      if (type == null || !"BISE".contains(prefix)) {
        continue;
      }
      if (open == null) {
        open = type;
        start = i;
      }
      if (prefix.equals("E") || prefix.equals("S")) {
        out.add(new Mention(open, start, i + 1));
        open = null;
      }
    }
    if (open != null) {
      out.add(new Mention(open, start, tags.size()));
    }
    return out;
  }
}
