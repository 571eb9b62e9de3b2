package dev.lethe.filter.mask;

import java.util.Random;

/** Makes a realistic fake value of one label, in the format of the original. */
interface Surrogate {
  /**
   * A fake for {@code original}.
   *
   * @param subtype the span's finer type ({@code iban}, {@code us_ssn}, ...) or {@code null}
   * @param random  seeded from the key and the normalised original, so that equal values get equal fakes;
   *                drawing more from it gives another candidate
   */
  String fake(String original, String subtype, Random random);
}
