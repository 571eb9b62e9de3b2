package dev.lethe.insights.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Noise scales give exactly the rho charged; the threshold and intervals hold what they claim. */
class GaussianMechanismTest {
  @Test
  void noiseScalesSpendExactlyTheQuerysRho() {
    for (String rho : new String[] {"0.1", "0.013", "2"}) {
      for (int[] b : new int[][] {{1, 1}, {4, 5}, {10, 3}}) {
        GaussianMechanism m = GaussianMechanism.of(new BigDecimal(rho), new BigDecimal("1e-8"), 50, b[0], b[1]);
        assertThat(m.rho(b[0], b[1])).as("rho %s, bounds %d/%d", rho, b[0], b[1]).isEqualTo(Rational.parse(rho));
      }
    }
  }

  @Test
  void thresholdIsKPlusTheSubgaussianTailAndIntervalsCoverNinetyFivePercent() throws Exception {
    GaussianMechanism m = GaussianMechanism.of(new BigDecimal("0.1"), new BigDecimal("1e-8"), 50, 4, 5);
    // sigma² = 4 / 0.1 = 40; m = ceil(sqrt(40 * 2 ln(4e8))) = ceil(39.8) = 40
    assertThat(m.sigma2Users()).isEqualTo(Rational.of(40, 1));
    assertThat(m.sigma2Conversations()).isEqualTo(Rational.of(1000, 1));
    assertThat(m.threshold()).isEqualTo(50 + 40);
    SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
    r.setSeed(5);
    DiscreteNoise noise = new DiscreteNoise(r);
    int inside = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      inside += Math.abs(noise.gaussian(m.sigma2Users())) <= m.ci95Users() ? 1 : 0;
    }
    assertThat(inside / (double) n).isBetween(0.94, 0.965);
    assertThat(m.ci95Users()).isEqualTo(12); // 1.96 * sqrt(40) = 12.4
  }
}
