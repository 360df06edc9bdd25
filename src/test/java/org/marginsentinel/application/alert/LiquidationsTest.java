package org.marginsentinel.application.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.Subject;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.testsupport.fakes.InMemoryAccountStore;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/** Paper liquidations re-check with exact decimals: only what is past its price goes, and never twice. */
class LiquidationsTest {

    private static final long TRADER = 5;

    private final PaperDesk desk = new PaperDesk();
    private final Liquidations liquidations = desk.liquidations;
    private long btc;

    @BeforeEach
    void positions() {
        desk.marks.set("BTCUSDT", "80000").set("ETHUSDT", "2600");
        desk.trading.start(TRADER, "Trader");
        // isolated: 0.1 BTC at 80,000 with 5x, liquidation 64,257.03; cross: 10 ETH at 2,600 with 20x
        btc = desk.trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, "80000"))
                .position().id();
        desk.trading.open(TRADER, order("ETHUSDT", Side.LONG, "10", 20, MarginMode.CROSS, "2600"));
        desk.notifier.clear();
    }

    @Test
    void isolated_pastItsPrice_losesItsMarginOnce() {
        Notice.IsolatedLiquidated notice = liquidations.liquidateIsolated(TRADER, btc, d("64200")).orElseThrow();

        assertThat(notice.positionNumber()).isEqualTo(1);
        assertThat(notice.position()).contains(Subject.position(btc));   // its group alerts are withdrawn by it
        assertThat(notice.marginLost()).isEqualByComparingTo("1600");
        assertThat(notice.liquidationPrice().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("64257.03");
        assertThat(desk.notifier.notices()).containsExactly(notice);
        assertThat(desk.store.find(TRADER).orElseThrow().walletBalance()).isEqualByComparingTo("8400");
        assertThat(desk.store.rows(TRADER).get(0).status()).isEqualTo(PositionStatus.LIQUIDATED);
        assertThat(desk.store.ledger()).filteredOn(e -> e.kind() == LedgerKind.LIQUIDATION).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("-1600"));

        String after = desk.store.dump();
        assertThat(liquidations.liquidateIsolated(TRADER, btc, d("60000"))).isEmpty();   // a retried tick
        assertThat(desk.store.dump()).isEqualTo(after);
        assertThat(desk.notifier.notices()).hasSize(1);
    }

    @Test
    void isolated_judgedByTheTick_andUnchangedUnderTheLock_goesOnceWithThatVerdict() {
        PositionRisk judged = desk.calculator.isolated(desk.store.openPositions(TRADER).get(0).position(), d("64200"));
        List<Liquidations.DueIsolated> due = List.of(new Liquidations.DueIsolated(TRADER, btc, d("64200"), judged));

        Notice.IsolatedLiquidated notice = liquidations.liquidateIsolated(due).notices().get(0);

        assertThat(notice.liquidationPrice()).isEqualTo(judged.liquidationPrice());
        assertThat(desk.store.find(TRADER).orElseThrow().walletBalance()).isEqualByComparingTo("8400");
        String after = desk.store.dump();
        assertThat(liquidations.liquidateIsolated(due).notices()).as("a retried batch").isEmpty();
        assertThat(desk.store.dump()).isEqualTo(after);
    }

    @Test
    void isolated_judgedByTheTick_butGivenMarginSince_isJudgedOnTheLockedRowAndStays() {
        // the tick saw it past its price at 64,200; margin added before the batch locked the account
        PositionRisk judged = desk.calculator.isolated(desk.store.openPositions(TRADER).get(0).position(), d("64200"));
        assertThat(judged.liquidatedAtMark()).isTrue();
        desk.trading.adjustMargin(TRADER, "1", true, d("500"));
        desk.notifier.clear();
        String before = desk.store.dump();

        assertThat(liquidations.liquidateIsolated(List.of(new Liquidations.DueIsolated(TRADER, btc, d("64200"),
                judged))).notices()).isEmpty();

        assertThat(desk.store.dump()).isEqualTo(before);
        assertThat(desk.notifier.notices()).isEmpty();
    }

    @Test
    void isolated_notPastItsPrice_isLeftAlone() {
        String before = desk.store.dump();

        assertThat(liquidations.liquidateIsolated(TRADER, btc, d("64300"))).isEmpty();

        assertThat(desk.store.dump()).isEqualTo(before);
        assertThat(desk.notifier.notices()).isEmpty();
    }

    @Test
    void crossPool_underMaintenance_closesEveryCrossPositionAndKeepsTheIsolatedOne() {
        // wallet 10,000 − 1,600 isolated margin = 8,400 in the pool; 10 ETH falls 840+ per ETH
        Notice.CrossLiquidated notice = liquidations.liquidateCross(TRADER,
                Map.of("BTCUSDT", d("80000"), "ETHUSDT", d("1750"))).orElseThrow();

        assertThat(notice.closedPositions()).extracting(p -> "#" + p.number() + " " + p.symbol() + " " + p.side())
                .containsExactly("#2 ETHUSDT LONG");
        assertThat(notice.walletLost()).isEqualByComparingTo("8400");
        assertThat(desk.store.find(TRADER).orElseThrow().walletBalance()).isEqualByComparingTo("1600");
        assertThat(desk.store.openPositions(TRADER)).singleElement()
                .satisfies(p -> assertThat(p.position().symbol()).isEqualTo("BTCUSDT"));
        assertThat(liquidations.liquidateCross(TRADER, Map.of("BTCUSDT", d("80000"), "ETHUSDT", d("1700")))).isEmpty();
    }

    @Test
    void crossPool_withoutEveryMark_orAboveMaintenance_isLeftAlone() {
        String before = desk.store.dump();

        assertThat(liquidations.liquidateCross(TRADER, Map.of("ETHUSDT", d("1000")))).isEmpty();   // BTC unpriced
        assertThat(liquidations.liquidateCross(TRADER, Map.of("BTCUSDT", d("80000"), "ETHUSDT", d("2000")))).isEmpty();

        assertThat(desk.store.dump()).isEqualTo(before);
        assertThat(desk.notifier.notices()).isEmpty();
    }

    @Test
    void unknownAccount_isNothingToDo() {
        assertThat(liquidations.liquidateIsolated(99, btc, BigDecimal.ONE)).isEmpty();
        assertThat(new InMemoryAccountStore().find(99)).isEmpty();
    }
}
