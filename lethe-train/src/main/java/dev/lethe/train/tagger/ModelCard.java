package dev.lethe.train.tagger;

import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.eval.EvalReport;
import dev.lethe.filter.eval.Prf;
import dev.lethe.filter.tagger.CrfModel;
import dev.lethe.filter.tagger.Tags;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the model card: data, features, held-out quality, calibration, and how to retrain. */
final class ModelCard {
  private ModelCard() {}

  static String render(TaggerTraining.Options o, CrfModel model, long bytes, double minutes, long tokens,
      Map<String, Long> bySource, int calibrationDocs, Map<String, EvalReport> heldout,
      Map<String, Map<OperatingPoint, EvalReport>> perPoint, Map<String, EvalReport> corpusHeldout,
      CorpusFiles corpora, List<double[]> reliability) {
    StringBuilder b = new StringBuilder();
    b.append("# Model card: Lethe context tagger\n\n");
    b.append("A linear-chain CRF that tags people's names, postal addresses and personal dates (BIOES tags, ")
        .append("constrained Viterbi decoding) in `lethe-filter` (`dev.lethe.filter.tagger`). The structured ")
        .append("detectors (e-mail, phone, URL, account numbers, secrets) and the date rules feed it as features. ")
        .append("It runs on a CPU in one thread per document, with no native code and no GPU.\n\n");
    b.append("This file is written by `lethe train`; do not edit it by hand.\n\n");
    b.append("## Retrain\n\n```\n./lethe train corpora   # converts the fetched public corpora into ../corpora\n")
        .append("./lethe train --corpora ../corpora\n```\n\nwith its defaults: ").append(o.synthetic())
        .append(" synthetic documents, seed ").append(o.seed()).append(", ").append(o.epochs()).append(" epochs, L2 ")
        .append(o.l2()).append(", word dropout ").append(o.wordDropout()).append(".\n\n");
    b.append("Reads `../shared/data` (or `--shared DIR`), writes `lethe-filter/src/main/resources/dev/lethe/filter/")
        .append("tagger/model.bin` and this card. Same data and seed give the same model.\n\n");
    b.append("## Training data\n\n| source | documents | annotates |\n|---|---:|---|\n");
    bySource.forEach((src, n) -> b.append("| ").append(src).append(" | ").append(n).append(" | ")
        .append(TaggerTraining.ANNOTATES.getOrDefault(src, CorpusFiles.ANNOTATES)).append(" |\n"));
    b.append(String.format(Locale.ROOT, "%n%,d tokens. Development files contribute only their `train` split ", tokens))
        .append("(`DevSplit`: CRC-32 of the id; divisible by 5 = held out, 3 mod 10 = calibration). ")
        .append(calibrationDocs).append(" calibration documents fit the confidence calibration and choose the ")
        .append("operating points. Labels a dataset does not annotate are left free in its documents (partial-")
        .append("annotation training: the likelihood sums over every tagging consistent with what is annotated), ")
        .append("so BTC's and GUM's unmarked dates teach nothing wrong.\n\n");
    b.append("## Features\n\nPer token: lower-cased word, shape, prefixes (2, 3) and suffixes (2-4); words and shapes ")
        .append("of two neighbours each side; word bigrams; shape trigram; capitalisation in context (sentence start, ")
        .append("all-lower-case or all-caps text); hand-written word classes of the token and its neighbours (titles, ")
        .append("name cues such as \"Dear\" or \"my name is\", street types, unit words, regions, countries, months, ")
        .append("weekdays, date cues, organisation words) in English, German, French, Spanish, Italian, Portuguese ")
        .append("and Dutch; first- and last-name frequency buckets (1990 US Census lists and Datafaker's names of ")
        .append("40+ locales, and with `--corpora` the popular names of many countries, stored in the model as ")
        .append("hashes); Brown word clusters learnt in the project from unlabelled text (docs/clusters.md; path ")
        .append("prefixes of 4, 8, 12 and 20 bits of the token, 8 bits of its neighbours); line layout (line breaks); ")
        .append("field keys (`key: value` lines, JSON and YAML pairs, logfmt, CSV columns by header) and their kind ")
        .append("(a person's name, an address part, a birth date, another date: `first_name`, `Nachname` and ")
        .append("`emergencyContactName` alike); and the spans of the structured detectors and date rules. Chat-like ")
        .append("training documents also appear lower-cased (one in ").append(TaggerTraining.LOWER_CASE_EVERY)
        .append(") so that names typed in lower case are found from context.\n\n")
        .append("After decoding, a name tagged confidently anywhere in a text is tagged wherever else its words occur ")
        .append("capitalised in that text (`NameEchoes`: \"Marc Pearl ... Pearl said\"). A full name on the model's ")
        .append("public-figure list is capped below the `balanced` threshold only when its sentence has a public-role ")
        .append("word (president, CEO, album, ...) and no private cue (first person, met, my neighbour, a greeting): ")
        .append("a list hit alone decides nothing (`PublicFigures`).\n\n");
    b.append(String.format(Locale.ROOT, "%,d features with weights (16-bit), model file %.1f MB, trained in %.1f minutes ",
        model.features(), bytes / 1e6, minutes)).append("(").append(o.epochs()).append(" epochs of AdaGrad, L2 ")
        .append(o.l2()).append(").\n\n");
    b.append("## Held-out quality (whole filter, `balanced`)\n\nExact typed span F1 as `shared/eval/score.py` computes it, ")
        .append("on the held-out split only. Reproduce with `./lethe eval ../shared/data/dev/FILE.jsonl --split heldout`.\n\n");
    b.append("| file | docs | person P/R/F1 | address P/R/F1 | date P/R/F1 | all labels F1 | leak | overmask |\n")
        .append("|---|---:|---|---|---|---:|---:|---:|\n");
    heldout.forEach((file, r) -> b.append("| ").append(file).append(" | ").append(r.docs()).append(" | ")
        .append(prf(r.exactByLabel().get("private_person"))).append(" | ")
        .append(prf(r.exactByLabel().get("private_address"))).append(" | ")
        .append(prf(r.exactByLabel().get("private_date"))).append(" | ")
        .append(String.format(Locale.ROOT, "%.3f | %.4f | %.4f |%n", r.exact().f1(), r.leak(), r.overmask())));
    if (corpora != null) {
      b.append("\n## Public corpora (held-out part, people only, `balanced`)\n\nConverted by `lethe train corpora` ")
          .append("from bare git snapshots (docs/corpora.md); never committed. Each corpus's own test split (else ")
          .append("CRC-32 of the id divisible by 5) is held out; people only because that is what the corpora mark ")
          .append("(their places and organisations are ignore regions). Reproduce with `./lethe eval ")
          .append("../corpora/CORPUS/heldout.jsonl --labels private_person`.\n\n")
          .append("| corpus | genre | lang | docs | person P / R / F1 | leak | overmask | repo @ commit | licence |\n")
          .append("|---|---|---|---:|---|---:|---:|---|---|\n");
      for (CorpusFiles.File f : corpora.heldout()) {
        EvalReport r = corpusHeldout.get(f.corpus());
        if (r == null) {
          continue;
        }
        b.append("| ").append(f.corpus()).append(" | ").append(f.genre()).append(" | ").append(f.lang()).append(" | ")
            .append(r.docs()).append(" | ").append(prf(r.exactByLabel().get("private_person")))
            .append(String.format(Locale.ROOT, " | %.4f | %.4f | ", r.leak(), r.overmask()))
            .append(f.repo()).append(" @ ").append(f.commit(), 0, Math.min(12, f.commit().length())).append(" | ")
            .append(f.licence()).append(" |\n");
      }
    }
    b.append("\n## Operating points\n\nEach point is a token threshold (the probability a token needs of being ")
        .append("inside a label to be part of a span; chosen on the calibration split: ")
        .append(String.format(Locale.ROOT, "recall %.2f, balanced %.2f, precision %.2f",
            model.tokenThreshold(OperatingPoint.RECALL), model.tokenThreshold(OperatingPoint.BALANCED),
            model.tokenThreshold(OperatingPoint.PRECISION)))
        .append(") plus the filter's score threshold (0.25 / 0.5 / 0.8). Held-out precision / recall of the ")
        .append("tagger's labels:\n\n")
        .append("| file | recall | balanced | precision |\n|---|---|---|---|\n");
    perPoint.forEach((file, m) -> {
      b.append("| ").append(file);
      for (OperatingPoint p : OperatingPoint.values()) {
        b.append(" | ").append(taggerPr(m.get(p)));
      }
      b.append(" |\n");
    });
    b.append("\n## Calibration (held-out reliability)\n\nEvery tagger span found on the held-out split, bucketed by its ")
        .append("calibrated score, against the share of them that exactly match a gold span:\n\n")
        .append("| score | spans | mean score | share correct |\n|---|---:|---:|---:|\n");
    for (int bin = 0; bin < 10; bin++) {
      double lo = bin / 10.0;
      double hi = (bin + 1) / 10.0;
      int n = 0;
      double sum = 0;
      int right = 0;
      for (double[] j : reliability) {
        if (j[0] >= lo && (j[0] < hi || bin == 9 && j[0] <= 1)) {
          n++;
          sum += j[0];
          right += (int) j[1];
        }
      }
      b.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %s | %s |%n", lo, hi, n,
          n == 0 ? "-" : String.format(Locale.ROOT, "%.3f", sum / n),
          n == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) right / n)));
    }
    b.append("\n## Limits\n\nTrained mostly on English; other languages rely on the multilingual word classes, shapes ")
        .append("and name lists. The public corpora mark every person, public or not, so their held-out numbers count ")
        .append("public figures as people. ")
        .append("Spans cross no line break in a single-line layout unless the training data showed such addresses.\n");
    return b.toString();
  }

  private static String prf(Prf p) {
    return p == null ? "-" : String.format(Locale.ROOT, "%.3f / %.3f / %.3f", p.p(), p.r(), p.f1());
  }

  /** Micro precision / recall over the tagger's labels. */
  private static String taggerPr(EvalReport r) {
    long pred = 0;
    long gold = 0;
    double tpPred = 0;
    double tpGold = 0;
    for (var l : Tags.LABELS) {
      Prf p = r.exactByLabel().get(l.id());
      if (p != null) {
        pred += p.pred();
        gold += p.gold();
        tpPred += p.p() * p.pred();
        tpGold += p.r() * p.gold();
      }
    }
    return String.format(Locale.ROOT, "%.3f / %.3f", pred == 0 ? 1.0 : tpPred / pred, gold == 0 ? 1.0 : tpGold / gold);
  }
}
