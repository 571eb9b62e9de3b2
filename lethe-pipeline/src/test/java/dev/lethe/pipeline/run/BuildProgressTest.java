package dev.lethe.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.pipeline.Fixtures;
import dev.lethe.pipeline.PipelineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build reports records and input bytes read against the input's size, which is what an ETA needs. */
class BuildProgressTest {
  @TempDir Path tmp;

  @Test
  void inputBytesReadGrowToTheSizeOfTheInputFiles() throws Exception {
    Path web = tmp.resolve("web");
    Path partner = tmp.resolve("partner");
    Fixtures.mixedInputs(web, partner, 600, 7);
    Files.write(web.resolve("c.warc.gz"), BadInputs.gzip(BadInputs.warcRecord("https://blog.juniper-notes.org/w",
        "text/html", null, "<p>A page about hedges.</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    long size;
    try (Stream<Path> s = Stream.concat(Files.list(web), Files.list(partner))) {
      size = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    List<long[]> updates = new ArrayList<>();
    BuildRequest req = new BuildRequest(PipelineConfig.defaults(), Fixtures.KEY, null, null, List.of(web), List.of(partner),
        tmp.resolve("snap"), 2, 0, (records, chars, read, total) -> updates.add(new long[] {records, chars, read, total}));
    SnapshotBuilder.Result r = SnapshotBuilder.build(req);

    assertThat(updates).hasSizeGreaterThan(2);
    long[] last = updates.get(updates.size() - 1);
    assertThat(last[0]).isEqualTo(r.manifest().counts().recordsIn());
    assertThat(last[2]).isEqualTo(size);
    assertThat(last[3]).isEqualTo(size);
    for (int i = 1; i < updates.size(); i++) {
      assertThat(updates.get(i)[0]).isGreaterThan(updates.get(i - 1)[0]);
      assertThat(updates.get(i)[2]).isGreaterThanOrEqualTo(updates.get(i - 1)[2]).isLessThanOrEqualTo(size);
      assertThat(updates.get(i)[3]).isEqualTo(size);
    }
    assertThat(updates.get(0)[2]).as("bytes read are counted as reading goes, not only at the end").isPositive();
  }
}
