package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.FundingBooking;
import org.marginsentinel.application.FundingSettlement;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.Portion;
import org.marginsentinel.application.alert.Liquidations;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.application.port.FundingDue;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.TradingFees;

/**
 * Issue 18: every operation that changes an account's money or positions reaches the risk index by the store's own
 * signal, so after each the index holds exactly what the database holds — wallet, positions, and the cross pool the
 * screen watches. The operations are enumerated, and the enumeration is checked against the use cases' public
 * methods, so an operation added later without a line here fails this test.
 */
class AccountChangesReachTheIndexTest {

    private static final long TRADER = 7;

    /** Public methods of the use cases that only read. */
    private static final Set<String> READ_ONLY = Set.of("snapshot", "preview", "withdrawable", "closable",
            "announce", "due", "holders", "settled"); // funding bookkeeping: no account's money or positions

    private final WatchRig rig = new WatchRig();
    /** With Binance's taker fee: every fill's fee reaches the index too. */
    private final PaperTrading trading = new PaperTrading(rig.desk.accounts, rig.desk.marks, rig.desk.calculator,
            rig.desk.tiers, rig.desk.clock, TradingFees.BINANCE_REGULAR);
    private final Set<String> exercised = new LinkedHashSet<>();

    @Test
    void everyWritingOperation_leavesTheIndexEqualToTheDatabase() {
        rig.desk.marks.set("ETHUSDT", "3000").set("BTCUSDT", "80000").set("SOLUSDT", "110");

        step("start", () -> trading.start(TRADER, "Trader"));
        step("open", () -> trading.open(TRADER, order("ETHUSDT", Side.LONG, "10", 10, MarginMode.CROSS, null)));
        step("deposit", () -> trading.deposit(TRADER, d("500")));
        step("withdraw", () -> trading.withdraw(TRADER, d("6900")));
        step("open", () -> trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.01", 5, MarginMode.ISOLATED, null)));
        step("adjustMargin", () -> trading.adjustMargin(TRADER, "BTC", true, d("50")));
        step("adjustMargin", () -> trading.adjustMargin(TRADER, "#2", false, d("20")));
        rig.desk.marks.set("ETHUSDT", "3010");
        step("close", () -> trading.close(TRADER, "ETH", Portion.percent(d("50"))));
        step("open", () -> trading.open(TRADER, order("ETHUSDT", Side.SHORT, "8", 10, MarginMode.CROSS, null)));

        // funding: the isolated BTC long pays into its margin, the cross ETH short receives into the wallet
        Instant fundingTime = rig.desk.clock.instant().plusSeconds(60);
        rig.desk.fundingRates.announce("BTCUSDT", "0.001", fundingTime).announce("ETHUSDT", "0.001", fundingTime);
        step("run", () -> rig.desk.funding.run(Set.of("BTCUSDT", "ETHUSDT")));
        rig.desk.clock.advance(Duration.ofMinutes(2));
        step("run", () -> assertThat(rig.desk.funding.run(Set.of("BTCUSDT", "ETHUSDT"))).hasSize(2));
        step("settle", () -> new FundingBooking(rig.desk.accounts, rig.desk.fundingLedger).settle(TRADER,
                new FundingDue("BTCUSDT", fundingTime.plusSeconds(1), d("0.001")), d("80000"), rig.desk.clock.instant()));
        step("close", () -> trading.close(TRADER, "#2", Portion.ALL));

        // a stop: the whole position closed at the tick's mark
        step("open", () -> trading.open(TRADER, order("SOLUSDT", Side.SHORT, "1", 5, MarginMode.ISOLATED, null)));
        long solShort = rig.desk.store.openPositions(TRADER).stream()
                .filter(p -> p.position().symbol().equals("SOLUSDT")).findFirst().orElseThrow().id();
        step("closeAtMark", () -> assertThat(trading.closeAtMark(TRADER, solShort, d("108"), ExitKind.STOP_LOSS))
                .isPresent());

        step("open", () -> trading.open(TRADER, order("SOLUSDT", Side.LONG, "10", 20, MarginMode.ISOLATED, null)));
        long sol = rig.desk.store.openPositions(TRADER).stream()
                .filter(p -> p.position().symbol().equals("SOLUSDT")).findFirst().orElseThrow().id();
        step("liquidateIsolated", () -> rig.desk.liquidations.liquidateIsolated(TRADER, sol, d("100")));

        // ETH 3 short in cross on the remaining wallet: a rise of this size takes the pool under maintenance.
        step("liquidateCross", () -> rig.desk.liquidations.liquidateCross(TRADER, Map.of("ETHUSDT", d("9000"))));
        assertThat(rig.desk.store.openPositions(TRADER)).isEmpty();

        assertThat(exercised).containsExactlyInAnyOrderElementsOf(writingOperations());
    }

    @Test
    void withdrawalAfterOpeningCross_isWatchedAtTheNewWallet_issue18Repro() {
        rig.desk.marks.set("ETHUSDT", "3000");
        trading.start(TRADER, "Trader");
        trading.open(TRADER, order("ETHUSDT", Side.LONG, "10", 10, MarginMode.CROSS, null));
        rig.commit();
        trading.withdraw(TRADER, d("6900"));
        rig.commit();

        TickReport report = rig.tick("ETHUSDT", "2680");   // margin balance 3,100 − 3,200 < 0

        assertThat(report.liquidations()).isEqualTo(1);
        assertThat(rig.desk.notifier.notices()).anySatisfy(n ->
                assertThat(n).isInstanceOf(org.marginsentinel.application.port.Notice.CrossLiquidated.class));
        assertIndexEqualsDatabase();
    }

    @Test
    void depositAfterOpeningCross_raisesTheWatchedWallet_soNoFalseWarning() {
        rig.desk.marks.set("ETHUSDT", "3000");
        trading.start(TRADER, "Trader");
        trading.open(TRADER, order("ETHUSDT", Side.LONG, "30", 10, MarginMode.CROSS, null));
        rig.commit();
        trading.deposit(TRADER, d("90000"));
        rig.commit();

        // −9,300 on a 100,000 wallet: nowhere near any level (on the old 10,000 wallet: ratio 57%, a WARNING)
        rig.tick("ETHUSDT", "2690");

        assertThat(rig.desk.notifier.notices()).isEmpty();
        assertIndexEqualsDatabase();
    }

    @Test
    void refusedOperation_signalsNothing_andChangesNothing() {
        rig.desk.marks.set("ETHUSDT", "3000");
        trading.start(TRADER, "Trader");
        trading.open(TRADER, order("ETHUSDT", Side.LONG, "10", 10, MarginMode.CROSS, null));
        rig.commit();
        String before = rig.desk.store.dump();

        assertThatThrownBy(() -> trading.withdraw(TRADER, d("9000"))).isInstanceOf(CommandRejected.class);

        assertThat(rig.desk.changes.committed()).isEmpty();
        assertThat(rig.desk.store.dump()).isEqualTo(before);
    }

    private void step(String operation, Runnable action) {
        exercised.add(operation);
        action.run();
        rig.commit();
        assertIndexEqualsDatabase();
    }

    private void assertIndexEqualsDatabase() {
        IndexAgreement.assertIndexEqualsStore(rig.monitor, rig.desk.store, rig.desk.marks, rig.desk.calculator, TRADER);
    }

    /** Every public method of the use cases that may change an account. */
    private static Set<String> writingOperations() {
        return Arrays.stream(new Class<?>[] {PaperTrading.class, Liquidations.class, FundingSettlement.class,
                        FundingBooking.class})
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).filter(name -> !READ_ONLY.contains(name))
                .collect(Collectors.toSet());
    }
}
