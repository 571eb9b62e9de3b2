package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlDetectorTest {
  private final UrlDetector d = new UrlDetector();

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "see linkedin.com/in/tomasz-wojcik-data.|linkedin.com/in/tomasz-wojcik-data",
      "https://github.com/priyanarayanan|https://github.com/priyanarayanan",
      "profile: https://stackoverflow.com/users/4471882/kenji-watanabe|https://stackoverflow.com/users/4471882/kenji-watanabe",
      "(instagram.com/noor.haddad.photo)|instagram.com/noor.haddad.photo",
      "read https://benac.substack.com now|https://benac.substack.com",
      "docs at anaruiz.github.io/notes|anaruiz.github.io/notes",
      "gofundme.com/f/help-moose-delgado-recover!|gofundme.com/f/help-moose-delgado-recover",
      "my portfolio: amaranwosu.ca|amaranwosu.ca",
      "follow @torivee_ for more|@torivee_",
      "RT @Justine_Roberts: nice|@Justine_Roberts",
      "my venmo is @kayla-m-reyes lol|@kayla-m-reyes",
      "toot me @amara@sciences.social|@amara@sciences.social",
      "https://www.youtube.com/@moosebuilds/videos|https://www.youtube.com/@moosebuilds/videos",
      // a bare root domain spelling a name written in the same text
      "Priya Narayanan blogs at priyanarayanan.com|priyanarayanan.com",
      "Ask Priya Narayanan (priya.dev) about it|priya.dev",
  })
  void findsProfilesAndHandles(String text, String expected) {
    assertThat(Found.texts(d, text)).containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "See https://docs.python.org/3/library/re.html for details",
      "https://github.com/features/actions is nice",
      "twitter.com/search?q=privacy",
      "Our office: https://www.acme-corp.com/contact",
      "@Override public String toString()",
      "@media (max-width: 600px) { }",
      "@app.route('/')",
      "import { x } from '@angular/core'",
      "client.login(token); stripe.api_key = k",
      "open report.pdf and main.py",
      "£240 Apple.com",
      "email me: jo@gmail.com",
      "Priya blogs at priyanarayanan.com", // the name run together is not written here
      "Priya Narayanan wrote priyanarayanan.com/blog/2024/ideas", // a page, not the bare site
      "Visit www.com today.", // a bare top-level domain after "www.": no label to name a person
      "Ana Ruiz typed www.org by mistake",
  })
  void ignoresNonPersonalUrlsAndCode(String text) {
    assertThat(Found.texts(d, text)).isEmpty();
  }
}
