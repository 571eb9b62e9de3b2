package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build killed with SIGKILL at any point leaves no folder that looks like a snapshot, and running the same
 * build again completes it with the same bytes as an uninterrupted build (so without duplicates). The CLI runs
 * as a subprocess; {@code -Dlethe.pipeline.pauseAt} makes it wait at a named point, where it is killed.
 */
class BuildCrashTest {
  @TempDir static Path tmp;
  static Path reference;

  @BeforeAll
  static void inputsAndReference() throws Exception {
    Path web = tmp.resolve("web");
    Files.createDirectories(web.resolve("sites/blog.example.org"));
    Files.writeString(web.resolve("sites/blog.example.org/robots.txt"), "User-agent: *\nDisallow: /private/\n");
    List<String> pages = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String path = i % 7 == 0 ? "/private/" + i : "/posts/" + i;
      String text = i % 3 == 0 ? "Mail me at reader" + i + "@mailbox.example-mail.com about post " + i + "."
          : "An ordinary post about gardening, number " + (i % 50) + ".";
      pages.add("{\"url\": \"https://blog.example.org" + path + "\", \"text\": \"" + text + "\"}");
    }
    Files.write(web.resolve("pages.jsonl"), pages);
    reference = tmp.resolve("reference");
    Process p = build(reference, null);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(reference.resolve("manifest.json")).exists();
  }

  @ParameterizedTest(name = "kill -9 at {0}")
  @ValueSource(strings = {"records-1", "records-250", "shards-written", "shards-committed", "before-manifest"})
  void killedBuildLooksUnfinishedAndARerunCompletesIt(String point) throws Exception {
    Path out = tmp.resolve("killed-" + point);
    Process p = build(out, point);
    try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null && !line.equals("paused at " + point)) {
        // warnings before the pause point
      }
      assertThat(line).as("the build reached %s", point).isEqualTo("paused at " + point);
      p.destroyForcibly();  // SIGKILL on Unix
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(out.resolve("manifest.json")).doesNotExist();
    Process verify = lethe("verify", out.toString());
    assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(verify.exitValue()).as("verify refuses an unfinished build").isEqualTo(1);

    Process rerun = build(out, null);
    assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(rerun.exitValue()).isZero();
    assertSameShards(out);
    Process verified = lethe("verify", out.toString());
    assertThat(verified.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(verified.exitValue()).isZero();
  }

  @Test
  void killedAtAnArbitraryMomentThenRerun() throws Exception {
    Path out = tmp.resolve("killed-anytime");
    Process p = build(out, null);
    Thread.sleep(1500);
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
    if (!Files.exists(out.resolve("manifest.json"))) {
      Process rerun = build(out, null);
      assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(rerun.exitValue()).isZero();
    }
    assertSameShards(out);
  }

  private static void assertSameShards(Path out) throws IOException {
    try (Stream<Path> s = Files.list(reference.resolve("shards"))) {
      for (Path shard : s.toList()) {
        assertThat(Files.readAllBytes(out.resolve("shards").resolve(shard.getFileName())))
            .as(shard.getFileName().toString()).isEqualTo(Files.readAllBytes(shard));
      }
    }
    try (Stream<Path> s = Files.walk(out)) {
      assertThat(s.map(Path::toString)).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  private static Process build(Path out, String pauseAt) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(java()));
    if (pauseAt != null) {
      cmd.add("-Dlethe.pipeline.pauseAt=" + pauseAt);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.lethe.cli.Main", "build",
        "--web", tmp.resolve("web").toString(), "--out", out.toString(), "--threads", "2", "--shards", "4"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    if (pauseAt == null) {
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    pb.environment().remove("LETHE_MODE");
    pb.environment().remove("LETHE_PSEUDONYM_KEY");
    return pb.start();
  }

  private static Process lethe(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), "dev.lethe.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
