package dev.lethe.pipeline.stage;

import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.TrainingDocument;
import java.util.function.Function;

/**
 * The per-record part of a build, composed: eligibility, minimisation, Privacy Filter, density gate and
 * the duplicate key. A deterministic function of one record with no I/O and no shared mutable state, so a
 * local thread pool or a distributed runner (Spark's {@code map}) can run it; only duplicate removal, which
 * needs every record's key, happens after it, in input order.
 */
public final class Stages implements Function<SourceRecord, Stages.Outcome> {

  /** What became of one record. */
  public sealed interface Outcome extends java.io.Serializable permits Kept, Dropped {}

  /** The record is a training document; {@code textKey} is its duplicate key. */
  public record Kept(TrainingDocument document, String subject, PiiStats stats, String textKey) implements Outcome {}

  /** The record is excluded; {@code stats} is set when the filter ran before the decision (density drops). */
  public record Dropped(Exclusion exclusion, PiiStats stats) implements Outcome {}

  private final Function<SourceRecord, Exclusion> eligibility;
  private final Minimizer minimizer = new Minimizer();
  private final PiiMasking masking;
  private final DensityGate density;

  public Stages(Function<SourceRecord, Exclusion> eligibility, PiiMasking masking, DensityGate density) {
    this.eligibility = eligibility;
    this.masking = masking;
    this.density = density;
  }

  /**
   * What becomes of {@code r}. A stage that throws, or overflows the stack (deep regex recursion on a
   * pathological text), excludes this record as {@link Reason#PROCESSING_FAILED} instead of ending the build;
   * the failure is deterministic, so every runner excludes the same records.
   */
  @Override
  public Outcome apply(SourceRecord r) {
    try {
      return process(r);
    } catch (RuntimeException | StackOverflowError e) {
      return new Dropped(Exclusion.of(r, Reason.PROCESSING_FAILED, e.getClass().getSimpleName()), null);
    }
  }

  private Outcome process(SourceRecord r) {
    Exclusion no = eligibility.apply(r);
    if (no != null) {
      return new Dropped(no, null);
    }
    PiiMasking.Masked m = masking.apply(minimizer.apply(r));
    String tooDense = density.check(m.stats());
    if (tooDense != null) {
      return new Dropped(Exclusion.of(r, Reason.PII_DENSITY, tooDense), m.stats());
    }
    return new Kept(m.document(), r.subject(), m.stats(), TextKey.of(m.document().text()));
  }

  public Function<SourceRecord, Exclusion> eligibility() {
    return eligibility;
  }

  public PiiMasking masking() {
    return masking;
  }
}
