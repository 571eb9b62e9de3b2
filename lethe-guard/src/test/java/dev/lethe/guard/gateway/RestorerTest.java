package dev.lethe.guard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import dev.lethe.filter.mask.MaskKey;
import dev.lethe.filter.mask.Maskers;
import dev.lethe.filter.mask.Redaction;
import dev.lethe.filter.mask.ReversibleMasker;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestorerTest {
  final ReversibleMasker masker = Maskers.reversible(MaskKey.of(new byte[32]));
  final Redaction r = masker.mask("Ana Ruiz, 221B Baker Street", List.of(Span.of(Label.PRIVATE_PERSON, 0, 8, 1, "t"),
      Span.of(Label.PRIVATE_ADDRESS, 10, 27, 1, "t")));

  @Test
  void holdsAPlaceholderSplitAcrossChunksUntilItIsWhole() {
    Restorer restorer = new Restorer(masker, r.vault());
    StringBuilder out = new StringBuilder();
    String answer = "Dear <PRIVATE_PERSON_1>, is <PRIVATE_ADDRESS_1> right? 3 < 4 and <b>bold</b> <PRIVATE_PERSON_9>";
    for (int i = 0; i < answer.length(); i++) {
      String piece = restorer.push(answer.substring(i, i + 1));
      assertThat(piece).doesNotContain("<PRIVATE_PERSON_1").doesNotContain("<PRIVATE_ADDRESS_1");
      out.append(piece);
    }
    out.append(restorer.finish());
    assertThat(out.toString())
        .isEqualTo("Dear Ana Ruiz, is 221B Baker Street right? 3 < 4 and <b>bold</b> <PRIVATE_PERSON_9>");
  }
}
