package dev.lethe.filter.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskKeyTest {
  static final byte[] RAW = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  static final String BASE64 = Base64.getEncoder().encodeToString(RAW);

  @Test
  void acceptsKeysOf256BitsOrMoreFromBytesAndBase64() {
    assertThat(MaskKey.of(RAW)).isEqualTo(MaskKey.fromBase64(BASE64));
    assertThat(MaskKey.fromBase64(Base64.getUrlEncoder().withoutPadding().encodeToString(RAW)))
        .isEqualTo(MaskKey.of(RAW));
    assertThat(MaskKey.of(new byte[64]).id()).hasSize(8);
  }

  @Test
  void rejectsShortKeysAndBadBase64WithoutEchoingTheValue() {
    assertThatThrownBy(() -> MaskKey.of(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31 bytes").hasMessageContaining("256");
    String secretish = "c2VjcmV0LXRvby1zaG9ydA==";
    assertThatThrownBy(() -> MaskKey.fromBase64(secretish)).hasMessageNotContaining(secretish);
    String notBase64 = "this is not base64 but a secret!";
    assertThatThrownBy(() -> MaskKey.fromBase64(notBase64))
        .hasMessageContaining("not valid base64").hasMessageNotContaining(notBase64);
  }

  @Test
  void toStringShowsTheIdNeverTheKey() {
    MaskKey key = MaskKey.of(RAW);
    assertThat(key.toString()).isEqualTo("MaskKey[id=" + key.id() + "]")
        .doesNotContain(BASE64).doesNotContain(HexFormat.of().formatHex(RAW).substring(0, 8));
    assertThat(MaskKey.development().toString()).contains("development")
        .doesNotContain("lethe-development-key-not-secret");
  }

  @Test
  void copiesTheBytesItIsGiven() {
    byte[] raw = RAW.clone();
    MaskKey key = MaskKey.of(raw);
    raw[0] ^= 1;
    assertThat(key).isEqualTo(MaskKey.of(RAW));
  }

  @Test
  void differentKeysHaveDifferentIds() {
    byte[] other = RAW.clone();
    other[31] ^= 1;
    assertThat(MaskKey.of(other).id()).isNotEqualTo(MaskKey.of(RAW).id());
    assertThat(MaskKey.of(other)).isNotEqualTo(MaskKey.of(RAW));
  }

  @Test
  void developmentModeFallsBackToTheDocumentedDevelopmentKey() {
    MaskKey key = MaskKey.resolve(Map.of());
    assertThat(key.isDevelopment()).isTrue();
    assertThat(key).isEqualTo(MaskKey.of("lethe-development-key-not-secret".getBytes(StandardCharsets.US_ASCII)));
    assertThat(MaskKey.resolve(Map.of("LETHE_MODE", "development", "LETHE_MASK_KEY", " ")).isDevelopment()).isTrue();
  }

  @Test
  void aConfiguredKeyWinsInEitherMode() {
    for (String mode : new String[] {"development", "production", "PRODUCTION"}) {
      MaskKey key = MaskKey.resolve(Map.of("LETHE_MODE", mode, "LETHE_MASK_KEY", BASE64));
      assertThat(key).isEqualTo(MaskKey.of(RAW));
      assertThat(key.isDevelopment()).isFalse();
    }
  }

  @Test
  void productionWithoutAKeyFailsAndSaysWhatToSet() {
    assertThatThrownBy(() -> MaskKey.resolve(Map.of("LETHE_MODE", "production")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LETHE_MASK_KEY").hasMessageContaining("production");
    assertThatThrownBy(() -> MaskKey.resolve(null, MaskKey.Mode.PRODUCTION))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void productionRefusesTheDevelopmentKeyEvenWhenConfigured() {
    String dev = Base64.getEncoder().encodeToString("lethe-development-key-not-secret".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> MaskKey.resolve(dev, MaskKey.Mode.PRODUCTION))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("development key");
    assertThat(MaskKey.resolve(dev, MaskKey.Mode.DEVELOPMENT).isDevelopment()).isTrue();
  }

  @Test
  void anUnknownModeIsAnErrorNotSilentlyDevelopment() {
    assertThatThrownBy(() -> MaskKey.resolve(Map.of("LETHE_MODE", "prod")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'prod'");
  }

  @Test
  void subkeysFollowHkdfSha256() throws Exception {
    // RFC 5869 with an empty salt: PRK = HMAC(zeros, key), OKM = HMAC(PRK, info || 0x01).
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
    byte[] prk = mac.doFinal(RAW);
    mac.init(new javax.crypto.spec.SecretKeySpec(prk, "HmacSHA256"));
    mac.update("lethe/hash/v1".getBytes(StandardCharsets.UTF_8));
    byte[] expected = mac.doFinal(new byte[] {1});
    assertThat(MaskKey.of(RAW).derive("lethe/hash/v1")).isEqualTo(expected);
    assertThat(MaskKey.of(RAW).derive("lethe/vault/v1")).isNotEqualTo(expected);
  }
}
