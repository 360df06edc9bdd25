package org.marginsentinel.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.alert.RiskLevel;

/** Worked examples of risk-adjusted survival, computed by hand. */
class SurvivalRankingTest {

    private static TraderPeriod period(long id, String capital, int liquidations, String... path) {
        return new TraderPeriod(id, new BigDecimal(capital), List.of(path).stream().map(BigDecimal::new).toList(),
                liquidations);
    }

    @Test
    void measure_riseFallRise_returnDrawdownAndScore() {
        // Equity 10,000 → 12,000 → 11,000 → 13,000: peak 12,000, trough 11,000 → drawdown 1,000 / 12,000.
        Standing s = SurvivalRanking.measure(period(1, "10000", 0, "2000", "1000", "3000"));

        assertThat(s.returnFraction()).isEqualByComparingTo("0.30");
        assertThat(s.maxDrawdown()).isEqualByComparingTo("0.0833333333");
        assertThat(s.score()).isEqualByComparingTo("0.2166666667");
        assertThat(s.survived()).isTrue();
    }

    @Test
    void measure_lossFromTheStart_drawdownCountsFromTheCapital() {
        // 10,000 → 9,000 → 9,500: drawdown 10%, return −5%, score −15%.
        Standing s = SurvivalRanking.measure(period(1, "10000", 0, "-1000", "-500"));

        assertThat(s.returnFraction()).isEqualByComparingTo("-0.05");
        assertThat(s.maxDrawdown()).isEqualByComparingTo("0.10");
        assertThat(s.score()).isEqualByComparingTo("-0.15");
    }

    @Test
    void measure_nothingHappened_scoresZero() {
        Standing s = SurvivalRanking.measure(period(1, "10000", 0));

        assertThat(s.returnFraction()).isEqualByComparingTo("0");
        assertThat(s.maxDrawdown()).isEqualByComparingTo("0");
        assertThat(s.score()).isEqualByComparingTo("0");
    }

    @Test
    void measure_equityBelowZero_drawdownCappedAtAll() {
        Standing s = SurvivalRanking.measure(period(1, "1000", 1, "-1500"));

        assertThat(s.maxDrawdown()).isEqualByComparingTo("1");
        assertThat(s.returnFraction()).isEqualByComparingTo("-1.5");
    }

    @Test
    void rank_steadyBeatsBiggerButBumpierReturn() {
        // Bumpy: +20% via a 15% drawdown → score 5%. Steady: +8% with 1% drawdown → score 7%.
        TraderPeriod bumpy = period(1, "10000", 0, "-1500", "2000");
        TraderPeriod steady = period(2, "10000", 0, "-100", "800");

        assertThat(SurvivalRanking.rank(List.of(bumpy, steady))).extracting(Standing::memberId).containsExactly(2L, 1L);
    }

    @Test
    void rank_aLiquidationRanksBelowEverySurvivor_whateverTheReturn() {
        TraderPeriod liquidatedButUp = period(1, "10000", 1, "-1600", "30000");
        TraderPeriod survivorDown = period(2, "10000", 0, "-3000");
        TraderPeriod twiceLiquidated = period(3, "10000", 2, "-1600", "-3200", "60000");

        assertThat(SurvivalRanking.rank(List.of(liquidatedButUp, survivorDown, twiceLiquidated)))
                .extracting(Standing::memberId).containsExactly(2L, 1L, 3L);
    }

    @Test
    void rank_equalScores_smallerDrawdownFirst_thenMemberId() {
        // Both score 0: +10% with 10% drawdown, and nothing at all.
        TraderPeriod swing = period(5, "10000", 0, "-1000", "1000");
        TraderPeriod idle = period(9, "10000", 0);
        TraderPeriod idleToo = period(4, "10000", 0);

        assertThat(SurvivalRanking.rank(List.of(swing, idle, idleToo))).extracting(Standing::memberId)
                .containsExactly(4L, 9L, 5L);
    }

    @Test
    void traderPeriod_refusesCapitalThatIsNotPositive() {
        assertThatThrownBy(() -> period(1, "0", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> period(1, "-5", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void board_mostEndangeredFirst_levelThenDistanceThenCrossRatio() {
        MemberRisk safe = new MemberRisk(1, RiskLevel.SAFE, new BigDecimal("0.40"), null);
        MemberRisk dangerFar = new MemberRisk(2, RiskLevel.DANGER, new BigDecimal("0.045"), null);
        MemberRisk dangerNear = new MemberRisk(3, RiskLevel.DANGER, new BigDecimal("0.031"), null);
        MemberRisk criticalCross = new MemberRisk(4, RiskLevel.CRITICAL, null, new BigDecimal("0.90"));
        MemberRisk nothingOpen = new MemberRisk(5, RiskLevel.SAFE, null, null);

        assertThat(List.of(safe, nothingOpen, dangerFar, criticalCross, dangerNear).stream()
                .sorted(MemberRisk.MOST_ENDANGERED_FIRST).map(MemberRisk::memberId).toList())
                .containsExactly(4L, 3L, 2L, 1L, 5L);
    }
}
