package dev.lethe.train.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpacingTest {
  private static String joined(List<String> tokens, List<String> gaps) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      b.append(i == 0 ? "" : gaps.get(i)).append(tokens.get(i));
    }
    return b.toString();
  }

  private static String detok(String spaced) {
    List<String> tokens = List.of(spaced.split(" "));
    return joined(tokens, Spacing.detokenize(tokens));
  }

  @Test
  void detokenisesPunctuationCliticsBracketsAndQuotes() {
    assertThat(detok("It 's the view , I do n't know ( really ) !")).isEqualTo("It's the view, I don't know (really)!");
    assertThat(detok("He said \" no way \" and left ...")).isEqualTo("He said \"no way\" and left...");
    assertThat(detok("Paid $ 20 , 50 % off # tbt @ jo")).isEqualTo("Paid $20, 50% off #tbt @jo");
  }

  @Test
  void alignsTokensToTheOriginalTextKeepingParagraphsAndDroppingMarkup() {
    String original = "CHAPTER I\n\nIn Chancery\n\nLondon.  Lincoln's _Inn_ Hall.";
    List<String> tokens = List.of("CHAPTER", "I", "In", "Chancery", "London", ".", "Lincoln", "'s", "Inn", "Hall", ".");
    List<String> gaps = Spacing.align(original, tokens);
    assertThat(joined(tokens, gaps)).isEqualTo("CHAPTER I\nIn Chancery\nLondon. Lincoln's Inn Hall.");
  }

  @Test
  void refusesToAlignWhenWordsWouldBeSkipped() {
    assertThat(Spacing.align("the cat sat", List.of("the", "sat"))).isNull();
    assertThat(Spacing.align("an a", List.of("a", "a"))).isNull();
  }

  @Test
  void findsAnExcerptInsideALongerText() {
    String book = "Contents: Chapter One. Chapter Two.\n\nChapter One\n\nIt was dark.";
    List<String> tokens = List.of("Chapter", "One", "It", "was", "dark", ".");
    assertThat(joined(tokens, Spacing.alignExcerpt(book, tokens, 10))).isEqualTo("Chapter One\nIt was dark.");
  }
}
