package dev.lethe.insights.audit;

import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import dev.lethe.insights.audit.QuasiIdentifiers.Attribute;
import dev.lethe.insights.audit.QuasiIdentifiers.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The re-identification audit of a set of documents (a snapshot): what could single out a person in it.
 *
 * <ol>
 *   <li>residual direct identifiers: what the Privacy Filter still finds at its {@code recall} operating point;
 *   <li>quasi-identifier combinations ({@link QuasiIdentifiers}) and their k-anonymity: for each document, the
 *       number of distinct users with a document that states the same values (or those and more); below the
 *       threshold, the combination points at fewer than k people;
 *   <li>rare n-grams: phrases found only in one user's documents, in at least two of them ({@link Ngrams});
 *   <li>canaries: planted values present in the text, and Carlini et al.'s exposure when a model's scores are given.
 * </ol>
 *
 * Two passes over the documents (the second only to count each document's rare n-grams). The report names
 * documents, attribute kinds and counts, never the values or the text.
 */
public final class Auditor {
  private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Z_]+(?:_\\d+)?>");

  /** What to do with a document below the k threshold in the next snapshot. */
  public enum Action {
    /** Leave the document out. */
    DROP,
    /** Mask its quasi-identifier values (their spans are listed). */
    MASK
  }

  /**
   * @param kThreshold      a combination shared by fewer distinct users than this is a finding (default 5)
   * @param ngram           n-gram length in words (default 4)
   * @param minNgramDocs    documents of the one user an n-gram must appear in (default 2)
   * @param top             riskiest documents listed (default 50)
   * @param residual        run the recall filter (the slowest check)
   * @param action          what the exclusion list asks for documents below k
   */
  public record Options(int kThreshold, int ngram, int minNgramDocs, int top, boolean residual, Action action) {
    public static final Options DEFAULT = new Options(5, 4, 2, 50, true, Action.DROP);

    public Options {
      if (kThreshold < 2) {
        throw new IllegalArgumentException("k threshold must be at least 2, got " + kThreshold);
      }
      if (minNgramDocs < 2) {
        throw new IllegalArgumentException("an n-gram must be repeated in at least 2 documents, got " + minNgramDocs);
      }
      if (top < 0) {
        throw new IllegalArgumentException("top must not be negative");
      }
    }
  }

  /** A model's score of a planted canary and of reference candidates drawn like it (higher: more likely). */
  public record CanaryScore(String canary, double score, double[] references) {}

  private Auditor() {}

  /**
   * Audits the documents {@code documents} supplies (called twice: both streams must give the same documents
   * in the same order). {@code canaries} are planted values looked for (case-insensitive); {@code scores} may be
   * empty.
   */
  public static AuditReport audit(String snapshotId, Supplier<Stream<AuditDocument>> documents, List<String> canaries,
      List<CanaryScore> scores, Options o) {
    PrivacyFilter recall = o.residual() ? PrivacyFilter.builder().operatingPoint(OperatingPoint.RECALL).build() : null;
    Ngrams ngrams = new Ngrams(o.ngram());
    List<Doc> docs = new ArrayList<>();
    Map<String, Group> groups = new HashMap<>();
    Map<String, Long> residualByLabel = new TreeMap<>();
    Set<String> subjects = new HashSet<>();
    List<String> lowerCanaries = canaries.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    Map<String, Integer> canaryHits = new LinkedHashMap<>();
    canaries.forEach(c -> canaryHits.put(c, 0));

    try (Stream<AuditDocument> s = documents.get()) {
      s.forEach(d -> {
        subjects.add(d.subject());
        Doc doc = new Doc(d.id(), d.subject());
        if (recall != null) {
          for (Span sp : recall.detect(d.text())) {
            if (!PLACEHOLDER.matcher(d.text().substring(sp.start(), sp.end())).find()) {
              doc.residual.merge(sp.label().id(), 1, Integer::sum);
              residualByLabel.merge(sp.label().id(), 1L, Long::sum);
            }
          }
        }
        List<Mention> mentions = QuasiIdentifiers.extract(d.text());
        doc.combination = QuasiIdentifiers.combination(mentions);
        doc.spans = mentions.stream().map(m -> new AuditReport.MaskSpan(m.attribute().id(),
            d.text().codePointCount(0, m.start()), d.text().codePointCount(0, m.end()))).toList();
        for (String key : subsets(doc.combination)) {
          groups.computeIfAbsent(key, k -> new Group()).add(d.subject(), o.kThreshold());
        }
        String lower = d.text().toLowerCase(Locale.ROOT);
        for (int i = 0; i < lowerCanaries.size(); i++) {
          if (lower.contains(lowerCanaries.get(i))) {
            doc.canaries++;
            canaryHits.merge(canaries.get(i), 1, Integer::sum);
          }
        }
        ngrams.add(d.subject(), d.text());
        docs.add(doc);
      });
    }
    try (Stream<AuditDocument> s = documents.get()) {
      var it = s.iterator();
      for (Doc doc : docs) {
        if (!it.hasNext()) {
          throw new IllegalStateException("the second pass over the documents ended early at " + doc.id);
        }
        AuditDocument d = it.next();
        if (!d.id().equals(doc.id)) {
          throw new IllegalStateException("the second pass read " + d.id() + " where the first read " + doc.id);
        }
        doc.rareNgrams = ngrams.uniqueToSubject(d.text(), o.minNgramDocs());
      }
    }

    // k-anonymity of each document's combination, and the findings per combination of attribute kinds.
    Map<String, long[]> byKinds = new TreeMap<>();   // kinds -> {documents, below k}
    Map<String, Long> byAttribute = new TreeMap<>();
    long withQi = 0;
    long belowK = 0;
    for (Doc doc : docs) {
      if (doc.combination.isEmpty()) {
        continue;
      }
      withQi++;
      Group g = groups.get(key(doc.combination));
      doc.kUsers = g.subjects.size();
      doc.kDocuments = g.documents;
      String kinds = doc.combination.keySet().stream().map(Attribute::id).collect(Collectors.joining("+"));
      doc.combination.keySet().forEach(a -> byAttribute.merge(a.id(), 1L, Long::sum));
      long[] c = byKinds.computeIfAbsent(kinds, k -> new long[2]);
      c[0]++;
      if (doc.kUsers < o.kThreshold()) {
        belowK++;
        c[1]++;
      }
    }

    List<AuditReport.Risk> risks = new ArrayList<>();
    List<AuditReport.Exclusion> exclusions = new ArrayList<>();
    for (Doc doc : docs) {
      List<String> why = new ArrayList<>();
      double score = 0;
      if (doc.canaries > 0) {
        score += 100;
        why.add("planted canary present (" + doc.canaries + ")");
      }
      boolean lowK = !doc.combination.isEmpty() && doc.kUsers < o.kThreshold();
      if (lowK) {
        score += 10.0 * doc.combination.size() / doc.kUsers;
        why.add("quasi-identifiers " + doc.combination.keySet().stream().map(Attribute::id).collect(Collectors.joining("+"))
            + " shared by " + doc.kUsers + " user(s), " + doc.kDocuments + " document(s) (k < " + o.kThreshold() + ")");
      }
      int residual = doc.residual.values().stream().mapToInt(Integer::intValue).sum();
      if (residual > 0) {
        score += 3.0 * Math.min(residual, 10);
        why.add("residual direct identifiers at recall: " + doc.residual.entrySet().stream()
            .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
      }
      if (doc.rareNgrams > 0) {
        score += Math.min(doc.rareNgrams, 20);
        why.add(doc.rareNgrams + " " + o.ngram() + "-gram(s) found only in this user's documents");
      }
      if (score > 0) {
        risks.add(new AuditReport.Risk(doc.id, score, doc.combination.isEmpty() ? null : doc.kUsers, why));
      }
      if (doc.canaries > 0 || lowK) {
        Action action = doc.canaries > 0 ? Action.DROP : o.action();
        exclusions.add(new AuditReport.Exclusion(doc.id, action, String.join("; ", why),
            action == Action.MASK ? doc.spans : List.of()));
      }
    }
    risks.sort(Comparator.comparingDouble(AuditReport.Risk::score).reversed().thenComparing(AuditReport.Risk::id));
    List<AuditReport.CanaryExposure> exposure = scores.stream().map(Auditor::exposure).toList();
    long docsWithResidual = docs.stream().filter(d -> !d.residual.isEmpty()).count();
    long docsWithNgrams = docs.stream().filter(d -> d.rareNgrams > 0).count();
    return new AuditReport(snapshotId, docs.size(), subjects.size(), o, docsWithResidual, residualByLabel, withQi, belowK,
        byAttribute, byKinds.entrySet().stream().map(e -> new AuditReport.Combination(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList(), ngrams.uniqueTotal(o.minNgramDocs()), docsWithNgrams, canaries.size(),
        (int) canaryHits.values().stream().filter(h -> h > 0).count(), exposure, risks.subList(0, Math.min(o.top(), risks.size())),
        exclusions);
  }

  /**
   * Exposure of a canary (Carlini et al. 2019, "The Secret Sharer"): {@code log2 |R| - log2 rank}, where R is the
   * canary with its references and rank its place among them by score (1: the model likes it best). A canary the
   * model ranks like a random candidate has exposure near 1; one it memorised has the maximum {@code log2 |R|}.
   */
  static AuditReport.CanaryExposure exposure(CanaryScore s) {
    int rank = 1;
    for (double r : s.references()) {
      rank += r > s.score() ? 1 : 0;
    }
    double size = s.references().length + 1;
    double bits = log2(size) - log2(rank);
    return new AuditReport.CanaryExposure(s.canary(), rank, (int) size, bits, log2(size));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** Keys of every non-empty subset of the combination: a document counts towards each combination it matches. */
  static List<String> subsets(Map<Attribute, String> combination) {
    List<Map.Entry<Attribute, String>> e = new ArrayList<>(combination.entrySet());
    List<String> out = new ArrayList<>();
    for (int mask = 1; mask < (1 << e.size()); mask++) {
      Map<Attribute, String> sub = new java.util.EnumMap<>(Attribute.class);
      for (int i = 0; i < e.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          sub.put(e.get(i).getKey(), e.get(i).getValue());
        }
      }
      out.add(key(sub));
    }
    return out;
  }

  static String key(Map<Attribute, String> combination) {
    return combination.entrySet().stream().map(x -> x.getKey().id() + "=" + x.getValue()).collect(Collectors.joining("\u0000"));
  }

  /** Distinct subjects of a combination, kept up to the threshold (k is exact below it), and its document count. */
  private static final class Group {
    final Set<String> subjects = new HashSet<>();
    long documents;

    void add(String subject, int cap) {
      documents++;
      if (subjects.size() < cap) {
        subjects.add(subject);
      }
    }
  }

  private static final class Doc {
    final String id;
    final String subject;
    final Map<String, Integer> residual = new TreeMap<>();
    List<AuditReport.MaskSpan> spans = List.of();
    Map<Attribute, String> combination = Map.of();
    int canaries;
    int rareNgrams;
    int kUsers;
    long kDocuments;

    Doc(String id, String subject) {
      this.id = id;
      this.subject = subject;
    }
  }
}
