package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ids and secrets of issue 8 as a user pastes them, through all structured detectors together (so that
 * overlapping readings are resolved as in the filter), and the look-alikes that must stay unmasked.
 */
class IdsAndSecretsExamplesTest {
  private static final PrivacyFilter FILTER = PrivacyFilter.builder().operatingPoint(OperatingPoint.BALANCED)
      .detectors(Detectors.structured("US")).build();

  /** The text with every found span in brackets. */
  private static String marked(String text) {
    StringBuilder b = new StringBuilder(text);
    java.util.List<Span> spans = FILTER.detect(text);
    for (int i = spans.size() - 1; i >= 0; i--) {
      b.insert(spans.get(i).end(), ']').insert(spans.get(i).start(), '[');
    }
    return b.toString();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "Bonjour, mon numéro de sécurité sociale est le 2 95 10 99 126 111 93, merci|"
          + "Bonjour, mon numéro de sécurité sociale est le [2 95 10 99 126 111 93], merci",
      "Hallo, meine Steuer-ID lautet 36 574 261 809 und meine Steuernummer ist 21/815/08150.|"
          + "Hallo, meine Steuer-ID lautet [36 574 261 809] und meine Steuernummer ist [21/815/08150].",
      "Mi CURP es HEGG560427MVZRRL04 y mi RFC GODE561231GR8, ¿me ayudas con el trámite?|"
          + "Mi CURP es [HEGG560427MVZRRL04] y mi RFC [GODE561231GR8], ¿me ayudas con el trámite?",
      "my new Medicare card says 1EG4-TE5-MK73, is that my MBI?|"
          + "my new Medicare card says [1EG4-TE5-MK73], is that my MBI?",
      "HMRC wrote: your UTR is 1955839661. Centrelink CRN 204 567 891K.|"
          + "HMRC wrote: your UTR is [1955839661]. Centrelink CRN [204 567 891K].",
      "Patient: Asha K., UHID MH2023004512, ward 4B|Patient: Asha K., UHID [MH2023004512], ward 4B",
      "POST /charge {\"amount\": 1999, \"card_number\": \"4242424242424242\", \"cvc\": \"123\"}|"
          + "POST /charge {\"amount\": 1999, \"card_number\": \"[4242424242424242]\", \"cvc\": \"123\"}",
      "define('DB_NAME', 'wp'); define('DB_PASSWORD', 'xK9#mq2Lp');|"
          + "define('DB_NAME', 'wp'); define('DB_PASSWORD', '[xK9#mq2Lp]');",
      "the lockbox code is 4417 and the wifi: Sunshine42|the lockbox code is [4417] and the wifi: [Sunshine42]",
  })
  void realWorldExamples(String text, String expected) {
    assertThat(marked(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "request id 3fa85f64-5717-4562-b3fc-2c963f66afa6 failed",
      "fixed in commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
      "upgrade to 2.14.3 or 3.0.0-rc1",
      "invoice 4471882093 was paid on time", // no key names it
      "In 2019 we paid 1,299.00 EUR, in 2023 1 499,00 EUR",
      "the build 20240115123456 passed",
      "Ref 36574261809 in the ledger", // a Steuer-ID shape without its key
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
  })
  void lookAlikesStayUnmasked(String text) {
    assertThat(marked(text)).doesNotContain("[");
  }
}
