package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SpanResolverTest {

  @Test
  void longerSpanWinsOverHigherScore() {
    Span phone = Span.of(Label.PRIVATE_PHONE, 0, 15, 0.9, "phone");
    Span account = Span.of(Label.ACCOUNT_NUMBER, 3, 15, 0.99, "account");
    assertThat(SpanResolver.resolve(List.of(account, phone))).containsExactly(phone);
  }

  @Test
  void equalLengthGoesToHigherScore() {
    Span a = Span.of(Label.ACCOUNT_NUMBER, 5, 25, 0.85, "account");
    Span s = Span.of(Label.SECRET, 5, 25, 0.95, "secret");
    assertThat(SpanResolver.resolve(List.of(a, s))).containsExactly(s);
  }

  @Test
  void disjointSpansAllSurviveInDocumentOrder() {
    Span a = Span.of(Label.PRIVATE_EMAIL, 20, 30, 0.9, "email");
    Span b = Span.of(Label.PRIVATE_PHONE, 0, 10, 0.9, "phone");
    Span c = Span.of(Label.PRIVATE_DATE, 10, 20, 0.6, "date");
    assertThat(SpanResolver.resolve(List.of(a, b, c))).containsExactly(b, c, a);
  }

  @Property
  void resultIsSortedDisjointAndASubsetOfTheInput(
      @ForAll @Size(max = 40) List<@IntRange(max = 200) Integer> starts,
      @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 30) Integer> lengths) {
    List<Span> in = new ArrayList<>();
    for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
      in.add(Span.of(Label.values()[i % 8], starts.get(i), starts.get(i) + lengths.get(i), (i % 10) / 10.0, "t"));
    }
    List<Span> out = SpanResolver.resolve(in);
    assertThat(in).containsAll(out);
    for (int i = 1; i < out.size(); i++) {
      assertThat(out.get(i - 1).end()).isLessThanOrEqualTo(out.get(i).start());
    }
    // nothing dropped without a reason: every input span overlaps some kept span at least as long
    for (Span s : in) {
      assertThat(out).anyMatch(k -> k.overlaps(s) && k.length() >= s.length());
    }
  }
}
