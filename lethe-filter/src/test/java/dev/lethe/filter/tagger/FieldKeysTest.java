package dev.lethe.filter.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldKeysTest {
  /** The kind of the key the token spelled {@code word} sits under, in a one-line text. */
  private static int kindOf(String text, String word) {
    Tokens t = Tokens.of(text, 0, text.length());
    long[] key = new long[t.size()];
    FieldKeys.pairs(t, 0, t.size(), key);
    for (int i = 0; i < t.size(); i++) {
      if (text.substring(t.start(i), t.end(i)).equals(word)) {
        return key[i] == 0 ? FieldKeys.NONE : FieldKeys.kind(key[i]);
      }
    }
    throw new AssertionError(word + " is not a token of " + text);
  }

  @Test
  void jsonPairsOnOneLineEachKeepTheirOwnKey() {
    String json = "{\"first_name\": \"Greta\", \"city\": \"Malmö\", \"dob\": \"1990-07-15\", \"plan\": \"pro\"}";
    assertEquals(FieldKeys.NAME, kindOf(json, "Greta"));
    assertEquals(FieldKeys.ADDRESS, kindOf(json, "Malmö"));
    assertEquals(FieldKeys.BIRTH, kindOf(json, "1990"));
    assertEquals(FieldKeys.OTHER, kindOf(json, "pro"));
  }

  @Test
  void logfmtAndCompactJson() {
    String logfmt = "ts=2024-05-01T10:00:00Z level=info full_name=ana.silva city=Porto msg=\"signed in\"";
    assertEquals(FieldKeys.NAME, kindOf(logfmt, "ana"));
    assertEquals(FieldKeys.ADDRESS, kindOf(logfmt, "Porto"));
    assertEquals(FieldKeys.OTHER, kindOf(logfmt, "info"));
    assertEquals(FieldKeys.NAME, kindOf("{\"lastName\":\"Okafor\",\"id\":7}", "Okafor"));
  }

  @Test
  void aTimeOrAUrlIsNotAKey() {
    String text = "Meeting: 10:30 with Priya";
    assertEquals(FieldKeys.OTHER, kindOf(text, "30")); // the value of "Meeting", not of a key "10"
    assertEquals(FieldKeys.OTHER, kindOf(text, "Priya"));
    assertEquals(FieldKeys.NONE, kindOf("we talked about it and then she left", "she"));
  }

  @ParameterizedTest
  @CsvSource({"first_name,1", "firstName,1", "Nachname,1", "emergencyContactName,1", "username,5", "filename,5",
      "billing_address,2", "postalCode,2", "PLZ,2", "dateOfBirth,3", "geburtsdatum,3", "created_at,5",
      "appointment_date,4", "companyName,5"})
  void keyKinds(String key, int kind) {
    assertEquals(kind, kindOf("\"" + key + "\": \"value\"", "value"), key);
  }

  @Test
  void csvHeaderColumnsAreWholeKeys() {
    String csv = "First Name,Street Address,Member ID\nGreta,12 Elm Rd,A-77\n";
    Tokens t = Tokens.of(csv, 0, csv.length());
    int lineEnd = 0;
    while (!t.newlineBefore(lineEnd + 1)) {
      lineEnd++;
    }
    long[] header = FieldKeys.header(t, 0, lineEnd + 1, ',');
    assertEquals(3, header.length);
    assertEquals(FieldKeys.NAME, FieldKeys.kind(header[0]));
    assertEquals(FieldKeys.ADDRESS, FieldKeys.kind(header[1]));
    assertEquals(FieldKeys.OTHER, FieldKeys.kind(header[2]));
  }
}
