package dev.lethe.insights.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger refuses what passes the budget, however it is approached. */
class PrivacyLedgerTest {
  @TempDir Path tmp;
  static final BigDecimal ONE = BigDecimal.ONE;
  static final BigDecimal DELTA = new BigDecimal("1e-6");

  PrivacyLedger open(Path file) {
    return PrivacyLedger.open(file, "d", ONE, DELTA, Clock.systemUTC());
  }

  @Test
  void refusesTheChargeThatPassesTheBudgetAndSpendsNothingThen() {
    PrivacyLedger l = open(tmp.resolve("l.json"));
    for (int i = 0; i < 3; i++) {
      l.charge("q" + i, new BigDecimal("0.3"), new BigDecimal("1e-8"));
    }
    assertThatThrownBy(() -> l.charge("q3", new BigDecimal("0.2"), new BigDecimal("1e-8")))
        .isInstanceOf(PrivacyLedger.BudgetExceededException.class).hasMessageContaining("remaining rho 0.1");
    assertThat(l.status().spentRho()).isEqualByComparingTo("0.9");
    assertThat(l.charge("q4", new BigDecimal("0.1"), new BigDecimal("1e-8")).remainingRho()).isEqualByComparingTo("0");
    assertThatThrownBy(() -> l.charge("q5", new BigDecimal("0.0001"), BigDecimal.ZERO))
        .isInstanceOf(PrivacyLedger.BudgetExceededException.class);
    assertThat(l.entries()).extracting(PrivacyLedger.Entry::query).containsExactly("q0", "q1", "q2", "q4");
  }

  @Test
  void deltaIsBudgetedToo() {
    PrivacyLedger l = open(tmp.resolve("l.json"));
    l.charge("a", new BigDecimal("0.01"), new BigDecimal("9e-7"));
    assertThatThrownBy(() -> l.charge("b", new BigDecimal("0.01"), new BigDecimal("2e-7")))
        .isInstanceOf(PrivacyLedger.BudgetExceededException.class);
  }

  @Test
  void aSecondLedgerOnTheSameFileSharesTheBudgetAndTheBudgetCannotBeRaised() {
    Path f = tmp.resolve("l.json");
    PrivacyLedger a = open(f);
    a.charge("a", new BigDecimal("0.6"), DELTA.divide(BigDecimal.TEN));
    PrivacyLedger b = open(f);
    assertThatThrownBy(() -> b.charge("b", new BigDecimal("0.6"), BigDecimal.ZERO))
        .isInstanceOf(PrivacyLedger.BudgetExceededException.class);
    assertThatThrownBy(() -> PrivacyLedger.open(f, "d", BigDecimal.TEN, DELTA, Clock.systemUTC()))
        .hasMessageContaining("fixed at rho 1");
    assertThatThrownBy(() -> PrivacyLedger.open(f, "other", ONE, DELTA, Clock.systemUTC()))
        .hasMessageContaining("not of 'other'");
  }

  @Test
  void concurrentChargesNeverOverspend() throws Exception {
    Path f = tmp.resolve("l.json");
    open(f);
    AtomicInteger granted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      PrivacyLedger mine = open(f); // each thread its own instance, as separate requests would
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 20; i++) {
          try {
            mine.charge("c", new BigDecimal("0.01"), BigDecimal.ZERO);
            granted.incrementAndGet();
          } catch (PrivacyLedger.BudgetExceededException e) {
            // expected once the budget is gone
          }
        }
      }));
    }
    for (Future<?> fu : futures) {
      fu.get();
    }
    pool.shutdown();
    assertThat(granted.get()).isEqualTo(100);
    assertThat(open(f).status().spentRho()).isEqualByComparingTo("1.00");
  }

  @Test
  void aDamagedOrEditedFileRefusesInsteadOfStartingAfresh() throws Exception {
    Path f = tmp.resolve("l.json");
    PrivacyLedger l = open(f);
    l.charge("a", new BigDecimal("0.5"), BigDecimal.ZERO);
    String good = Files.readString(f);

    Files.writeString(f, good.substring(0, good.length() / 2));
    assertThatThrownBy(() -> l.charge("b", new BigDecimal("0.1"), BigDecimal.ZERO)).hasMessageContaining("unreadable privacy ledger");
    assertThatThrownBy(() -> open(f)).hasMessageContaining("unreadable");

    Files.writeString(f, good.replace("\"0.5\"", "\"-0.5\""));
    assertThatThrownBy(() -> l.charge("b", new BigDecimal("0.1"), BigDecimal.ZERO)).hasMessageContaining("non-positive rho");

    Files.writeString(f, good.replace("\"budget_rho\" : \"1\"", "\"budget_rho\" : \"0.4\""));
    assertThatThrownBy(() -> l.charge("b", new BigDecimal("0.1"), BigDecimal.ZERO)).hasMessageContaining("more than the budget");

    Files.writeString(f, good);
    assertThat(l.charge("b", new BigDecimal("0.5"), BigDecimal.ZERO).remainingRho()).isEqualByComparingTo("0");
  }

  @Test
  void badChargesAreRejected() {
    PrivacyLedger l = open(tmp.resolve("l.json"));
    assertThatThrownBy(() -> l.charge("a", BigDecimal.ZERO, BigDecimal.ZERO)).hasMessageContaining("rho must be positive");
    assertThatThrownBy(() -> l.charge("a", new BigDecimal("0.1"), new BigDecimal("-1"))).hasMessageContaining("delta");
  }
}
