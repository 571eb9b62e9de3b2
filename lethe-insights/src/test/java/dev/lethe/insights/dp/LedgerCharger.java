package dev.lethe.insights.dp;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;

/** A separate process charging one ledger: {@code LedgerCharger FILE ATTEMPTS}; prints how many charges it got. */
public final class LedgerCharger {
  private LedgerCharger() {}

  public static void main(String[] args) {
    PrivacyLedger l = PrivacyLedger.open(Path.of(args[0]), "d", null, null, Clock.systemUTC());
    int granted = 0;
    for (int i = 0; i < Integer.parseInt(args[1]); i++) {
      try {
        l.charge("from another process", new BigDecimal("0.01"), BigDecimal.ZERO);
        granted++;
      } catch (PrivacyLedger.BudgetExceededException e) {
        // the budget is gone
      }
    }
    System.out.println(granted);
  }
}
