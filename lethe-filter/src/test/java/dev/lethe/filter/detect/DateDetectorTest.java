package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.OperatingPoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateDetectorTest {
  private final DateDetector d = new DateDetector();

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "leaking since March 3 and nobody came|March 3",
      "DOB: 07/22/1986\\n|07/22/1986",
      "geb. 14.08.1949, Versicherung|14.08.1949",
      "a cardiology appointment on Tuesday, May 7 at 10:15|Tuesday, May 7",
      "hasta el 31 de mayo de 2024.|31 de mayo de 2024",
      "Termin: Donnerstag, 19. September, 9:40 Uhr|Donnerstag, 19. September",
      "Date d'entrée: 1er octobre 2024|1er octobre 2024",
      "graduated in April 2023 with|April 2023",
      "at the lodge for Sept 18–20\\n|Sept 18–20",
      "can't talk before Thursday the 18th?|Thursday the 18th",
      "hip replacement on 10 Oct. They live|10 Oct",
      "SK 1415 ARN-CPH 14MAR24 07:05|14MAR24",
      "signup,1979-05-14,x|1979-05-14",
      "Date of loss: September 9, 2023\\n|September 9, 2023",
  })
  void findsPersonalDates(String text, String expected) {
    assertThat(Found.texts(d, text.replace("\\n", "\n"))).containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-05-14 09:12:31 WARN login failed",
      "2024-05-14T09:12:33.118Z gateway timeout",
      "GET /api/v2/sales?from=2024-01-01",
      "Upgrading from Django 4.2.11 to 5.0.6",
      "Lincoln was shot on April 14, 1865",
      "Django 5.0 was released on December 4, 2023",
      "Is Thanksgiving on November 27 this year?",
      "the 18th century",
      "Top 3 out of 5",
  })
  void ignoresDatesThatAreNotPersonal(String text) {
    assertThat(Found.texts(d, text)).isEmpty();
  }

  /** One line of {@code dates-real-world.txt}: the text without its marks and the marked spans. */
  record Marked(String text, List<String> spans) {
    @Override
    public String toString() {
      return text;
    }
  }

  static Stream<Marked> realWorld() throws IOException {
    try (InputStream in = DateDetectorTest.class.getResourceAsStream("dates-real-world.txt")) {
      List<Marked> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("%%")) {
          continue;
        }
        StringBuilder text = new StringBuilder();
        List<String> spans = new ArrayList<>();
        int at = 0;
        for (int open = line.indexOf("[["); open >= 0; open = line.indexOf("[[", at)) {
          int close = line.indexOf("]]", open);
          text.append(line, at, open);
          int start = text.length();
          text.append(line, open + 2, close);
          spans.add(start + "-" + text.length() + ":" + line.substring(open + 2, close));
          at = close + 2;
        }
        text.append(line.substring(at));
        out.add(new Marked(text.toString(), spans));
      }
      return out.stream();
    }
  }

  /** Exact spans, at balanced, on sentences written the way people write: personal dates and look-alikes. */
  @ParameterizedTest
  @MethodSource("realWorld")
  void realWorldSentences(Marked m) {
    List<String> found = Found.spans(d, m.text(), OperatingPoint.BALANCED).stream()
        .map(s -> s.start() + "-" + s.end() + ":" + s.textIn(m.text())).toList();
    assertThat(found).containsExactlyElementsOf(m.spans());
  }

  @Test
  void theRealWorldSetHasPositivesAndNegativesInSevenLanguages() throws IOException {
    List<Marked> all = realWorld().toList();
    assertThat(all.stream().filter(m -> m.spans().isEmpty()).count()).isGreaterThanOrEqualTo(30);
    assertThat(all.stream().mapToInt(m -> m.spans().size()).sum()).isGreaterThanOrEqualTo(60);
  }
}
