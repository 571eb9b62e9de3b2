package dev.lethe.filter.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicFiguresTest {
  private static final Lexicon LEXICON = Lexicon.builder().famousPerson("John Smith").build();

  /** The tokens of {@code text} and the index of the last token spelled {@code word}. */
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
      "I met John Smith yesterday.|false",
      "John Smith called me about the flat.|false",
      "Explorer John Smith founded the colony in 1607.|true",
      "The former president John Smith gave a speech.|true",
      "My neighbour, the actor John Smith, waved.|false",
      "My friend Keisha swears the president John Smith has more titles.|true",
      "At the award show I met John Smith backstage.|false",
      "John Smith was there.|false",
      "He won the title. John Smith was there.|false"})
  void aListedNameIsPublicOnlyInAPublicRoleSentence(String text, boolean expected) {
    Tokens t = Tokens.of(text, 0, text.length());
    int first = indexOf(t, "John");
    assertEquals(expected, PublicFigures.inPublicRole(t, first, first + 2, LEXICON), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Microsoft CEO Ana Ruiz announced it.|Ana|true",
      "Le président Emmanuel Macron a reçu le chancelier.|Emmanuel|true",
      "Our president, Maria Lopez, signed it.|Maria|false",
      "I met Maria Lopez at the station.|Maria|false",
      "Maria Lopez signed it.|Maria|false"})
  void aPublicRoleAsTitleMakesAnyNamePublic(String text, String firstWord, boolean expected) {
    Tokens t = Tokens.of(text, 0, text.length());
    int first = indexOf(t, firstWord);
    assertEquals(expected, PublicFigures.titledByPublicRole(t, first, first + 2, LEXICON), text);
  }
}
