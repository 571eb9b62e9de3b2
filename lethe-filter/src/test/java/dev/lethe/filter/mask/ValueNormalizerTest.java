package dev.lethe.filter.mask;

import static dev.lethe.filter.Label.ACCOUNT_NUMBER;
import static dev.lethe.filter.Label.PRIVATE_ADDRESS;
import static dev.lethe.filter.Label.PRIVATE_DATE;
import static dev.lethe.filter.Label.PRIVATE_EMAIL;
import static dev.lethe.filter.Label.PRIVATE_PERSON;
import static dev.lethe.filter.Label.PRIVATE_PHONE;
import static dev.lethe.filter.Label.PRIVATE_URL;
import static dev.lethe.filter.Label.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import org.junit.jupiter.api.Test;

class ValueNormalizerTest {
  private final ValueNormalizer us = new ValueNormalizer("US");
  private final ValueNormalizer gb = new ValueNormalizer("GB");

  private void same(ValueNormalizer n, Label label, String a, String b) {
    assertThat(n.normalize(label, a)).as("%s = %s", a, b).isEqualTo(n.normalize(label, b));
  }

  private void different(ValueNormalizer n, Label label, String a, String b) {
    assertThat(n.normalize(label, a)).as("%s != %s", a, b).isNotEqualTo(n.normalize(label, b));
  }

  @Test
  void personsIgnoreCaseAndSpacing() {
    same(us, PRIVATE_PERSON, "Ana Ruiz", "ana  ruiz");
    same(us, PRIVATE_PERSON, "Ana\u00a0Ruiz", "ANA RUIZ ");
    different(us, PRIVATE_PERSON, "Ana Ruiz", "Ana Ruíz");
  }

  @Test
  void emailsIgnoreCaseAndMailto() {
    same(us, PRIVATE_EMAIL, "Ana.Ruiz@Gmail.com", "ana.ruiz@gmail.com");
    same(us, PRIVATE_EMAIL, "mailto:ana@x.org", "ana@x.org");
    different(us, PRIVATE_EMAIL, "ana.ruiz@gmail.com", "anaruiz@gmail.com");
  }

  @Test
  void phonesCompareAsNumbersInTheDefaultRegion() {
    same(us, PRIVATE_PHONE, "(415) 555-2671", "+1 415 555 2671");
    same(us, PRIVATE_PHONE, "415.555.2671", "+14155552671");
    same(gb, PRIVATE_PHONE, "020 7946 0958", "+44 20 7946 0958");
    same(gb, PRIVATE_PHONE, "0044 20 7946 0958", "+44 (0)20 7946 0958");
    different(us, PRIVATE_PHONE, "415 555 2671", "415 555 2671 ext. 12");
    different(us, PRIVATE_PHONE, "415 555 2671", "415 555 2672");
  }

  @Test
  void urlsIgnoreSchemeWwwCaseAndTrailingSlash() {
    same(us, PRIVATE_URL, "https://www.GitHub.com/AnaRuiz/", "github.com/anaruiz");
    same(us, PRIVATE_URL, "http://anaruiz.dev", "anaruiz.dev/");
    different(us, PRIVATE_URL, "github.com/anaruiz", "gitlab.com/anaruiz");
  }

  @Test
  void datesCompareAsDatesWhenTheFormatIsKnown() {
    same(us, PRIVATE_DATE, "March 14, 1990", "1990-03-14");
    same(us, PRIVATE_DATE, "03/14/1990", "14 March 1990");
    same(gb, PRIVATE_DATE, "04/03/1990", "4 March 1990");
    same(us, PRIVATE_DATE, "04/03/1990", "April 3, 1990");
    same(us, PRIVATE_DATE, "last  Tuesday", "Last Tuesday");
    different(us, PRIVATE_DATE, "March 14, 1990", "March 14, 1991");
  }

  @Test
  void accountNumbersIgnoreGroupingAndCase() {
    same(us, ACCOUNT_NUMBER, "de89 3704 0044 0532 0130 00", "DE89370400440532013000");
    same(us, ACCOUNT_NUMBER, "4111-1111-1111-1111", "4111 1111 1111 1111");
    different(us, ACCOUNT_NUMBER, "4111 1111 1111 1111", "4111 1111 1111 1112");
  }

  @Test
  void addressesIgnoreCaseAndLineBreaks() {
    same(us, PRIVATE_ADDRESS, "221B Baker Street\nLondon", "221b baker street london");
  }

  @Test
  void secretsAreComparedExactly() {
    different(us, SECRET, "Hunter2", "hunter2");
    different(us, SECRET, "hunter2 ", "hunter2");
    assertThat(us.normalize(SECRET, " a  b ")).isEqualTo(" a  b ");
  }
}
