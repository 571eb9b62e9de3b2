package dev.lethe.insights.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.insights.audit.QuasiIdentifiers.Attribute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The audit on a synthetic corpus with planted unique combinations: recall of the planted ones, false alarms. */
class AuditorTest {
  static final int K = 5;

  static Auditor.Options options(Auditor.Action action) {
    return new Auditor.Options(K, 4, 2, 50, false, action);
  }

  /** Distinct users whose generated attributes include all of {@code doc}'s: the true k. */
  static int trueK(SyntheticCorpus.Doc doc, List<SyntheticCorpus.Doc> all) {
    Set<String> users = new HashSet<>();
    for (SyntheticCorpus.Doc o : all) {
      if (o.truth().entrySet().containsAll(doc.truth().entrySet())) {
        users.add(o.document().subject());
      }
    }
    return users.size();
  }

  /**
   * With phrasings the extractor knows, every planted combination is found and nothing else is flagged. With one
   * attribute mention in eight phrased in a way it does not know, some planted ones lose the attribute that made
   * them unique (recall drops), and some background documents are flagged because their profile's other copies
   * lost an attribute, so fewer than k users visibly share theirs (conservative false alarms).
   */
  @Test
  void findsThePlantedUniqueCombinationsWithFewFalseAlarms() {
    double[] known = measure(SyntheticCorpus.generate(11, 120, 60, 0), "known phrasings");
    assertThat(known[0]).isEqualTo(1.0);
    assertThat(known[1]).isLessThanOrEqualTo(0.005);
    double[] mixed = measure(SyntheticCorpus.generate(11, 120, 60, 0.125), "1 in 8 mentions phrased unknown");
    assertThat(mixed[0]).isGreaterThanOrEqualTo(0.8);
    assertThat(mixed[1]).isLessThanOrEqualTo(0.12);
  }

  /** Recall of the planted documents and false-alarm rate over the others; prints both. */
  static double[] measure(List<SyntheticCorpus.Doc> corpus, String what) {
    List<AuditDocument> docs = corpus.stream().map(SyntheticCorpus.Doc::document).toList();
    AuditReport report = Auditor.audit("synthetic", docs::stream, List.of(), List.of(), options(Auditor.Action.DROP));
    Set<String> flagged = report.exclusions().stream().map(AuditReport.Exclusion::id).collect(Collectors.toSet());
    int atRisk = 0;
    int found = 0;
    int safe = 0;
    int falseAlarms = 0;
    for (SyntheticCorpus.Doc d : corpus) {
      boolean risky = !d.truth().isEmpty() && trueK(d, corpus) < K;
      assertThat(risky).as("ground truth of %s", d.document().id()).isEqualTo(d.planted());
      if (risky) {
        atRisk++;
        found += flagged.contains(d.document().id()) ? 1 : 0;
      } else {
        safe++;
        falseAlarms += flagged.contains(d.document().id()) ? 1 : 0;
      }
    }
    double recall = found / (double) atRisk;
    double falseAlarmRate = falseAlarms / (double) safe;
    System.out.printf("audit on the synthetic corpus (%s): %d documents, %d planted unique combinations, %d found"
        + " (recall %.3f); %d other documents, %d flagged (false alarm rate %.4f)%n", what, corpus.size(), atRisk, found, recall,
        safe, falseAlarms, falseAlarmRate);
    assertThat(report.documentsBelowK()).isEqualTo(flagged.size());
    // The riskiest documents are planted ones, and the report explains why without the values.
    assertThat(report.riskiest().subList(0, 10)).allSatisfy(r -> {
      assertThat(r.id()).startsWith("pl-");
      assertThat(r.reasons()).anySatisfy(w -> assertThat(w).contains("shared by 1 user(s)"));
    });
    String out = report.json().toString() + report.html() + report.exclusionsJson();
    for (String value : SyntheticCorpus.RARE_CITIES) {
      assertThat(out).doesNotContainIgnoringCase(value);
    }
    return new double[] {recall, falseAlarmRate};
  }

