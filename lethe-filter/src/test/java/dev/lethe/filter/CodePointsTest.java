package dev.lethe.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CodePointsTest {
  @Test
  void emojiCountsAsOneCodePoint() {
    String t = "hi 👋 Ana";
    CodePoints cp = CodePoints.of(t);
    assertThat(cp.length()).isEqualTo(8);
    assertThat(cp.toCodePoint(t.indexOf("Ana"))).isEqualTo(5);
    assertThat(cp.toChar(5)).isEqualTo(t.indexOf("Ana"));
    assertThat(cp.toCodePoint(t.length())).isEqualTo(8);
  }

  @Test
  void loneSurrogatesCountAsOneCodePointEach() {
    String t = "a\ud800b\udc00c";
    CodePoints cp = CodePoints.of(t);
    assertThat(cp.length()).isEqualTo(5);
    assertThat(cp.toChar(4)).isEqualTo(4);
  }

  @Test
  void outOfRangeOffsetsFailClearly() {
    assertThatThrownBy(() -> CodePoints.of("abc").toChar(4)).hasMessageContaining("outside 0..3");
  }

  @Property
  void roundTripsAtEveryCodePointBoundary(@ForAll String text) {
    CodePoints cp = CodePoints.of(text);
    for (int i = 0; i <= cp.length(); i++) {
      assertThat(cp.toCodePoint(cp.toChar(i))).isEqualTo(i);
    }
    assertThat(cp.length()).isEqualTo(text.codePointCount(0, text.length()));
  }
}
