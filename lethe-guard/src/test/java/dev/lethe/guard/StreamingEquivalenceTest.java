package dev.lethe.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.OperatingPoint;
import dev.lethe.guard.GuardPolicy.Mode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * The streaming guard's contract: however an answer is cut into chunks, the concatenated output and the
 * findings equal those of the whole answer, and a span split across chunks never leaks.
 */
class StreamingEquivalenceTest {
  static final List<String> FRAGMENTS = List.of("Ana Ruiz", "Dr. Ana Ruiz", " lives at ", "12 Main St. Apt 4, Springfield",
      "221B Baker Street\nLondon NW1 6XE", "(919) 555-0148", "+44 20 7946 0958", "jane.doe@gmail.com",
      "ana dot ruiz at gmail dot com", "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00", "born on March 3, 1990",
      "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1234567890abcdef\n"
          + "-----END RSA PRIVATE KEY-----\n", "Albert Einstein", "<PRIVATE_PERSON_1>", "José-María RUIZ", "Siobhan O’Brien",
      ". ", "! ", "? ", "\n", "\n\n", ", ", " and ", "The weather is fine", " today", "I think", " 😀 ", "名前は",
      "。", "e.g. ", "St. ", "\"Yes.\" ", "call me", "x", " ", "   ");
  static final List<Guard> GUARDS = List.of(
      guard(Mode.MASK, OperatingPoint.BALANCED), guard(Mode.REFUSE, OperatingPoint.BALANCED),
      guard(Mode.REPORT, OperatingPoint.RECALL));

  static Guard guard(Mode mode, OperatingPoint point) {
    return Guard.builder().policy(GuardPolicy.builder().mode(mode).operatingPoint(point).build())
        .suppressions(Suppressions.of(List.of("José María Ruiz", "Siobhan O'Brien"), "US")).build();
  }

  @Property(tries = 150)
  void anyChunkingGivesTheWholeTextsResult(@ForAll("answers") String answer, @ForAll("cuts") List<Integer> cuts,
      @ForAll("guards") int g) {
    Guard guard = GUARDS.get(g);
    GuardResult whole = guard.check(answer);
    GuardStream s = guard.stream(null);
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int cut : cuts) {
      int to = Math.min(answer.length(), from + cut);
      out.append(s.push(answer.substring(from, to)));
      from = to;
    }
    out.append(s.push(answer.substring(from)));
    out.append(s.finish());
    assertThat(out.toString()).isEqualTo(whole.text());
    assertThat(s.result()).isEqualTo(whole);
  }

  @Example
  void everyCutIntoTwoAndCharByCharGivesTheSame() {
    String answer = "Sure. Ana Ruiz lives at 12 Main St. Apt 4, Springfield.\nCall (919) 555-0148 or write to "
        + "jane.doe@gmail.com! José-María RUIZ said 😀 hi.";
    for (Guard guard : GUARDS) {
      GuardResult whole = guard.check(answer);
      for (int cut = 0; cut <= answer.length(); cut++) {
        GuardStream s = guard.stream(null);
        String out = s.push(answer.substring(0, cut)) + s.push(answer.substring(cut)) + s.finish();
        assertThat(out).as("cut at %d", cut).isEqualTo(whole.text());
      }
      GuardStream s = guard.stream(null);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < answer.length(); i++) {
        out.append(s.push(answer.substring(i, i + 1)));
      }
      out.append(s.finish());
      assertThat(out.toString()).isEqualTo(whole.text());
    }
  }

  @Example
  void noPrefixOfTheStreamedOutputShowsASpanSplitAcrossChunks() {
    String answer = "Write to jane.doe@gmail.com or call (919) 555-0148 today. Card 4111 1111 1111 1111 works.";
    Guard guard = GUARDS.get(0);
    for (int cut = 1; cut < answer.length(); cut++) {
      GuardStream s = guard.stream(null);
      String first = s.push(answer.substring(0, cut));
      for (String value : List.of("jane", "doe@", "555-0148", "(919)", "4111")) {
        assertThat(first).as("cut at %d", cut).doesNotContain(value);
      }
    }
  }

  @Provide
  Arbitrary<String> answers() {
    return Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(24).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 40).list().ofMaxSize(30);
  }

  @Provide
  Arbitrary<Integer> guards() {
    return Arbitraries.integers().between(0, GUARDS.size() - 1);
  }
}
