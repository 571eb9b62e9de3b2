package dev.lethe.filter.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Span;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What holds for every style on any text and any valid spans: no exception, and only the spans change. */
class MaskingProperties {
  private static final MaskKey KEY = MaskKey.of(MaskKeyTest.RAW);

  @Property(tries = 300)
  void everyStyleMasksExactlyTheSpansAndNeverThrows(@ForAll("docs") Docs.Doc doc, @ForAll MaskStyle style) {
    Redaction r = Maskers.create(style, KEY).mask(doc.text(), doc.spans());
    List<Replacement> replacements = r.replacements();
    assertThat(replacements).extracting(Replacement::span).containsExactlyElementsOf(doc.spans());
    // The output is the input with each span swapped for its replacement, and nothing else.
    StringBuilder expected = new StringBuilder();
    int at = 0;
    for (Replacement rep : replacements) {
      expected.append(doc.text(), at, rep.span().start()).append(rep.replacement());
      at = rep.span().end();
    }
    assertThat(r.text()).isEqualTo(expected.append(doc.text().substring(at)).toString());
    for (Replacement rep : replacements) {
      String label = rep.span().label().name();
      String replacement = rep.replacement();
      switch (style) {
        case PLACEHOLDER -> assertThat(replacement).isEqualTo("<" + label + ">");
        case NUMBERED, REVERSIBLE -> assertThat(replacement).matches("<" + label + "_[1-9]\\d*>");
        case REDACT -> assertThat(replacement).isEqualTo("<REDACTED>");
        case HASH -> assertThat(replacement).matches("<" + label + ":[0-9a-f]{12}>");
        case SURROGATE -> assertThat(new ValueNormalizer("US").normalize(rep.span().label(), replacement))
            .isNotEqualTo(new ValueNormalizer("US").normalize(rep.span().label(), rep.span().textIn(doc.text())));
      }
    }
  }

  @Property(tries = 300)
  void numberedGivesEqualValuesEqualNumbersAndOthersOtherNumbers(@ForAll("docs") Docs.Doc doc) {
    ValueNormalizer n = new ValueNormalizer("US");
    List<Replacement> reps = Maskers.create(MaskStyle.NUMBERED, null).mask(doc.text(), doc.spans()).replacements();
    for (Replacement a : reps) {
      for (Replacement b : reps) {
        Span x = a.span();
        Span y = b.span();
        boolean same = x.label() == y.label()
            && n.normalize(x.label(), x.textIn(doc.text())).equals(n.normalize(y.label(), y.textIn(doc.text())));
        assertThat(a.replacement().equals(b.replacement())).as("%s vs %s", a, b).isEqualTo(same);
      }
    }
  }

  @Property(tries = 300)
  void numberedNeverHandsOutAPlaceholderTheTextAlreadyHolds(@ForAll("docs") Docs.Doc doc) {
    Redaction r = Maskers.create(MaskStyle.NUMBERED, null).mask(doc.text(), doc.spans());
    for (Replacement rep : r.replacements()) {
      assertThat(Numbering.literalPlaceholders(doc.text(), doc.spans())).doesNotContain(rep.replacement());
    }
  }

  @Property(tries = 100)
  void surrogatesAreTheSameForTheSameValueInEveryText(@ForAll("docs") Docs.Doc a, @ForAll("docs") Docs.Doc b) {
    Masker m = Maskers.create(MaskStyle.SURROGATE, KEY);
    List<Replacement> ra = m.mask(a.text(), a.spans()).replacements();
    List<Replacement> rb = Maskers.create(MaskStyle.SURROGATE, MaskKey.of(MaskKeyTest.RAW)).mask(b.text(), b.spans())
        .replacements();
    for (Replacement x : ra) {
      for (Replacement y : rb) {
        if (x.span().label() == y.span().label() && x.span().textIn(a.text()).equals(y.span().textIn(b.text()))) {
          assertThat(x.replacement()).isEqualTo(y.replacement());
        }
      }
    }
  }

  @Provide
  Arbitrary<Docs.Doc> docs() {
    return Docs.docs();
  }
}
