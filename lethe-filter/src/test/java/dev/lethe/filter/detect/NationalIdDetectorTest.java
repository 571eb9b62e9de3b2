package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdDetectorTest {
  private final NationalIdDetector d = new NationalIdDetector();

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "Mon numéro de sécurité sociale est le 2 95 10 99 126 111 93.|2 95 10 99 126 111 93|fr_nir",
      "NIR : 253072B07300470|253072B07300470|fr_nir",
      "n° SS 2 53 07 2A 073 004 43 (Ajaccio)|2 53 07 2A 073 004 43|fr_nir",
      "carte vitale 184057512345625|184057512345625|fr_nir",
      "Meine Steuer-ID lautet 36 574 261 809.|36 574 261 809|de_steuer_id",
      "Steueridentifikationsnummer: 36574261809|36574261809|de_steuer_id",
      "Steuernummer: 21/815/08150|21/815/08150|de_steuernummer",
      "St.-Nr. 181/815/08155 (Finanzamt München)|181/815/08155|de_steuernummer",
      "Steuernummer 133/8150/8159|133/8150/8159|de_steuernummer",
      "Steuernummer (bundeseinheitlich) 9181081508155|9181081508155|de_steuernummer",
      "CURP: GODE561231HDFRRN00|GODE561231HDFRRN00|mx_curp",
      "Mi CURP es HEGG560427MVZRRL04 y mi RFC GODE561231GR8|HEGG560427MVZRRL04|mx_curp",
      "RFC de la empresa: ABC680524P73|ABC680524P73|mx_rfc",
      "Medicare MBI 1EG4-TE5-MK73|1EG4-TE5-MK73|us_mbi",
      "new Medicare card, number 1EG4TE5MK73|1EG4TE5MK73|us_mbi",
      "My UTR is 1955839661, HMRC says|1955839661|uk_utr",
      "Unique Taxpayer Reference: 19558 39661|19558 39661|uk_utr",
      "Centrelink CRN 204 567 891K|204 567 891K|au_crn",
      "customer reference number: 123456789A|123456789A|au_crn",
  })
  void findsAndValidates(String text, String expected, String subtype) {
    List<Span> found = Found.spans(d, text, OperatingPoint.BALANCED);
    assertThat(found).extracting(s -> s.textIn(text)).contains(expected);
    assertThat(found.stream().filter(s -> s.textIn(text).equals(expected)).findFirst().orElseThrow().subtype())
        .isEqualTo(subtype);
  }

  @Test
  void aKeyWordRaisesTheScoreOfACheckedNumber() {
    assertThat(score("sécurité sociale 295109912611193")).isGreaterThan(score("ref 295109912611193"));
    assertThat(score("ref 295109912611193")).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void anUnkeyedSteuerIdIsForRecallOnly() {
    // One random 11-digit number in about 250 passes the checks: without its key word it may be anything.
    String text = "order 36574261809 shipped";
    assertThat(Found.spans(d, text, OperatingPoint.BALANCED)).isEmpty();
    assertThat(Found.spans(d, text, OperatingPoint.RECALL)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Mon numéro de sécurité sociale est le 2 95 10 99 126 111 94.", // NIR key off by one
      "NIR 253072C07300470", // no department 2C
      "Steuer-ID 36554266806", // two digits repeated
      "Steuer-ID 36574261890", // check digit
      "Steuer-ID 01234567899", // leading zero
      "Steuernummer: 12.03.2024", // a date
      "CURP: GODE561331HDFRRN00", // month 13
      "CURP GODE561231HZZRRN00", // no state ZZ
      "RFC GODE561301GR8", // month 13
      "MBI 1SG4-TE5-MK73", // S is never used
      "MBI 1EG4-TE5-MK7", // too short
      "My UTR is 1955839662", // check digit
      "Phone 1955839661", // a valid UTR without its key
      "CRN 204 567 891", // no letter
      "build 20240115123456 of the installer",
      "SHA 3F2504E04F8911D39A0C0305E82C3301",
      "Order ABCD123456XYZ1 was shipped", // 14 chars: no id here
      "version 1.2.3, released 2023-04-05, price 1999.99",
  })
  void rejects(String text) {
    assertThat(Found.texts(d, text)).isEmpty();
  }

  private double score(String text) {
    return Found.spans(d, text, OperatingPoint.RECALL).get(0).score();
  }
}
