package org.marginsentinel.adapter.tiers;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.TierTable;

/**
 * With a deployer's key the bot takes Binance's brackets from the signed endpoint, stores them with their date and
 * uses them at once; after a restart the stored (newer) brackets win over the shipped snapshot.
 */
@QuarkusTest
@WithTestResource(FakeBinanceBrackets.class)
class TierRefresherTest {

    @Inject
    TierRefresher refresher;

    @Inject
    TierTable tiers;

    @Inject
    JdbcTierStore store;

    @Inject
    Clock clock;

    @Inject
    BybitRiskLimits bybitRiskLimits;

    @Test
    void refresh_storesAndAppliesSignedBrackets_andALaterStartKeepsThem() {
        assertThat(tiers.listedSymbols()).hasSizeGreaterThan(300);
        int signedBefore = FakeBinanceBrackets.SIGNED_CALLS.get();

        int refreshed = refresher.refresh();

        String today = "Binance brackets of " + LocalDate.now(clock);
        assertThat(refreshed).isEqualTo(1);
        assertThat(FakeBinanceBrackets.SIGNED_CALLS.get()).isEqualTo(signedBefore + 1);
        assertThat(FakeBinanceBrackets.REFUSED_CALLS.get()).isZero();
        assertThat(tiers.describeSource("ETHUSDT")).isEqualTo(today);
        assertThat(tiers.scheduleFor("ETHUSDT").maxLeverage(new BigDecimal("10000"))).isEqualTo(75);
        assertThat(tiers.scheduleFor("ETHUSDT").maxLeverage(new BigDecimal("10000.01"))).isEqualTo(50);
        assertThat(tiers.describeSource("BTCUSDT")).isEqualTo("Binance brackets of 2024-10-24");
        ListedTiers stored = store.loadAll().get("ETHUSDT");
        assertThat(stored.source().describe()).isEqualTo(today);
        assertThat(stored.schedule().tiers()).hasSize(2);

        refresher.loadStored(); // what the next start does

        assertThat(tiers.describeSource("ETHUSDT")).isEqualTo(today);
        assertThat(tiers.scheduleFor("ETHUSDT").tiers()).hasSize(2);
        assertThat(tiers.describeSource("BTCUSDT")).isEqualTo("Binance brackets of 2024-10-24");
    }

    @Test
    void refreshBybit_fillsInOnlyTheSymbolsBinanceDoesNotList() {
        assertThat(tiers.listed(FakeBinanceBrackets.BYBIT_ONLY)).isEmpty();

        int taken = refresher.refreshBybit();

        assertThat(taken).isEqualTo(1);
        assertThat(tiers.describeSource(FakeBinanceBrackets.BYBIT_ONLY)).isEqualTo("Bybit risk limits of " + LocalDate.now(clock));
        assertThat(tiers.scheduleFor(FakeBinanceBrackets.BYBIT_ONLY).maxLeverage(new BigDecimal("200000"))).isEqualTo(50);
        assertThat(tiers.describeSource("BTCUSDT")).startsWith("Binance brackets of ");
        assertThat(tiers.scheduleFor("BTCUSDT").maxLeverage(new BigDecimal("1000"))).isEqualTo(125); // not Bybit's 150
        assertThat(store.loadAll().get(FakeBinanceBrackets.BYBIT_ONLY).source().name()).isEqualTo("Bybit risk limits");
        assertThat(bybitRiskLimits.listed("BTCUSDT")).as("Bybit's own, kept for valuing Bybit accounts")
                .hasValueSatisfying(listed -> assertThat(listed.schedule().maxLeverage(new BigDecimal("1000"))).isEqualTo(150));
        assertThat(bybitRiskLimits.listed(FakeBinanceBrackets.BYBIT_ONLY)).isPresent();
    }
}
