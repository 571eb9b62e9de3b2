package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectorTest {
  private final EmailDetector d = new EmailDetector();

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "Reach me at tomasz.wojcik92@gmail.com please.|tomasz.wojcik92@gmail.com",
      "newsletter: jane+news@proton.me|jane+news@proton.me",
      "(gmcleish@btinternet.com)|gmcleish@btinternet.com",
      "<olga.petrova@yandex.ru>|olga.petrova@yandex.ru",
      "mailto:studio@noorhaddad.photo|studio@noorhaddad.photo",
      "Schreib an josé.müller@correo.españa.es bitte|josé.müller@correo.españa.es",
      "O'Brien: sean.o'brien@eircom.net.|sean.o'brien@eircom.net",
      "write jane dot doe at gmail dot com today|jane dot doe at gmail dot com",
      "contact: priya[at]iitb[dot]ac[dot]in|priya[at]iitb[dot]ac[dot]in",
      "mail k.tanaka (at) keio.jp for it|k.tanaka (at) keio.jp",
      "it's marco_b91 at hotmail.com|marco_b91 at hotmail.com",
      "Bank,https://online.nordbank.no,lhoang@gmail.com,Vq7!rTm2pLx9|lhoang@gmail.com",
      "profile https://forum.example.net/u/dana.k@outlook.com|dana.k@outlook.com",
  })
  void findsAddressesPeopleWrite(String text, String expected) {
    assertThat(Found.texts(d, text)).containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Use user@example.com in the docs.",
      "Send it to yourname@example.org",
      "git clone git@github.com:lumen/app.git",
      "postgres://app:s3cret@db.internal:5432/x",
      "https://ci-bot:ghp_abc123@github.com/org/repo",
      "Write to support@acme.com for help.",
      "noreply@github.com sent this",
      "\"client_email\": \"etl@proj.iam.gserviceaccount.com\"",
      "We met at Google and had lunch at noon.",
      "I work at acme.com now",
      "@handle and a @ sign and trailing@ and @@",
  })
  void ignoresWhatIsNotAPersonsAddress(String text) {
    assertThat(Found.texts(d, text)).isEmpty();
  }
}
