package dev.lethe.train.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.filter.Label;
import dev.lethe.filter.eval.DevSplit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocAssemblerTest {
  private static final PersonTypes NAMES = PersonTypes.of("PER");
  private static final PersonTypes PHRASES = new PersonTypes(Set.of("PER"), true);

  private static CorpusDoc doc(PersonTypes types, String spaced, String... tags) {
    List<String> tokens = List.of(spaced.split(" "));
    return new DocAssembler(types).add(Sentence.tagged(tokens, List.of(tags), null), " ")
        .build("t:1", "test", DevSplit.TRAIN);
  }

  private static List<String> spans(CorpusDoc d) {
    return d.spans().stream().map(s -> s.label().id() + ":" + d.text().substring(s.start(), s.end())).toList();
  }

  private static List<String> ignored(CorpusDoc d) {
    return d.ignore().stream().map(r -> d.text().substring(r.start(), r.end())).toList();
  }

  @Test
  void personsBecomeSpansOtherTypesIgnoreRegionsAndAHandleAUrl() {
    CorpusDoc d = doc(NAMES, "@jo_b met Ana Ruiz in Paris", "B-PER", "O", "B-PER", "I-PER", "O", "B-LOC");
    assertThat(d.text()).isEqualTo("@jo_b met Ana Ruiz in Paris");
    assertThat(spans(d)).containsExactly("private_url:@jo_b", "private_person:Ana Ruiz");
    assertThat(ignored(d)).containsExactly("Paris");
  }

  @Test
  void leadingTitlesStayOutsideAndRoleOnlyOrLetterlessMentionsAreIgnored() {
    CorpusDoc d = doc(NAMES, "Dr. Ana Ruiz and the Borrower paid 200", "B-PER", "I-PER", "I-PER", "O", "O",
        "B-PER", "O", "B-PER");
    assertThat(spans(d)).containsExactly("private_person:Ana Ruiz");
    assertThat(ignored(d)).containsExactly("Borrower", "200");
  }

  @Test
  void nounPhraseMentionsKeepOnlyTheName() {
    CorpusDoc d = doc(PHRASES, "old Mr. Blowers told him , the Lord High Chancellor , and the commander of U.S. Forces",
        "B-PER", "I-PER", "I-PER", "O", "B-PER", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "B-PER",
        "I-PER", "I-PER", "I-PER", "I-PER");
    assertThat(spans(d)).containsExactly("private_person:Blowers");
    assertThat(ignored(d)).containsExactly("him", "the Lord High Chancellor", "the commander of U.S. Forces");
  }

  @Test
  void nestedMentionsResolveToDisjointSpansAndRegions() {
    List<String> tokens = List.of("Lincoln", "'s", "Inn", "and", "Arthur", "Wellington");
    Sentence s = new Sentence(tokens, Spacing.detokenize(tokens), List.of(
        new Mention("PER", 0, 1), new Mention("FAC", 0, 3), new Mention("PER", 4, 6), new Mention("GPE", 5, 6)));
    CorpusDoc d = new DocAssembler(PHRASES).add(s, " ").build("t:2", "fiction", DevSplit.TRAIN);
    assertThat(d.text()).isEqualTo("Lincoln's Inn and Arthur Wellington");
    assertThat(spans(d)).containsExactly("private_person:Arthur Wellington");
    assertThat(ignored(d)).containsExactly("Lincoln's Inn");
  }

  @Test
  void writesCodePointOffsetsAndTheRowFields() throws Exception {
    CorpusDoc d = doc(NAMES, "😀 Ana 😀 Ruiz", "O", "B-PER", "O", "B-PER");
    Corpus corpus = new Corpus("test", "o/r", "CC0", "en", "social", "", (s, c) -> List.of());
    JsonNode row = new ObjectMapper().readTree(CorpusWriter.json(d, corpus));
    assertThat(row.path("spans").get(0).path("start").asInt()).isEqualTo(2);
    assertThat(row.path("spans").get(1).path("start").asInt()).isEqualTo(8);
    assertThat(row.path("spans").get(1).path("end").asInt()).isEqualTo(12);
    assertThat(row.path("spans").get(0).path("label").asText()).isEqualTo(Label.PRIVATE_PERSON.id());
    assertThat(row.path("source").asText()).isEqualTo("test");
    assertThat(row.path("lang").asText()).isEqualTo("en");
    assertThat(row.path("genre").asText()).isEqualTo("test");
    assertThat(row.path("split").asText()).isEqualTo("train");
  }
}
