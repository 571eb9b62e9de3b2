package dev.lethe.platform.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  @TempDir Path folder;

  @Test
  void aRestartedOutboxNeverOverwritesEarlierMailsAndKeepsThemPrivate() throws Exception {
    new Outbox(folder).send("a@example.org", "first", "Your code: 11111111");
    new Outbox(folder).send("b@example.org", "second", "Your code: 22222222");  // as after a restart
    Outbox third = new Outbox(folder);
    third.send("c@example.org", "third", "Your code: 33333333");
    List<String> bodies = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder).sorted()) {
      for (Path f : files.toList()) {
        bodies.add(Files.readString(f));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
      }
    }
    assertThat(bodies).hasSize(3);
    assertThat(String.join("", bodies)).contains("11111111", "22222222", "33333333");
    assertThat(third.lastCodeFor("c@example.org")).contains("33333333");
  }
}
