package dev.lethe.filter.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicFiguresTest {
  private static final Lexicon LEXICON = Lexicon.builder().famousPerson("John Smith").build();

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
    int first = -1;
    for (int i = 0; i < t.size(); i++) {
      if (text.startsWith("John", t.start(i))) {
        first = i;
      }
    }
    assertEquals(expected, PublicFigures.inPublicRole(t, first, first + 2, LEXICON), text);
  }
}
