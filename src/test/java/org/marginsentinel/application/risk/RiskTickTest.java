package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/** The judging half of the tick alone: decisions out, nothing written, nothing remembered. */
class RiskTickTest {

    private static final long TRADER = 3;

    private final PaperDesk desk = new PaperDesk();
    private final RiskIndex index = new RiskIndex(desk.tiers, desk.calculator);
    private final WatchMemory memory = new WatchMemory();
    private final IndexLoader loader = new IndexLoader(desk.accounts, desk.alerts, desk.volatilities, index, memory);
    private final RiskTick tick = new RiskTick(index, memory, desk.calculator,
            new NoticeComposer(desk.advice, desk.volatilities, desk.planner),
            new PoolDistances(desk.calculator, desk.volatilities));

    @BeforeEach
    void book() {
        desk.marks.set("BTCUSDT", "80000").set("ETHUSDT", "2600");
        desk.trading.start(TRADER, "Trader");
        desk.trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, "80000"));
        desk.trading.open(TRADER, order("ETHUSDT", Side.LONG, "10", 20, MarginMode.CROSS, "2600"));
        loader.loadAll();
    }

    private List<Candidate> screen(String btc, String eth) {
        return tick.screen(index.markArray(Map.of(
                "BTCUSDT", new MarkPrice("BTCUSDT", d(btc), PaperDesk.START, "test"),
                "ETHUSDT", new MarkPrice("ETHUSDT", d(eth), PaperDesk.START, "test"))));
    }

    @Test
    void flaggedSubjects_comeWorstFirst_andJudgingChangesNothing() {
        // BTC 3.9% from its liquidation (DANGER); the pool, 8,400 of wallet, at ETH 1,900: ratio 6.7% (safe by
        // ratio) but about 6.9% from liquidation (WARNING by its distance)
        List<Candidate> flagged = screen("67000", "1900");
        assertThat(flagged).hasSize(2);
        assertThat(flagged.get(0).isCrossPool()).isFalse();
        assertThat(flagged.get(1).isCrossPool()).isTrue();

        Map<String, BigDecimal> marks = Map.of("BTCUSDT", d("67000"), "ETHUSDT", d("1900"));
        TickDecision first = tick.judge(flagged.get(0), marks, PaperDesk.START);
        TickDecision again = tick.judge(flagged.get(0), marks, PaperDesk.START);

        assertThat(first).isEqualTo(again);
        assertThat(first).isInstanceOfSatisfying(TickDecision.Record.class, r -> {
            assertThat(r.state().level()).isEqualTo(RiskLevel.DANGER);
            assertThat(r.notice()).isInstanceOf(Notice.PositionWarning.class);
        });
        assertThat(tick.judge(flagged.get(1), marks, PaperDesk.START)).isInstanceOfSatisfying(
                TickDecision.Record.class, r -> assertThat(r.notice()).isInstanceOf(Notice.PoolWarning.class));
        assertThat(memory.level(WatchMemory.positionSubject(1))).isEqualTo(RiskLevel.SAFE);
        assertThat(desk.alerts.allStates()).isEmpty();
        assertThat(desk.notifier.notices()).isEmpty();
    }

    @Test
    void pastTheirPrices_theDecisionsAreLiquidations() {
        List<Candidate> flagged = screen("60000", "1700");
        Map<String, BigDecimal> marks = Map.of("BTCUSDT", d("60000"), "ETHUSDT", d("1700"));

        assertThat(flagged).map(c -> tick.judge(c, marks, PaperDesk.START)).hasExactlyElementsOfTypes(
                TickDecision.LiquidateIsolated.class, TickDecision.LiquidateCross.class);
        assertThat(desk.store.openPositions(TRADER)).hasSize(2);
    }

    @Test
    void aPoolWithAnUnpricedSymbol_isSkipped() {
        List<Candidate> flagged = screen("80000", "1700");
        assertThat(flagged).singleElement().satisfies(c -> assertThat(c.isCrossPool()).isTrue());

        assertThat(tick.judge(flagged.get(0), Map.of("BTCUSDT", d("80000")), PaperDesk.START))
                .isInstanceOf(TickDecision.Skip.class);
    }
}
