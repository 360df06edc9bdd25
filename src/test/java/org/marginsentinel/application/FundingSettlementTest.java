package org.marginsentinel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.FundingDue;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * Funding at each funding time, booked once per position however often settlement runs and across restarts: the
 * rate announced before the funding time is remembered in the funding ledger (the database), not in memory.
 */
class FundingSettlementTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final Set<String> HELD = Set.of("BTCUSDT");

    private final PaperDesk desk = new PaperDesk();
    private final Instant fundingTime = PaperDesk.START.plus(Duration.ofHours(1));

    @BeforeEach
    void twoTraders() {
        desk.marks.set("BTCUSDT", "50000");
        desk.trading.start(ALICE, "Alice");
        desk.trading.start(BOB, "Bob");
        // Alice: isolated long 0.2 BTC at 10x (margin 1,000); Bob: cross short 0.2 BTC
        desk.trading.open(ALICE, order("BTCUSDT", Side.LONG, "0.2", 10, MarginMode.ISOLATED, null));
        desk.trading.open(BOB, order("BTCUSDT", Side.SHORT, "0.2", 10, MarginMode.CROSS, null));
        desk.fundingRates.announce("BTCUSDT", "0.0001", fundingTime);
    }

    @Test
    void atTheFundingTime_longsPayIntoTheirIsolatedMargin_shortsReceiveIntoTheCrossWallet() {
        desk.funding.run(HELD);                      // before the funding time: remembered, nothing paid
        assertThat(desk.fundingLedger.payments()).isEmpty();
        BigDecimal liquidationBefore = desk.trading.snapshot(ALICE).risk().positions().get(0).liquidationPrice();

        desk.clock.advance(Duration.ofMinutes(61));
        desk.funding.run(HELD);

        // 0.2 × 50,000 × 0.01% = 1 USDT
        StoredPosition alice = desk.store.openPositions(ALICE).get(0);
        assertThat(alice.position().isolatedMargin()).isEqualByComparingTo("999");
        assertThat(wallet(ALICE)).isEqualByComparingTo("9999");
        assertThat(wallet(BOB)).isEqualByComparingTo("10001");
        assertThat(desk.trading.snapshot(ALICE).risk().positions().get(0).liquidationPrice())
                .isGreaterThan(liquidationBefore);
        assertThat(desk.store.ledger()).filteredOn(e -> e.kind() == LedgerKind.FUNDING)
                .extracting(e -> e.userId() + ":" + e.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("1:-1", "2:1");
        assertThat(desk.fundingLedger.receivedByPosition(ALICE))
                .hasEntrySatisfying(alice.id(), received -> assertThat(received).isEqualByComparingTo("-1"));
    }

    @Test
    void runningAgain_paysNothingTwice() {
        desk.funding.run(HELD);
        desk.clock.advance(Duration.ofMinutes(61));
        desk.funding.run(HELD);
        desk.funding.run(HELD);
        desk.clock.advance(Duration.ofMinutes(5));
        desk.funding.run(HELD);

        assertThat(desk.fundingLedger.payments()).hasSize(2);
        assertThat(wallet(ALICE)).isEqualByComparingTo("9999");
    }

    @Test
    void aRestartAcrossTheFundingTime_paysItOnce_withTheRateAnnouncedBeforeIt() {
        desk.funding.run(HELD);                                  // the old process remembered the announcement
        desk.clock.advance(Duration.ofMinutes(90));             // down across the funding time
        // the new process sees only the next funding time's announcement (at another rate)
        desk.fundingRates.announce("BTCUSDT", "0.0005", fundingTime.plus(Duration.ofHours(8)));
        desk.restartFunding().run(HELD);
        desk.restartFunding().run(HELD);

        assertThat(desk.fundingLedger.payments()).hasSize(2)
                .allSatisfy(p -> assertThat(p.rate()).isEqualByComparingTo("0.0001"));
        assertThat(wallet(ALICE)).isEqualByComparingTo("9999");
        assertThat(wallet(BOB)).isEqualByComparingTo("10001");
    }

    @Test
    void paysAtTheMarkOfTheFundingTime_notTheMarkSecondsLaterWhenSettlementRuns() {
        desk.funding.run(HELD);                                  // 30 s runs: the last one before the funding time
        feedMark(Duration.ofMinutes(59), "49000");
        feedMark(Duration.ofMinutes(1), "48000");                // exactly at the funding time: the exchange's mark
        feedMark(Duration.ofSeconds(20), "52000");               // after it, when settlement runs again

        desk.funding.run(HELD);

        // 0.2 × 48,000 × 0.01% = 0.96 (the mark at settlement would make it 1.04)
        assertThat(desk.fundingLedger.payments()).hasSize(2)
                .allSatisfy(p -> assertThat(p.received().abs()).isEqualByComparingTo("0.96"));
        assertThat(desk.store.openPositions(ALICE).get(0).position().isolatedMargin()).isEqualByComparingTo("999.04");
        assertThat(wallet(BOB)).isEqualByComparingTo("10000.96");
    }

    @Test
    void aStalledFeed_paysAtTheLastMarkBeforeTheFundingTime() {
        desk.funding.run(HELD);
        feedMark(Duration.ofMinutes(50), "49000");               // the feed stalls for the last ten minutes
        desk.clock.advance(Duration.ofMinutes(10));
        feedMark(Duration.ofSeconds(5), "52000");
        desk.funding.run(HELD);
        assertThat(desk.fundingLedger.payments()).allSatisfy(p -> assertThat(p.received().abs())
                .isEqualByComparingTo("0.98"));                  // 0.2 × 49,000 × 0.01%
    }

    /** The clock moves on by {@code after}, then the feed brings this BTC mark (the marks event funding listens to). */
    private void feedMark(Duration after, String price) {
        desk.clock.advance(after);
        desk.marks.set("BTCUSDT", price);
        desk.fundingMarks.record(desk.marks.all());
    }

    @Test
    void aCrashAfterSomeAccountsWerePaid_paysTheRestOnly() {
        desk.funding.run(HELD);
        desk.clock.advance(Duration.ofMinutes(61));
        // the old process booked Alice (its transaction committed), then died before Bob and before "settled"
        FundingDue due = new FundingDue("BTCUSDT", fundingTime, d("0.0001"));
        new FundingBooking(desk.accounts, desk.fundingLedger).settle(ALICE, due, d("50000"), desk.clock.instant());

        desk.restartFunding().run(HELD);

        assertThat(desk.fundingLedger.payments()).extracting(p -> p.userId()).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(wallet(ALICE)).isEqualByComparingTo("9999");
        assertThat(wallet(BOB)).isEqualByComparingTo("10001");
    }

    @Test
    void aPositionOpenedAfterTheFundingTime_paysNothing_andWithoutAFreshMarkSettlementWaits() {
        desk.funding.run(HELD);
        desk.clock.advance(Duration.ofMinutes(61));
        desk.trading.start(3, "Carol");
        desk.trading.open(3, order("BTCUSDT", Side.LONG, "0.2", 10, MarginMode.CROSS, null));
        desk.marks.stale("BTCUSDT");

        desk.funding.run(HELD);
        assertThat(desk.fundingLedger.payments()).isEmpty();

        desk.marks.set("BTCUSDT", "50000");
        desk.funding.run(HELD);
        assertThat(desk.fundingLedger.payments()).extracting(p -> p.userId()).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(wallet(3)).isEqualByComparingTo("10000");
    }

    @Test
    void aPaymentThatLeavesAPositionNearAWarningLevel_isNoted_aComfortableOrReceivingOneIsNot() {
        // Carol: 20x isolated long, 4.6% from liquidation; Alice 10x, 9.6%; Dave 2x, far away; Bob's short receives
        desk.trading.start(3, "Carol");
        desk.trading.open(3, order("BTCUSDT", Side.LONG, "0.1", 20, MarginMode.ISOLATED, null));
        desk.trading.start(4, "Dave");
        desk.trading.open(4, order("BTCUSDT", Side.LONG, "0.1", 2, MarginMode.ISOLATED, null));
        desk.fundingRates.announce("BTCUSDT", "0.001", fundingTime);
        desk.funding.run(HELD);
        desk.clock.advance(Duration.ofMinutes(61));
        desk.funding.run(HELD);

        assertThat(desk.notifier.notices()).allSatisfy(n -> assertThat(n).isInstanceOf(Notice.FundingPaid.class))
                .extracting(Notice::userId).containsExactlyInAnyOrder(ALICE, 3L);
        Notice.FundingPaid carol = (Notice.FundingPaid) desk.notifier.notices().stream().filter(n -> n.userId() == 3)
                .findFirst().orElseThrow();
        assertThat(carol.paid()).isEqualByComparingTo("5");
        assertThat(carol.distance()).isLessThan(new BigDecimal("0.046"));
    }

    private BigDecimal wallet(long userId) {
        return desk.store.find(userId).orElseThrow().walletBalance();
    }
}
