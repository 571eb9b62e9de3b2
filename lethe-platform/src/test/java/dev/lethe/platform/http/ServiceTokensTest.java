package dev.lethe.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTokensTest {
  static final String ADMIN = "admin-from-env-0123456789abcdef0123456789";
  static final String INGEST = "ingest-from-env-0123456789abcdef012345678";

  @TempDir Path workspace;

  @Test
  void anAdminTokenFromTheEnvironmentIsNeverWrittenToDisk() throws Exception {
    ApiConfig config = ServiceTokens.load(workspace, Map.of("LETHE_ADMIN_TOKEN", ADMIN), "127.0.0.1", 0);
    assertThat(config.adminTokenHash()).isNotNull();
    Path file = workspace.resolve("service-tokens.properties");
    String stored = Files.readString(file);
    assertThat(stored).doesNotContain(ADMIN).contains("ingest=");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    // the generated ingest token is kept: a restart accepts the same one
    ApiConfig again = ServiceTokens.load(workspace, Map.of("LETHE_ADMIN_TOKEN", ADMIN), "127.0.0.1", 0);
    assertThat(again.ingestTokenHash()).isEqualTo(config.ingestTokenHash());
  }

  @Test
  void aFileWrittenByAnEarlierVersionLosesItsAdminToken() throws Exception {
    Path file = workspace.resolve("service-tokens.properties");
    Files.writeString(file, "admin=" + ADMIN + "\ningest=" + INGEST + "\n");
    ApiConfig config = ServiceTokens.load(workspace, Map.of(), "127.0.0.1", 0);
    assertThat(config.adminTokenHash()).as("admin routes closed without LETHE_ADMIN_TOKEN").isNull();
    assertThat(Files.readString(file)).doesNotContain(ADMIN).contains(INGEST);
  }

  @Test
  void tokensFromTheEnvironmentWriteNothingAndMustDiffer() throws Exception {
    ServiceTokens.load(workspace, Map.of("LETHE_ADMIN_TOKEN", ADMIN, "LETHE_INGEST_TOKEN", INGEST), "127.0.0.1", 0);
    assertThat(workspace.resolve("service-tokens.properties")).doesNotExist();
    assertThatThrownBy(() -> ServiceTokens.load(workspace, Map.of("LETHE_ADMIN_TOKEN", ADMIN, "LETHE_INGEST_TOKEN", ADMIN), "127.0.0.1", 0))
        .hasMessageContaining("differ");
  }
}
