package dev.lethe.guard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.guard.GuardPolicy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayConfigTest {
  static final Path BASE = Path.of("/etc/lethe");

  static GatewayConfig parse(String json) {
    return GatewayConfig.parse(json, BASE, Map.of("KEY", "sk-secret-value-123")::get);
  }

  @Test
  void routePoliciesOverrideTenantsWhichOverrideTheDefaults() {
    GatewayConfig c = parse("""
        {"upstream": {"url": "https://models.example/v1/", "api_key_env": "KEY"}, "audit_file": "audit.jsonl",
         "defaults": {"operating_point": "recall"},
         "tenants": {"clinic": {"mode": "refuse", "labels": ["private_person", "private_date"],
                                "routes": {"guard": {"mode": "report", "refuse_requests": false}}}}}""");
    assertThat(c.upstream().toString()).isEqualTo("https://models.example/v1");
    assertThat(c.auditFile()).isEqualTo(BASE.resolve("audit.jsonl"));
    GuardPolicy chat = c.policy("clinic", GatewayConfig.CHAT);
    assertThat(chat.mode()).isEqualTo(GuardPolicy.Mode.REFUSE);
    assertThat(chat.operatingPoint()).isEqualTo(OperatingPoint.RECALL);
    assertThat(chat.labels()).containsExactlyInAnyOrder(Label.PRIVATE_PERSON, Label.PRIVATE_DATE);
    GuardPolicy guard = c.policy("clinic", GatewayConfig.GUARD);
    assertThat(guard.mode()).isEqualTo(GuardPolicy.Mode.REPORT);
    assertThat(guard.refuseRequests()).isFalse();
    assertThat(guard.labels()).isEqualTo(chat.labels());
    assertThat(c.policy(GatewayConfig.DEFAULT_TENANT, GatewayConfig.CHAT).operatingPoint()).isEqualTo(OperatingPoint.RECALL);
    assertThat(c.policy("nobody", GatewayConfig.CHAT)).isNull();
    assertThat(c.toString()).doesNotContain("sk-secret");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"upstream\": {\"url\": \"http://x/v1\"}, \"tenants\": {\"a\": {\"mdoe\": \"mask\"}}}|gateway config tenants.a.mdoe: is not a known key",
      "{\"upstream\": {\"url\": \"http://x/v1\"}, \"defaults\": {\"mode\": \"masq\"}}|gateway config defaults: unknown guard mode 'masq'",
      "{\"upstream\": {\"url\": \"http://x/v1\"}, \"defaults\": {\"mask\": \"numbered\"}}|gateway config defaults: mask style numbered cannot guard",
      "{\"upstream\": {\"url\": \"http://x/v1\"}, \"tenants\": {\"a\": {\"labels\": [\"private_parson\"]}}}|gateway config tenants.a: unknown label 'private_parson'",
      "{\"upstream\": {\"url\": \"ftp://x\"}}|gateway config upstream.url: must be an http or https URL",
      "{\"upstream\": {\"url\": \"http://x/v1\", \"api_key_env\": \"NOPE\"}}|gateway config upstream.api_key_env: environment variable NOPE is not set",
      "{\"upstream\": {\"url\": \"http://x/v1\", \"timeout_seconds\": 0}}|gateway config upstream.timeout_seconds: must be a positive",
      "{\"tenants\": {}}|gateway config upstream: is required",
      "{\"upstream\": {\"url\": \"http://x/v1\"}, \"suppress\": [\"ok\", 3]}|gateway config suppress[1]: must be a string",
      "[1]|gateway config must be a JSON object",
      "{\"upstream\": |gateway config is not valid JSON (line 1"})
  void badConfigurationSaysWhichKeyAndWhy(String json, String message) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
  }
}
