package dev.lethe.train.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BioTagsTest {
  @Test
  void readsIob2() {
    assertThat(BioTags.mentions(List.of("B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC")))
        .containsExactly(new Mention("PER", 0, 2), new Mention("LOC", 3, 4), new Mention("LOC", 4, 6));
  }

  @Test
  void readsIob1WhereBOnlySeparatesTwoAdjacentMentions() {
    // wikigold and the SEC filings: I- opens a mention, B- only between two mentions of one type
    assertThat(BioTags.mentions(List.of("I-PER", "I-PER", "B-PER", "I-ORG", "O")))
        .containsExactly(new Mention("PER", 0, 2), new Mention("PER", 2, 3), new Mention("ORG", 3, 4));
  }

  @Test
  void readsBioesAndTypesWithDashes() {
    assertThat(BioTags.mentions(List.of("S-person", "B-creative-work", "E-creative-work", "I-creative-work")))
        .containsExactly(new Mention("person", 0, 1), new Mention("creative-work", 1, 3),
            new Mention("creative-work", 3, 4));
  }

  @Test
  void aMentionRunningToTheEndIsClosed() {
    assertThat(BioTags.mentions(List.of("O", "B-PER", "I-PER"))).containsExactly(new Mention("PER", 1, 3));
  }
}
