package dev.lethe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymsAndConfigTest {
  static final String KEY = Base64.getEncoder().encodeToString("another-secret-key-of-32-bytes!!!".getBytes(StandardCharsets.US_ASCII));

  @Test
  void pseudonymsAreKeyedStableAndNeverTheKey() {
    Pseudonyms a = Pseudonyms.resolve(Map.of("LETHE_PSEUDONYM_KEY", KEY));
    Pseudonyms b = Pseudonyms.resolve(Map.of("LETHE_PSEUDONYM_KEY", KEY, "LETHE_MODE", "production"));
    assertThat(a.subject("user_1")).isEqualTo(b.subject("user_1")).startsWith("u-").hasSize(26);
    assertThat(a.subject("user_1")).isNotEqualTo(Pseudonyms.development().subject("user_1"));
    assertThat(a.subject("user_1")).isNotEqualTo(a.subject("user_2"));
    assertThat(a.documentId(SourceKind.CONVERSATION, "x")).startsWith("c-").isNotEqualTo(a.documentId(SourceKind.MEMORY, "x"));
    // not a bare hash: SHA-256 of the id is not the pseudonym
    assertThat(a.subject("user_1").substring(2)).isNotEqualTo(dev.lethe.pipeline.source.Digests.format(
        dev.lethe.pipeline.source.Digests.sha256()).substring(7, 31));
    assertThat(a.toString()).doesNotContain(KEY).contains(a.keyId());
  }

  @Test
  void productionNeedsARealKey() {
    assertThatThrownBy(() -> Pseudonyms.resolve(Map.of("LETHE_MODE", "production")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("LETHE_PSEUDONYM_KEY");
    assertThat(Pseudonyms.resolve(Map.of()).isDevelopment()).isTrue();
    assertThatThrownBy(() -> Pseudonyms.resolve(Map.of("LETHE_PSEUDONYM_KEY", "c2hvcnQ=")))
        .hasMessageContaining("at least 32").hasMessageNotContaining("c2hvcnQ=");
    assertThatThrownBy(() -> Pseudonyms.resolve(Map.of("LETHE_PSEUDONYM_KEY", "%%%not base64")))
        .hasMessageContaining("not valid base64").hasMessageNotContaining("%%%");
  }

  @Test
  void configFileDefaultsHashAndRefusals(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("pipeline.json");
    Files.writeString(f, "{\"crawler_token\": \"ExampleBot\", \"max_pii_spans\": 5, \"max_pii_per_1000_chars\": 12.5, \"shards\": 4,"
        + " \"mask_style\": \"hash\"}");
    PipelineConfig c = PipelineConfig.read(f);
    assertThat(c.crawlerToken()).isEqualTo("ExampleBot");
    assertThat(c.maxPiiSpans()).isEqualTo(5);
    assertThat(c.maxPiiPer1000Chars()).isEqualTo(12.5);
    assertThat(c.toJson()).contains("\"max_pii_per_1000_chars\":12.5", "\"crawler_token\":\"ExampleBot\"");
    assertThat(c.operatingPoint()).isEqualTo("balanced");
    assertThat(c.blocklist()).contains("spokeo.com");
    assertThat(c.hash()).isEqualTo(PipelineConfig.read(f).hash()).isNotEqualTo(c.withShards(5).hash());
    assertThat(c.toJson()).doesNotContain("key");

    Files.writeString(f, "{\"mask_style\": \"reversible\"}");
    assertThatThrownBy(() -> PipelineConfig.read(f)).hasMessageContaining("vault");
    Files.writeString(f, "{\"shardz\": 3}");
    assertThatThrownBy(() -> PipelineConfig.read(f)).hasMessageContaining("shardz");
    Files.writeString(f, "{\"operating_point\": \"paranoid\"}");
    assertThatThrownBy(() -> PipelineConfig.read(f)).hasMessageContaining("paranoid");
  }
}
