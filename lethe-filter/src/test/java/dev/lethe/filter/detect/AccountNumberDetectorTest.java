package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.Span;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountNumberDetectorTest {
  private final AccountNumberDetector d = new AccountNumberDetector();

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "it's 4539 1488 0343 6467 on the card|4539 1488 0343 6467|credit_card",
      "Visa 4024007154328917 exp 09/27|4024007154328917|credit_card",
      "Amex 3412 345678 90127, a charge|3412 345678 90127|credit_card",
      "mastercard 2221-0000-1234-5673|2221-0000-1234-5673|credit_card",
      "pay to DE89 3704 0044 0532 0130 00 by Friday|DE89 3704 0044 0532 0130 00|iban",
      "IBAN: GB82WEST12345698765432.|GB82WEST12345698765432|iban",
      "RIB FR14 2004 1010 0505 0001 3M02 606|FR14 2004 1010 0505 0001 3M02 606|iban",
      "Here's my SSN: 512-44-7810|512-44-7810|us_ssn",
      "NI number AB 12 34 56 C|AB 12 34 56 C|uk_nino",
      "routing number 021000021 on the cheque|021000021|aba_routing",
      "SIN: 046 454 286|046 454 286|ca_sin",
      "Aadhaar: 2987 1234 5678|2987 1234 5678|in_aadhaar",
      "NHS No: 943 476 5919|943 476 5919|uk_nhs",
      "meu CPF 529.982.247-25|529.982.247-25|br_cpf",
      "DNI 12345678Z, Madrid|12345678Z|es_dni",
      "NIE X1234567L|X1234567L|es_nie",
      "codice fiscale RSSMRA85T10A562S|RSSMRA85T10A562S|it_codice_fiscale",
      "TFN: 123 456 782|123 456 782|au_tfn",
      "Member ID: XOF882104557|XOF882104557|member_id",
      "Policy number: HMX-4471-0982-22|HMX-4471-0982-22|policy_number",
      "MRN: LFM-0048813\\n|LFM-0048813|patient_id",
      "Passport: 91884710 (SWE)|91884710|passport",
      "Cartão de Cidadão: 14872039 4 ZX7|14872039 4 ZX7|national_id",
      "EuroBonus: EB 704 882 193|EB 704 882 193|member_id",
      "Account ID SUB-77104829, card|SUB-77104829|bank_account",
      "Employee: Naomi Feld (ID KX-55821)|KX-55821|id",
      "my account is 40-11-62 71829304 and|40-11-62 71829304|bank_account",
      "\"customer_id\": \"C-100482\"|C-100482|customer_id",
      "for customer cus_Q2x8YvT1bLmN0p|cus_Q2x8YvT1bLmN0p|customer_id",
  })
  void findsValidatedAndKeyedNumbers(String text, String expected, String subtype) {
    List<Span> spans = Found.spans(d, text.replace("\\n", "\n"), OperatingPoint.BALANCED);
    assertThat(spans).hasSize(1);
    assertThat(spans.get(0).textIn(text.replace("\\n", "\n"))).isEqualTo(expected);
    assertThat(spans.get(0).subtype()).isEqualTo(subtype);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "4539 1488 0343 6468 fails Luhn",
      "DE89 3704 0044 0532 0130 01 has a bad check",
      "test card 4242 4242 4242 4242 keeps declining",
      "666-12-3456 cannot exist",
      "fixture id 3fa85f64-5717-4562-b3fc-2c963f66afa6 fails",
      "\"private_key_id\": \"3f9c0a7e51b2d4c6e8f01a23b45c67d89e0f1a2b\"",
      "scan on customers (1.8M rows)",
      "in my account 2 years ago",
      "order 66 was executed",
      "INVOICE #2024-031",
      "the 021000021 appears without a key",
  })
  void ignoresInvalidOrUnkeyedNumbers(String text) {
    assertThat(Found.texts(d, text)).isEmpty();
  }

  /** Key phrases of eight languages, and the same keys as JSON, CSV-like and logfmt field names. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "Mi número de seguro social es 4471-882-093|4471-882-093|national_id",
      "Numéro de sécurité sociale : 1 84 05 75 123 456|1 84 05 75 123 456|national_id",
      "Sozialversicherungsnummer 12 150385 M 044|12 150385 M 044|national_id",
      "Il mio codice fiscale è RSSMRA85T10A562S|RSSMRA85T10A562S|it_codice_fiscale",
      "número de contribuinte 501 964 843|501 964 843|national_id",
      "Mijn BSN is 111222333|111222333|nl_bsn",
      "mitt personnummer är 811228-9874|811228-9874|national_id",
      "numer PESEL: 44051401359|44051401359|national_id",
      "patient UHID: MH2023004512|MH2023004512|patient_id",
      "Historia clínica: HC-0048213|HC-0048213|patient_id",
      "railcard number 7893 4412 9921|7893 4412 9921|member_id",
      "Tesco Clubcard 634004024012345678|634004024012345678|member_id",
      "BahnCard-Nummer 7081 4112 3344 5566|7081 4112 3344 5566|member_id",
      "klantnummer 88301942|88301942|customer_id",
      "\"mrn\": \"A7734921\"|A7734921|patient_id",
      "mrn=A7734921 ward=4B|A7734921|patient_id",
      "{\"loyalty_card\": \"LC-99218831\"}|LC-99218831|member_id",
      "{\"card_number\": \"4242424242424242\", \"exp\": \"12/27\"}|4242424242424242|credit_card",
  })
  void findsKeyedIdsInManyLanguagesAndFields(String text, String expected, String subtype) {
    findsValidatedAndKeyedNumbers(text, expected, subtype);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "la sécurité sociale a remboursé 2024 euros", // a year, a price
      "Medicare covers 80% since 2019",
      "the rut of 12 years",
  })
  void ignoresKeyWordsWithoutAnId(String text) {
    assertThat(Found.texts(d, text)).isEmpty();
  }
}
