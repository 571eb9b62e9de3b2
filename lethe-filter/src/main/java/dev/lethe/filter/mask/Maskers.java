package dev.lethe.filter.mask;

import java.util.Objects;

/**
 * Creates the masker of a {@link MaskStyle}.
 *
 * <pre>{@code
 * Masker masker = Maskers.create(MaskStyle.HASH, MaskKey.fromEnvironment());
 * }</pre>
 *
 * <p>Maskers are immutable and thread-safe; create one per configuration and share it.
 */
public final class Maskers {
  /** Region of phone numbers and numeric dates written without country, unless told otherwise. */
  public static final String DEFAULT_REGION = "US";

  private Maskers() {}

  /** {@link #create(MaskStyle, MaskKey, String)} in the {@link #DEFAULT_REGION}. */
  public static Masker create(MaskStyle style, MaskKey key) {
    return create(style, key, DEFAULT_REGION);
  }

  /**
   * The masker of {@code style}.
   *
   * @param key    the secret of the keyed styles; {@code null} means none was given, and the keyed styles then
   *               take {@link MaskKey#fromEnvironment()}, which fails in production mode when {@code
   *               LETHE_MASK_KEY} is unset. The other styles ignore it.
   * @param region ISO 3166 region (e.g. {@code GB}) that reads phone numbers written without country code
   *               and decides whether a numeric date such as {@code 03/04/1990} is month first ({@code US})
   *               or day first
   */
  public static Masker create(MaskStyle style, MaskKey key, String region) {
    Objects.requireNonNull(region, "region");
    MaskKey k = style.keyed() && key == null ? MaskKey.fromEnvironment() : key;
    return switch (style) {
      case PLACEHOLDER -> new PlaceholderMasker();
      case NUMBERED -> new NumberedMasker(new ValueNormalizer(region));
      case REDACT -> new RedactMasker();
      case HASH -> new HashMasker(k, new ValueNormalizer(region));
      case SURROGATE -> new SurrogateMasker(k, region);
      case REVERSIBLE -> new ReversibleMasker(k);
    };
  }

  /**
   * The masker of the {@linkplain MaskStyle#REVERSIBLE reversible} style, typed for its conversation methods
   * ({@code mask} with a previous vault, {@code restore}, {@code seal}, {@code open}).
   *
   * @param key as for {@link #create(MaskStyle, MaskKey, String)}
   */
  public static ReversibleMasker reversible(MaskKey key) {
    return (ReversibleMasker) create(MaskStyle.REVERSIBLE, key);
  }
}