  @Test
  void kCountsDistinctUsersAndSupersetsOfTheCombination() {
    List<AuditDocument> docs = new ArrayList<>();
    // One user states age+city in six documents: still one person.
    for (int i = 0; i < 6; i++) {
      docs.add(new AuditDocument("a" + i, "alice", "I'm 37 and I live in Lyon. Tell me about trains."));
    }
    // Five users state the same age and city plus a job: they are consistent with alice's combination.
    for (int i = 0; i < 5; i++) {
      docs.add(new AuditDocument("b" + i, "b" + i, "I'm 37, I live in Lyon and I work as a teacher."));
    }
    AuditReport r = Auditor.audit("t", docs::stream, List.of(), List.of(), new Auditor.Options(7, 4, 2, 50, false, Auditor.Action.DROP));
    Map<String, Integer> k = r.riskiest().stream().collect(Collectors.toMap(AuditReport.Risk::id, AuditReport.Risk::k));
    assertThat(k.get("a0")).isEqualTo(6);   // alice + the five with a job
    assertThat(k.get("b0")).isEqualTo(5);
    assertThat(r.documentsBelowK()).isEqualTo(11);
  }

  @Test
  void maskActionListsTheValueSpansInCodePoints() {
    String text = "😀 I live in Tromsø and I work as a falconer.";
    AuditReport r = Auditor.audit("t", () -> java.util.stream.Stream.of(new AuditDocument("d", "u", text)), List.of(), List.of(),
        options(Auditor.Action.MASK));
    AuditReport.Exclusion e = r.exclusions().get(0);
    assertThat(e.action()).isEqualTo(Auditor.Action.MASK);
    int[] cps = text.codePoints().toArray();
    assertThat(e.mask()).extracting(s -> new String(cps, s.start(), s.end() - s.start()), AuditReport.MaskSpan::attribute)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Tromsø", "city"), org.assertj.core.groups.Tuple.tuple("falconer", "job_title"));
    assertThat(r.exclusionsJson().get("format").asText()).isEqualTo(AuditReport.EXCLUSIONS_FORMAT);
  }

  @Test
  void rareNgramsLinkOneUsersDocumentsAndCanariesAreFound() {
    List<AuditDocument> docs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      docs.add(new AuditDocument("sig" + i, "potter", "Question " + i + " about glazes. Warm regards from the Quillfeather pottery studio"));
    }
    for (int i = 0; i < 20; i++) {
      docs.add(new AuditDocument("o" + i, "u" + i, "Question about glazes and kilns, thanks a lot for the help"));
    }
    docs.add(new AuditDocument("leak", "u99", "contact me at canary.7f3a@mailbox.example now"));
    AuditReport r = Auditor.audit("t", docs::stream, List.of("CANARY.7f3a@mailbox.example", "never.there@x.example"),
        List.of(new Auditor.CanaryScore("canary.7f3a@mailbox.example", -3.0, new double[] {-9, -8, -2.5, -7, -10, -11, -12})),
        options(Auditor.Action.DROP));
    assertThat(r.canariesPresent()).isEqualTo(1);
    assertThat(r.riskiest().get(0).id()).isEqualTo("leak");
    assertThat(r.riskiest()).filteredOn(x -> x.id().startsWith("sig")).hasSize(3)
        .allSatisfy(x -> assertThat(String.join(" ", x.reasons())).contains("4-gram(s) found only in this user's documents"));
    assertThat(r.riskiest()).noneMatch(x -> x.id().startsWith("o"));
    assertThat(r.documentsWithRareNgrams()).isEqualTo(3);
    assertThat(r.exclusions()).extracting(AuditReport.Exclusion::id).containsExactly("leak");
    // 8 candidates, rank 2: exposure log2(8) - log2(2) = 2 bits of at most 3.
    AuditReport.CanaryExposure e = r.exposure().get(0);
    assertThat(e.rank()).isEqualTo(2);
    assertThat(e.exposure()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(e.maxExposure()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void subsetsCoverEveryNonEmptyCombination() {
    Map<Attribute, String> c = new java.util.EnumMap<>(Attribute.class);
    c.put(Attribute.AGE, "3");
    c.put(Attribute.CITY, "x");
    c.put(Attribute.GENDER, "f");
    assertThat(Auditor.subsets(c)).hasSize(7).doesNotHaveDuplicates().contains(Auditor.key(c));
  }
}
