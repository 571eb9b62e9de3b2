package dev.lethe.filter.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicFiguresTest {
  private static final Lexicon LEXICON = Lexicon.builder().famousPerson("John Smith").build();

  /** The index of the last token of {@code t} spelled {@code word}. */
  private static int indexOf(Tokens t, String word) {
    int found = -1;
    for (int i = 0; i < t.size(); i++) {
      if (t.text().startsWith(word, t.start(i))) {
        found = i;
      }
    }
    return found;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I met John Smith yesterday.|John|2|true|false",
      "John Smith called me about the flat.|John|2|true|false",
      "My neighbour, the actor John Smith, waved.|John|2|true|false",
      "John Smith founded the colony in 1607.|John|2|true|true",
      "My friend Keisha swears the president John Smith has more titles.|John|2|true|true",
      "Smith gave a speech in the senate.|Smith|1|true|true",
      "Smith was there.|Smith|1|true|false",
      "Microsoft CEO Ana Ruiz announced it.|Ana|2|false|true",
      "Le président Emmanuel Macron a reçu le chancelier.|Emmanuel|2|false|true",
      "Our president, Maria Lopez, signed it.|Maria|2|false|false",
      "Maria Lopez signed it.|Maria|2|false|false"})
  void aNameIsPublicByTheListOrARoleUnlessAPrivateCueSitsNextToIt(String text, String firstWord, int words,
      boolean listed, boolean expected) {
    Tokens t = Tokens.of(text, 0, text.length());
    int first = indexOf(t, firstWord);
    assertEquals(expected, PublicFigures.isPublic(t, first, first + words, LEXICON, listed), text);
  }
}
