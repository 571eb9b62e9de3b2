package dev.lethe.filter.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameEchoesTest {
  private static final Lexicon LEXICON = Lexicon.builder().dictionaryWord("will", 3).lastName("pearl", 2)
      .dictionaryWord("pearl", 3).build();

  private static List<String> echoes(String text, Span... tagged) {
    List<Span> out = new ArrayList<>(List.of(tagged));
    NameEchoes.add(text, List.of(), out, 0, 0.5, LEXICON);
    return out.subList(tagged.length, out.size()).stream()
        .map(s -> text.substring(s.start(), s.end()) + "@" + s.start()).toList();
  }

  private static Span person(String text, String name, double score) {
    int at = text.indexOf(name);
    return new Span(Label.PRIVATE_PERSON, null, at, at + name.length(), score, Tagger.NAME);
  }

  @Test
  void aLaterMentionOfATaggedNameIsTaggedToo() {
    String text = "said Marc Pearl, vice-president of Acme. Later Pearl said the plan works, and Marc Pearl left.";
    assertEquals(List.of("Pearl@47", "Marc Pearl@78"), echoes(text, person(text, "Marc Pearl", 0.9)));
  }

  @Test
  void unconfidentPublicOrCommonWordsDoNotEcho() {
    String text = "Will Ortega arrived. Will you come? Ortega waved.";
    assertEquals(List.of("Ortega@36"), echoes(text, person(text, "Will Ortega", 0.9)));
    assertEquals(List.of(), echoes(text, person(text, "Will Ortega", 0.3)));
    Span publicFigure = new Span(Label.PRIVATE_PERSON, "public_figure", 0, 11, 0.9, Tagger.NAME);
    assertEquals(List.of(), echoes(text, publicFigure));
  }

  @Test
  void lowerCaseUsesAreNotNames() {
    String text = "Ana Pearl wore a pearl necklace.";
    assertEquals(List.of(), echoes(text, person(text, "Ana Pearl", 0.9)));
  }
}
