package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.alert.Liquidations;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.ChartHistoryStore.PoolSample;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * The risk monitor on a {@link PaperDesk}: in-memory stores, notices recorded, no container. {@link #commit()} does
 * what the container does after a transaction commits: the written accounts' books are rebuilt.
 */
final class WatchRig {

    final PaperDesk desk = new PaperDesk();
    final AlertDelivery delivery = new AlertDelivery(desk.alerts, desk.notifier);
    final List<Map<String, BigDecimal>> chartMarks = new ArrayList<>();
    final List<PoolSample> chartPools = new ArrayList<>();
    /** Liquidations that commit as the real ones do: the book is rebuilt before the tick goes on. */
    final Liquidations liquidations = new Liquidations(desk.accounts, desk.calculator, desk.advice, desk.notifier,
            desk.clock) {
        @Override
        public Optional<Notice.IsolatedLiquidated> liquidateIsolated(long userId, long positionId, BigDecimal mark) {
            try {
                return super.liquidateIsolated(userId, positionId, mark);
            } finally {
                commit();
            }
        }

        @Override
        public IsolatedBatch liquidateIsolated(List<DueIsolated> due) {
            try {
                return super.liquidateIsolated(due);
            } finally {
                commit();
            }
        }

        @Override
        public Optional<Notice.CrossLiquidated> liquidateCross(long userId, Map<String, BigDecimal> marks) {
            try {
                return super.liquidateCross(userId, marks);
            } finally {
                commit();
            }
        }
    };
    final RiskMonitor monitor = new RiskMonitor(desk.accounts, desk.alerts, desk.calculator, desk.advice, desk.tiers,
            liquidations, delivery, desk.volatilities, desk.planner, new ChartSampler(new ChartSampler.Samples() {
                @Override
                public boolean poolSampleDue(Instant now) {
                    return true;
                }

                @Override
                public void record(Instant now, Map<String, BigDecimal> heldMarks, List<PoolSample> pools) {
                    chartMarks.add(heldMarks);
                    chartPools.addAll(pools);
                }
            }), completed -> { });

    WatchRig() {
        monitor.loadAll();
    }

    /** After a use case returned: rebuilds the books of the accounts it wrote, as the commit observer does. */
    void commit() {
        desk.changes.committed().forEach(monitor::reload);
    }

    /** Sets these marks (symbol, price, symbol, price …) on the feed and runs one tick at them. */
    TickReport tick(String... symbolsAndPrices) {
        for (int i = 0; i < symbolsAndPrices.length; i += 2) {
            desk.marks.set(symbolsAndPrices[i], symbolsAndPrices[i + 1]);
        }
        Map<String, MarkPrice> marks = new HashMap<>(desk.marks.all());
        return monitor.tick(marks, desk.clock.instant());
    }
}
