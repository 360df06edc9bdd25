package org.marginsentinel.domain.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierTableTest {

    private final TierTable shipped = TierTable.shippedDefaults();

    @Test
    void shippedTable_listsEveryBinanceUsdtPerpetualOfTheSnapshot() {
        assertThat(shipped.listedSymbols()).hasSizeGreaterThan(300)
                .contains("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "DOGEUSDT", "1000PEPEUSDT", "WIFUSDT")
                .noneMatch(symbol -> symbol.contains("_") || symbol.contains("-"));
        assertThat(shipped.describeSource("BTCUSDT")).isEqualTo("Binance brackets of 2024-10-24");
    }

    @Test
    void shippedTable_everyScheduleIsContinuousAcrossTiers() {
        // cumₙ = cumₙ₋₁ + floorₙ × (mmrₙ − mmrₙ₋₁): maintenance margin must not jump at a tier boundary.
        Map<String, TierSchedule> schedules = new java.util.LinkedHashMap<>();
        shipped.entries().forEach((symbol, listed) -> schedules.put(symbol, listed.schedule()));
        schedules.put("estimate", shipped.estimateSchedule());
        schedules.forEach((symbol, schedule) -> {
            List<MaintenanceTier> tiers = schedule.tiers();
            for (int i = 1; i < tiers.size(); i++) {
                MaintenanceTier previous = tiers.get(i - 1);
                MaintenanceTier tier = tiers.get(i);
                BigDecimal expected = previous.maintenanceAmount().add(
                        tier.notionalFloor().multiply(tier.maintenanceMarginRate().subtract(previous.maintenanceMarginRate())));
                assertThat(tier.maintenanceAmount()).as("%s tier %d", symbol, i + 1).isEqualByComparingTo(expected);
            }
        });
    }

    @Test
    void unlistedSymbol_isNotListed_andItsEstimateIsAtLeastAsStrictAsEverySymbolAtEveryNotional() {
        assertThat(shipped.listed("NEWCOINUSDT")).isEmpty();
        assertThat(shipped.describeSource("NEWCOINUSDT")).startsWith("estimate");
        TierSchedule estimate = shipped.scheduleFor("NEWCOINUSDT");
        for (String notional : List.of("1", "5000", "5000.01", "50000", "123456", "1000000", "25000000", "3e9")) {
            BigDecimal n = new BigDecimal(notional);
            for (ListedTiers listed : shipped.entries().values()) {
                assertThat(estimate.maintenanceMargin(n)).as("MM at %s", notional)
                        .isGreaterThanOrEqualTo(listed.schedule().maintenanceMargin(n));
                assertThat(estimate.maxLeverage(n)).isLessThanOrEqualTo(listed.schedule().maxLeverage(n));
            }
        }
    }

    @Test
    void tierFor_boundsAreInclusiveAsPublished_exactlyAtTheCapIsTheLowerTier() {
        TierSchedule btc = shipped.scheduleFor("BTCUSDT");

        assertThat(btc.tierFor(new BigDecimal("50000")).maintenanceMarginRate()).isEqualByComparingTo("0.004");
        assertThat(btc.maxLeverage(new BigDecimal("50000"))).isEqualTo(125);
        assertThat(btc.tierFor(new BigDecimal("50000.01")).maintenanceMarginRate()).isEqualByComparingTo("0.005");
        assertThat(btc.maxLeverage(new BigDecimal("50000.01"))).isEqualTo(100);
        assertThat(btc.tierFor(BigDecimal.ZERO).maintenanceMarginRate()).isEqualByComparingTo("0.004");
        assertThat(btc.maintenanceMargin(new BigDecimal("100000"))).isEqualByComparingTo("450"); // 500 − 50
        assertThat(btc.tierFor(new BigDecimal("1e12")).maintenanceMarginRate()).isEqualByComparingTo("0.5");
    }

    @Test
    void update_replacesOnlyTheSymbolsGiven_withTheirSource() {
        TierTable table = TierTable.shippedDefaults();
        TierSource fresh = new TierSource(TierSource.BINANCE, LocalDate.parse("2026-12-04"));
        TierSchedule btc = TierSchedule.of(List.of(new MaintenanceTier(BigDecimal.ZERO, new BigDecimal("10000"),
                new BigDecimal("0.01"), BigDecimal.ZERO, 50), new MaintenanceTier(new BigDecimal("10000"), null,
                new BigDecimal("0.02"), new BigDecimal("100"), 20)));

        table.update(Map.of("BTCUSDT", new ListedTiers(btc, fresh)));

        assertThat(table.describeSource("BTCUSDT")).isEqualTo("Binance brackets of 2026-12-04");
        assertThat(table.scheduleFor("BTCUSDT").maxLeverage(new BigDecimal("20000"))).isEqualTo(20);
        assertThat(table.describeSource("ETHUSDT")).isEqualTo("Binance brackets of 2024-10-24");
    }

    @Test
    void parseCsv_gapBetweenTiers_isRejectedNamingTheSymbol() {
        String csv = """
                # source=Test
                # as-of=2024-01-01
                ABCUSDT,0,1000,0.01,0,50
                ABCUSDT,2000,,0.02,10,20
                """;

        assertThatThrownBy(() -> TierTable.parseCsv(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ABCUSDT");
    }

    @Test
    void parseCsv_nonNumericCell_isRejectedNamingTheLine() {
        String csv = """
                # source=Test
                # as-of=2024-01-01
                ABCUSDT,0,abc,0.01,0,50
                """;

        assertThatThrownBy(() -> TierTable.parseCsv(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
    }

    @Test
    void parseCsv_withoutSourceAndDate_isRejected() {
        assertThatThrownBy(() -> TierTable.parseCsv(new StringReader("ABCUSDT,0,,0.01,0,50\n")))
                .hasMessageContaining("source").hasMessageContaining("as-of");
    }
}
