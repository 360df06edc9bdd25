package org.marginsentinel.domain.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierTableTest {

    private final TierTable shipped = TierTable.shippedDefaults();

    @Test
    void shippedTable_listsTheMainUsdtPerpetuals() {
        assertThat(shipped.listedSymbols())
                .contains("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "DOGEUSDT");
    }

    @Test
    void shippedTable_everyScheduleIsContinuousAcrossTiers() {
        // cumₙ = cumₙ₋₁ + floorₙ × (mmrₙ − mmrₙ₋₁): maintenance margin must not jump at a tier boundary.
        List<String> symbols = new java.util.ArrayList<>(shipped.listedSymbols());
        symbols.add("ANYTHINGELSEUSDT");
        for (String symbol : symbols) {
            List<MaintenanceTier> tiers = shipped.scheduleFor(symbol).tiers();
            for (int i = 1; i < tiers.size(); i++) {
                MaintenanceTier previous = tiers.get(i - 1);
                MaintenanceTier tier = tiers.get(i);
                BigDecimal expected = previous.maintenanceAmount().add(
                        tier.notionalFloor().multiply(tier.maintenanceMarginRate().subtract(previous.maintenanceMarginRate())));
                assertThat(tier.maintenanceAmount()).as("%s tier %d", symbol, i + 1).isEqualByComparingTo(expected);
            }
        }
    }

    @Test
    void scheduleFor_unlistedSymbol_usesTheConservativeDefault() {
        TierSchedule unknown = shipped.scheduleFor("NEWCOINUSDT");
        TierSchedule btc = shipped.scheduleFor("BTCUSDT");

        assertThat(unknown.tierFor(new BigDecimal("1000")).maintenanceMarginRate())
                .isGreaterThan(btc.tierFor(new BigDecimal("1000")).maintenanceMarginRate());
    }

    @Test
    void tierFor_pickesTheBracketOfTheNotional() {
        TierSchedule btc = shipped.scheduleFor("BTCUSDT");

        assertThat(btc.tierFor(new BigDecimal("49999.99")).maintenanceMarginRate()).isEqualByComparingTo("0.004");
        assertThat(btc.tierFor(new BigDecimal("50000")).maintenanceMarginRate()).isEqualByComparingTo("0.005");
        assertThat(btc.maintenanceMargin(new BigDecimal("100000"))).isEqualByComparingTo("450"); // 500 − 50
        assertThat(btc.maxLeverage(new BigDecimal("1000"))).isEqualTo(125);
        assertThat(btc.tierFor(new BigDecimal("1e12")).maintenanceMarginRate()).isEqualByComparingTo("0.5");
    }

    @Test
    void parseCsv_gapBetweenTiers_isRejectedNamingTheSymbol() {
        String csv = """
                DEFAULT,0,,0.01,0,50
                ABCUSDT,0,1000,0.01,0,50
                ABCUSDT,2000,,0.02,10,20
                """;

        assertThatThrownBy(() -> TierTable.parseCsv(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ABCUSDT");
    }

    @Test
    void parseCsv_nonNumericCell_isRejectedNamingTheLine() {
        String csv = """
                # comment
                DEFAULT,0,,0.01,0,50
                ABCUSDT,0,abc,0.01,0,50
                """;

        assertThatThrownBy(() -> TierTable.parseCsv(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
    }

    @Test
    void parseCsv_withoutDefault_isRejected() {
        assertThatThrownBy(() -> TierTable.parseCsv(new StringReader("ABCUSDT,0,,0.01,0,50\n")))
                .hasMessageContaining("DEFAULT");
    }
}
