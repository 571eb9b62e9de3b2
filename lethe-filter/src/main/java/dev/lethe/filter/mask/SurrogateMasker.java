package dev.lethe.filter.mask;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces each span with a realistic fake of the same label and format: names for names, valid phone numbers
 * for phone numbers, Luhn-valid card numbers for card numbers, ... (see the {@link Surrogate}
 * implementations). The text stays natural to read and to train on.
 *
 * <p>The fake of a value depends only on the key, the label and the {@link ValueNormalizer normalised}
 * value: every random choice is drawn from a generator seeded with HMAC-SHA256 under the key's {@code
 * lethe/surrogate/v1} subkey. So a value gets the same fake everywhere under one key, and another under
 * another key; without the key the fake says nothing about the original. A fake is never equal to its
 * original after normalisation; two different originals may, rarely, get the same fake.
 */
final class SurrogateMasker implements Masker {
  /** Candidates drawn before giving up on a value whose fakes keep equalling it. */
  private static final int ATTEMPTS = 16;

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH);

  private final KeyedHash seeds;
  private final ValueNormalizer normalizer;
  private final Map<Label, Surrogate> surrogates = new EnumMap<>(Label.class);
  private final boolean monthFirst;

  SurrogateMasker(MaskKey key, String region) {
    this.seeds = new KeyedHash(key, "lethe/surrogate/v1");
    this.normalizer = new ValueNormalizer(region);
    this.monthFirst = ValueNormalizer.monthFirst(region);
    surrogates.put(Label.PRIVATE_PERSON, new PersonSurrogate(Locale.US));
    surrogates.put(Label.PRIVATE_ADDRESS, new AddressSurrogate(region));
    surrogates.put(Label.PRIVATE_EMAIL, new EmailSurrogate());
    surrogates.put(Label.PRIVATE_PHONE, new PhoneSurrogate(region));
    surrogates.put(Label.PRIVATE_URL, new UrlSurrogate());
    surrogates.put(Label.PRIVATE_DATE, this::date);
    surrogates.put(Label.ACCOUNT_NUMBER, new AccountSurrogate());
    surrogates.put(Label.SECRET, new SecretSurrogate());
  }

  @Override
  public Redaction mask(String text, List<Span> spans) {
    return Splicer.splice(text, spans, s -> surrogate(s.label(), s.subtype(), s.textIn(text)));
  }

  /** The fake of {@code original}; the label's placeholder in the unlikely case that no candidate differs. */
  String surrogate(Label label, String subtype, String original) {
    String normalized = normalizer.normalize(label, original);
    Random random = new Random(seeds.seed(label, normalized));
    Surrogate surrogate = surrogates.get(label);
    for (int i = 0; i < ATTEMPTS; i++) {
      String fake = surrogate.fake(original, subtype, random);
      if (!normalizer.normalize(label, fake).equals(normalized)) {
        return fake;
      }
    }
    return label.placeholder();
  }

  /**
   * A date moved by a keyed number of days (1 to 183, either way) and written in the original's format. A
   * text that is no recognised date ({@code spring 2019}) gets its years moved by 1 to 5 and its other digits
   * replaced; one without digits ({@code last week}) a fake date written {@code MMMM d}.
   */
  private String date(String original, String subtype, Random random) {
    DateText date = DateText.parse(original, monthFirst);
    if (date != null) {
      return date.shift(random);
    }
    Matcher digits = DIGITS.matcher(original);
    if (!digits.find()) {
      return LocalDate.of(2000, 1, 1).plusDays(random.nextInt(366)).format(MONTH_DAY);
    }
    return digits.reset().replaceAll(m -> {
      String run = m.group();
      int n = run.length() == 4 ? Integer.parseInt(run) : 0;
      return n >= 1900 && n <= 2099 ? Integer.toString(n + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(5)))
          : Shape.digits(run.length(), false, random);
    });
  }
}
