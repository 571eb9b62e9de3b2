package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {
  @Test
  void luhn() {
    assertThat(Checksums.luhn("4539148803436467")).isTrue();
    assertThat(Checksums.luhn("4539148803436468")).isFalse();
    assertThat(Checksums.luhn("046454286")).isTrue();
    assertThat(Checksums.luhn("4x39")).isFalse();
  }

  @Test
  void ibanMod97() {
    assertThat(Checksums.ibanMod97("DE89370400440532013000")).isTrue();
    assertThat(Checksums.ibanMod97("GB82WEST12345698765432")).isTrue();
    assertThat(Checksums.ibanMod97("GB82WEST12345698765433")).isFalse();
    assertThat(Checksums.ibanMod97("gb82west12345698765432")).isFalse();
  }

  @Test
  void nationalSchemes() {
    assertThat(Checksums.abaRouting("021000021")).isTrue();
    assertThat(Checksums.abaRouting("021000022")).isFalse();
    assertThat(Checksums.nhs("9434765919")).isTrue();
    assertThat(Checksums.nhs("9434765918")).isFalse();
    assertThat(Checksums.verhoeff("298712345678")).isTrue();
    assertThat(Checksums.verhoeff("298712345679")).isFalse();
    assertThat(Checksums.cpf("52998224725")).isTrue();
    assertThat(Checksums.cpf("11111111111")).isFalse();
    assertThat(Checksums.spanishId("12345678Z")).isTrue();
    assertThat(Checksums.spanishId("X1234567L")).isTrue();
    assertThat(Checksums.spanishId("12345678A")).isFalse();
    assertThat(Checksums.codiceFiscale("RSSMRA85T10A562S")).isTrue();
    assertThat(Checksums.codiceFiscale("RSSMRA85T10A562T")).isFalse();
    assertThat(Checksums.australianTfn("123456782")).isTrue();
    assertThat(Checksums.australianTfn("123456783")).isFalse();
    assertThat(Checksums.bsn("111222333")).isTrue();
    assertThat(Checksums.bsn("111222334")).isFalse();
  }
}
