package dev.lethe.filter.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskStyleTest {
  @Test
  void parsesIdsCaseInsensitively() {
    assertThat(MaskStyle.fromId("surrogate")).isEqualTo(MaskStyle.SURROGATE);
    assertThat(MaskStyle.fromId(" Reversible ")).isEqualTo(MaskStyle.REVERSIBLE);
    assertThat(MaskStyle.NUMBERED.id()).isEqualTo("numbered");
  }

  @Test
  void anUnknownIdNamesTheKnownStyles() {
    assertThatThrownBy(() -> MaskStyle.fromId("blur"))
        .hasMessageContaining("'blur'")
        .hasMessageContaining("placeholder, numbered, redact, hash, surrogate, reversible");
  }

  @Test
  void exactlyTheStylesWhoseOutputDependsOnASecretAreKeyed() {
    assertThat(MaskStyle.values()).filteredOn(MaskStyle::keyed)
        .containsExactly(MaskStyle.HASH, MaskStyle.SURROGATE, MaskStyle.REVERSIBLE);
  }
}
