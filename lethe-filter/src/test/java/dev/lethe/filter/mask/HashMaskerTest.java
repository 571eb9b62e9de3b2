package dev.lethe.filter.mask;

import static dev.lethe.filter.Label.PRIVATE_EMAIL;
import static dev.lethe.filter.Label.PRIVATE_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class HashMaskerTest {
  private static final MaskKey KEY = MaskKey.of(MaskKeyTest.RAW);
  private static final MaskKey OTHER = MaskKey.of(new byte[32]);

  private static String hash(MaskKey key, Label label, String value) {
    String text = "x " + value + " y";
    List<Span> spans = List.of(Span.of(label, 2, 2 + value.length(), 1, "t"));
    String masked = Maskers.create(MaskStyle.HASH, key).mask(text, spans).text();
    return masked.substring(2, masked.length() - 2);
  }

  @Test
  void isTheLabelAnd48BitsOfAKeyedHmac() throws Exception {
    // The documented construction, recomputed independently: HMAC-SHA256 under HKDF(key, "lethe/hash/v1") of
    // "private_email", 0x00 and the normalised value.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.derive("lethe/hash/v1"), "HmacSHA256"));
    byte[] expected = mac.doFinal("private_email\u0000ana.ruiz@gmail.com".getBytes(StandardCharsets.UTF_8));
    assertThat(hash(KEY, PRIVATE_EMAIL, "Ana.Ruiz@Gmail.com"))
        .isEqualTo("<PRIVATE_EMAIL:" + HexFormat.of().formatHex(expected, 0, 6) + ">")
        .matches("<PRIVATE_EMAIL:[0-9a-f]{12}>");
  }

  @Test
  void isStableAcrossTextsAndMaskersForTheSameKey() {
    String a = "Ana Ruiz met Bo.";
    String b = "Later, ana   ruiz left.";
    String inA = Maskers.create(MaskStyle.HASH, KEY).mask(a, Spans.in(a, PRIVATE_PERSON, "Ana Ruiz")).text();
    String inB = Maskers.create(MaskStyle.HASH, MaskKey.of(MaskKeyTest.RAW))
        .mask(b, Spans.in(b, PRIVATE_PERSON, "ana   ruiz")).text();
    assertThat(inA.substring(0, inA.indexOf('>') + 1)).isEqualTo(inB.substring(7, inB.indexOf('>') + 1));
  }

  @Test
  void theSameStringUnderTwoLabelsGetsTwoPseudonyms() {
    assertThat(hash(KEY, PRIVATE_PERSON, "jo").substring(16))
        .isNotEqualTo(hash(KEY, Label.PRIVATE_URL, "jo").substring(13));
  }

  @Property(tries = 200)
  void sameKeySameValueSamePseudonym(@ForAll @StringLength(min = 1, max = 40) String value) {
    assertThat(hash(KEY, PRIVATE_PERSON, value)).isEqualTo(hash(MaskKey.of(MaskKeyTest.RAW), PRIVATE_PERSON, value));
  }

  @Property(tries = 200)
  void anotherKeyGivesAnotherPseudonym(@ForAll @StringLength(min = 1, max = 40) String value) {
    // 48 bits: a coincidence has probability 2^-48 per value.
    assertThat(hash(KEY, Label.SECRET, value)).isNotEqualTo(hash(OTHER, Label.SECRET, value));
  }

  @Property(tries = 200)
  void distinctSecretsGetDistinctPseudonyms(@ForAll @StringLength(min = 1, max = 20) String a,
      @ForAll @StringLength(min = 1, max = 20) String b) {
    if (!a.equals(b)) {
      assertThat(hash(KEY, Label.SECRET, a)).isNotEqualTo(hash(KEY, Label.SECRET, b));
    }
  }
}
