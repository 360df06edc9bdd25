package org.marginsentinel.domain.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.Side;

/** Vanished positions: liquidated when the mark was past the liquidation price, else closed; outages told once. */
class PositionEndingTest {

    private static final Instant T0 = Instant.parse("2026-09-19T13:00:00Z");
    private final WatchedAccountState before = HyperliquidValuerTest.threePositions();

    @Test
    void aShortGoneWithTheMarkAboveItsLiquidationPrice_isALiquidation_withTheAccountValueLost() {
        List<PositionEnding.Ended> ended = PositionEnding.between(before, without("ETH", "1201.05"), Set.of(),
                Map.of("ETH", d("3180")), Map.of());

        assertThat(ended).singleElement().satisfies(end -> {
            assertThat(end.position().coin()).isEqualTo("ETH");
            assertThat(end.liquidated()).isTrue();
            assertThat(end.liquidationPrice()).isEqualByComparingTo("3176.471");
            assertThat(end.accountValueLoss()).isEqualByComparingTo("898.95");
        });
    }

    @Test
    void goneWithTheMarkShortOfIt_isAClose() {
        List<PositionEnding.Ended> ended = PositionEnding.between(before, without("ETH", "2150"), Set.of(),
                Map.of("ETH", d("2600")), Map.of());

        assertThat(ended).singleElement().satisfies(end -> {
            assertThat(end.liquidated()).isFalse();
            assertThat(end.accountValueLoss()).isNull();
        });
    }

    @Test
    void aMarkSeenPastLiquidationBetweenAnswers_counts_evenIfItCameBack() {
        List<PositionEnding.Ended> ended = PositionEnding.between(before, without("ETH", "1201.05"), Set.of("ETH"),
                Map.of("ETH", d("3100")), Map.of());

        assertThat(ended).singleElement().satisfies(end -> assertThat(end.liquidated()).isTrue());
    }

    @Test
    void withoutTheExchangesPrice_theBotsIsUsed_andPositionsStillOpenAreNotReported() {
        List<PositionEnding.Ended> ended = PositionEnding.between(before, without("kPEPE", "1900"), Set.of(),
                Map.of("kPEPE", d("0.001")), Map.of("kPEPE", d("0.0012")));

        assertThat(ended).singleElement().satisfies(end -> {
            assertThat(end.position().coin()).isEqualTo("kPEPE");
            assertThat(end.liquidated()).as("a long with the mark under the bot's liquidation price").isTrue();
        });
        assertThat(PositionEnding.between(before, before, Set.of(), Map.of(), Map.of())).isEmpty();
    }

    @Test
    void anOutage_isToldOnceAfterTwoMinutes_andItsEndOnce() {
        Duration after = Duration.ofMinutes(2);
        Availability.Step first = Availability.OK.failed(T0, after);
        assertThat(first.tell()).isEqualTo(Availability.Tell.NOTHING);
        Availability.Step early = first.next().failed(T0.plusSeconds(119), after);
        assertThat(early.tell()).isEqualTo(Availability.Tell.NOTHING);
        Availability.Step told = early.next().failed(T0.plusSeconds(120), after);
        assertThat(told.tell()).isEqualTo(Availability.Tell.UNAVAILABLE);
        assertThat(told.next().failed(T0.plusSeconds(600), after).tell()).isEqualTo(Availability.Tell.NOTHING);
        assertThat(told.next().succeeded().tell()).isEqualTo(Availability.Tell.BACK);
        assertThat(early.next().succeeded().tell()).as("an outage nobody heard of ends silently")
                .isEqualTo(Availability.Tell.NOTHING);
    }

    private WatchedAccountState without(String coin, String accountValue) {
        return new WatchedAccountState(before.time(), d(accountValue), before.crossAccountValue(),
                before.crossMaintenanceMargin(), before.withdrawable(),
                before.positions().stream().filter(p -> !p.coin().equals(coin)).toList());
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
