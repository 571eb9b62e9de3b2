package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTest {
  private final PhoneDetector us = new PhoneDetector("US");

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "I called you at (919) 555-0148 three times|(919) 555-0148",
      "cell 919.555.0148|919.555.0148",
      "My details: +1 647-555-0193, linkedin|+1 647-555-0193",
      "Büro: +49 (0)228 9143 3380|+49 (0)228 9143 3380",
      "whatsapp +52 55 4172 3390|+52 55 4172 3390",
      "Mob +44 7700 900 655 / D: 0161|+44 7700 900 655",
      "ring me on +61 3 9012 4478|+61 3 9012 4478",
      "his number is 0412 384 991 btw|0412 384 991",
      "mon portable 06 71 22 83 45.|06 71 22 83 45",
      "tel (11) 98765-4321.|(11) 98765-4321",
      "isnt answering (604 555 0117) and|604 555 0117",
      "+15125550190|+15125550190",
      "Phone:\\n358 0594\\n|358 0594",
      "0044 20 7946 0958 from abroad|0044 20 7946 0958",
  })
  void findsNumbersInTheFormatsPeopleUse(String text, String expected) {
    assertThat(Found.texts(us, text.replace("\\n", "\n"))).containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Card 4997 4344 5278 3697 was declined",
      "2024-05-14 09:12:31 WARN login failed",
      "server 192.168.100.200 is down",
      "Upgrading from 4.2.11 to 5.0.6",
      "ISBN 978-0-452-28423-4",
      "routing 057617666 and account 5512039874",
      "order number 4417320915 shipped",
      "Someone called me from 0800 048 5500 about my bank",
      "id 123456789012345678901234",
      "costs $1,150.00 per month",
      "invoice #2024-031 dated 15/01/2024",
  })
  void ignoresNumbersThatAreNotPhones(String text) {
    assertThat(Found.texts(us, text)).isEmpty();
  }

  @Test
  void defaultRegionDecidesNationalFormats() {
    String text = "ruf an: 030 901820";
    assertThat(Found.texts(new PhoneDetector("DE"), text)).containsExactly("030 901820");
  }
}
