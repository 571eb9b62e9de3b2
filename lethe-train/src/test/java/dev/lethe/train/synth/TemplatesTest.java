package dev.lethe.train.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  @Test
  void everyTemplateRendersWithItsSlots() {
    SyntheticCorpus corpus = new SyntheticCorpus(5);
    int n = 0;
    for (Template t : SyntheticCorpus.templates()) {
      String lang = t.name().split("\\.")[1];
      for (int i = 0; i < 4; i++) {
        SyntheticDoc d = corpus.renderTemplate(source(t), lang, "US", n++);
        CorpusInvariantsTest.assertWellFormed(d.doc());
      }
    }
    assertThat(SyntheticCorpus.templates()).hasSizeGreaterThan(150);
  }

  /** Templates keep their parsed form only; rebuild a source string to go through the public rendering path. */
  private static String source(Template t) {
    StringBuilder sb = new StringBuilder();
    append(t.body(), sb);
    return sb.toString();
  }

  private static void append(java.util.List<Template.Node> nodes, StringBuilder sb) {
    for (Template.Node n : nodes) {
      if (n instanceof Template.Lit l) {
        sb.append(l.text());
      } else if (n instanceof Template.Slot s) {
        sb.append('⟦').append(s.name()).append(s.arg() == null ? "" : ":" + s.arg()).append('⟧');
      } else if (n instanceof Template.Alt a) {
        sb.append('⟪');
        for (int i = 0; i < a.options().size(); i++) {
          if (i > 0) {
            sb.append('|');
          }
          append(a.options().get(i), sb);
        }
        sb.append('⟫');
      }
    }
  }

  @Test
  void parsesNestedAlternativesAndSlots() {
    Template t = Template.parse("t", Map.of(), "Hi ⟪⟦p1.first⟧|dear ⟪friend|⟫⟫!");
    assertThat(t.body()).hasSize(3);
    Template.Alt alt = (Template.Alt) t.body().get(1);
    assertThat(alt.options()).hasSize(2);
    assertThat(alt.options().get(0)).containsExactly(new Template.Slot("p1.first", null));
    assertThat(((Template.Alt) alt.options().get(1).get(1)).options()).hasSize(2);
    assertThat(t.slots()).containsExactly(new Template.Slot("p1.first", null));
  }

  @Test
  void unbalancedDelimitersFailWithTheirPosition() {
    assertThatThrownBy(() -> Template.parse("f.txt:3", Map.of(), "a ⟪b|c")).hasMessageContaining("f.txt:3")
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> Template.parse("f.txt:3", Map.of(), "a ⟦p1 b")).hasMessageContaining("never closed");
    assertThatThrownBy(() -> Template.parse("f.txt:3", Map.of(), "a ⟫ b")).hasMessageContaining("unbalanced '⟫' at 2");
  }

  @Test
  void fileParsingSplitsTemplatesAndReadsHeaders() {
    var list = Templates.parse("x.en.txt", "%% comment\n@ country=US,GB tags=neg:x\nfirst ⟦p1⟧\n---\nsecond\n---\n");
    assertThat(list).hasSize(2);
    assertThat(list.get(0).header()).containsEntry("country", "US,GB").containsEntry("tags", "neg:x");
    assertThat(list.get(1).header()).isEmpty();
    assertThatThrownBy(() -> Templates.parse("x.en.txt", "@ country\nhello")).hasMessageContaining("x.en.txt:1");
  }

  @Test
  void unknownSlotIsReported() {
    SyntheticCorpus corpus = new SyntheticCorpus(1);
    assertThatThrownBy(() -> corpus.renderTemplate("⟦nosuchslot⟧", "en", "US", 0))
        .hasMessageContaining("unknown slot 'nosuchslot'");
    assertThatThrownBy(() -> corpus.renderTemplate("⟦p1.shoesize⟧", "en", "US", 0))
        .hasMessageContaining("unknown person attribute 'shoesize'");
  }
}
