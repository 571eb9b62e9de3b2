package dev.lethe.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.TrainingDocument;
import dev.lethe.pipeline.WebPage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StagesTest {
  @Test
  void minimisationKeepsIdSourceLanguageAndTextOnly() {
    WebPage page = new WebPage(URI.create("https://blog.example.org/p/1"), 200,
        Map.of("content-language", List.of("de-AT"), "set-cookie", List.of("session=abc")), "<html>...</html>", null);
    SourceRecord r = new SourceRecord("w-1", SourceKind.WEB, "pages.jsonl:3", "  Der Hund und die Katze sind nicht hier.  ", "de-AT",
        null, page, null, null);
    TrainingDocument d = new Minimizer().apply(r);
    assertThat(d).isEqualTo(new TrainingDocument("w-1", SourceKind.WEB, "de", "Der Hund und die Katze sind nicht hier."));
    assertThat(TrainingDocument.class.getRecordComponents()).extracting(c -> c.getName()).containsExactly("id", "source", "language", "text");
  }

  @Test
  void languageTags() {
    assertThat(LanguageTag.of(null, "The cat is on the mat and it is happy with that.")).isEqualTo("en");
    assertThat(LanguageTag.of(null, "Der Hund ist nicht mit der Katze und die Maus ist weg.")).isEqualTo("de");
    assertThat(LanguageTag.of(null, "Le chat est dans la maison et je ne suis pas là pour les voir.")).isEqualTo("fr");
    assertThat(LanguageTag.of(null, "El perro y los gatos están con mi madre para la fiesta.")).isEqualTo("es");
    assertThat(LanguageTag.of(null, "+44 20 7946 0958")).isEqualTo("und");
    assertThat(LanguageTag.of("pt-BR", "whatever")).isEqualTo("pt");
  }

  @Test
  void duplicateKeyIgnoresCaseSpacingAndUnicodeForm() {
    assertThat(TextKey.of("Caf\u00e9  au lait\n")).isEqualTo(TextKey.of("  CAFE\u0301 au LAIT"));
    assertThat(TextKey.of("Café au lait")).isNotEqualTo(TextKey.of("Cafe au lait"));
  }

  @Test
  void densityGate() {
    int[] five = new int[Label.values().length];
    five[Label.PRIVATE_EMAIL.ordinal()] = 5;
    int[] six = five.clone();
    six[Label.PRIVATE_PHONE.ordinal()] = 1;
    DensityGate dolma = new DensityGate(5, null);
    assertThat(dolma.check(new PiiStats(five, 400))).isNull();
    assertThat(dolma.check(new PiiStats(six, 4000))).isEqualTo("6 spans > 5");
    assertThat(new DensityGate(null, 10.0).check(new PiiStats(six, 400))).isEqualTo("15.0 spans per 1000 chars > 10.0");
    assertThat(new DensityGate(null, null).check(new PiiStats(six, 10))).isNull();
  }

  @Test
  void aStageThatFailsOnOneRecordExcludesItAsProcessingFailed() {
    SourceRecord deep = new SourceRecord("w-2", SourceKind.WEB, "pages.jsonl:9", "text", null, null, null, null, null);
    Stages throwing = new Stages(r -> {
      throw new IllegalStateException("the filter broke on this text");
    }, null, null);
    Stages overflowing = new Stages(r -> {
      throw new StackOverflowError();
    }, null, null);
    for (Stages s : List.of(throwing, overflowing)) {
      Stages.Outcome o = s.apply(deep);
      assertThat(o).isInstanceOf(Stages.Dropped.class);
      assertThat(((Stages.Dropped) o).exclusion().reason()).isEqualTo(dev.lethe.pipeline.Reason.PROCESSING_FAILED);
      assertThat(((Stages.Dropped) o).exclusion().origin()).isEqualTo("pages.jsonl:9");
    }
    assertThat(((Stages.Dropped) throwing.apply(deep)).exclusion().detail()).isEqualTo("IllegalStateException");
  }
}
