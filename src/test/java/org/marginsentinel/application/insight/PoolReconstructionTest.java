package org.marginsentinel.application.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.port.ChartHistoryStore.PoolSample;
import org.marginsentinel.application.port.LedgerEntry;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierTable;

/**
 * A cross pool of BTC long 0.1 @ 80,000 (opened before the window) and ETH short 2 @ 3,000 (opened at 10:30, inside
 * it), next to an isolated SOL position with 200 USDT margin; flat maintenance rates of 0.4% (BTC) and 0.5% (ETH)
 * keep every figure computable by hand. Window 06:00–12:00; today's wallet 10,500.
 */
class PoolReconstructionTest {

    private static final long USER = 7;
    private static final Instant FROM = at("06:00");
    private static final Instant NOW = at("12:00");

    private final MarginCalculator calculator = new MarginCalculator(position -> TierSchedule.flat(
            new BigDecimal(position.symbol().equals("BTCUSDT") ? "0.004" : "0.005"), BigDecimal.ZERO));
    private final PoolReconstruction reconstruction = new PoolReconstruction(calculator);

    private final StoredPosition btc = new StoredPosition(1, USER, 1,
            Position.cross("1", "BTCUSDT", Side.LONG, new BigDecimal("0.1"), new BigDecimal("80000"), 10), at("05:00"));
    private final StoredPosition eth = new StoredPosition(2, USER, 2,
            Position.cross("2", "ETHUSDT", Side.SHORT, new BigDecimal("2"), new BigDecimal("3000"), 10), at("10:30"));
    private final StoredPosition sol = new StoredPosition(3, USER, 3,
            Position.isolated("3", "SOLUSDT", Side.LONG, new BigDecimal("10"), new BigDecimal("100"), 5), at("04:00"));

    private final List<LedgerEntry> ledger = new ArrayList<>(List.of(
            entry(LedgerKind.FUNDING, "-4", "07:00", 1L),      // BTC's funding: from the cross wallet
            entry(LedgerKind.DEPOSIT, "1000", "08:00", null),  // a cash move inside the window
            entry(LedgerKind.FEE, "-3", "10:30", 2L),          // opening ETH
            entry(LedgerKind.WITHDRAWAL, "-500", "11:00", null)));

    private final Map<String, List<MarkSample>> marks = Map.of(
            "BTCUSDT", List.of(mark("BTCUSDT", "05:50", "90000"), mark("BTCUSDT", "07:30", "81000"),
                    mark("BTCUSDT", "09:00", "79000"), mark("BTCUSDT", "10:45", "80500"),
                    mark("BTCUSDT", "11:30", "82000"), mark("BTCUSDT", "12:00", "82500")),
            "ETHUSDT", List.of(mark("ETHUSDT", "09:00", "3050"), mark("ETHUSDT", "10:45", "2950"),
                    mark("ETHUSDT", "11:30", "3100")));

    @Test
    void twoPositionCrossPool_withACashMoveAndAnOpenInsideTheWindow_isWorkedOutExactlyAtEveryMarkTime() {
        PoolReconstruction.Past past = reconstruction.reconstruct(facts(Optional.empty(), at("00:00")), marks, FROM,
                NOW);

        assertThat(past.since()).isEqualTo(FROM);
        assertThat(past.points()).extracting(PoolSample::at)
                .containsExactly(at("07:30"), at("09:00"), at("10:45"), at("11:30"));
        // 07:30: wallet 10,500 − 1,000 deposit + 3 fee + 500 withdrawal = 10,003; cross 10,003 − 200 SOL = 9,803;
        // BTC +100 → 9,903; maintenance 8,100 × 0.4% = 32.4; ETH not open yet
        assertPoint(past.points().get(0), "9903", "32.4");
        // 09:00: deposit already in (11,003; cross 10,803); BTC −100 → 10,703; 7,900 × 0.4% = 31.6 (ETH at 3,050
        // is not held yet: it opened at 10:30)
        assertPoint(past.points().get(1), "10703", "31.6");
        // 10:45: the withdrawal still ahead (11,000; cross 10,800); BTC +50, ETH short 2 × (3,000 − 2,950) = +100
        // → 10,950; 8,050 × 0.4% + 5,900 × 0.5% = 32.2 + 29.5 = 61.7
        assertPoint(past.points().get(2), "10950", "61.7");
        // 11:30: today's wallet (cross 10,300); BTC +200, ETH −200 → 10,300; 32.8 + 31 = 63.8
        assertPoint(past.points().get(3), "10300", "63.8");
    }

    @Test
    void goesBackOnlyToTheLatestChangeTodaysPositionsDoNotExplain() {
        // an add to BTC at 09:30: its fee is not an opening fee of a position still open
        ledger.add(entry(LedgerKind.FEE, "-4", "09:30", 1L));
        assertThat(reconstruction.reconstruct(facts(Optional.empty(), at("00:00")), marks, FROM, NOW).since())
                .isEqualTo(at("09:30"));

        // a margin move, close or zero-fee add the positions table saw at 10:40
        PoolReconstruction.Past past = reconstruction.reconstruct(facts(Optional.of(at("10:40")), at("00:00")), marks,
                FROM, NOW);
        assertThat(past.since()).isEqualTo(at("10:40"));
        assertThat(past.points()).extracting(PoolSample::at).containsExactly(at("10:45"), at("11:30"));
        assertPoint(past.points().get(0), "10950", "61.7");
    }

    @Test
    void realisedPnl_isolatedFunding_andTheAccountsCreation_endTheReconstruction() {
        assertThat(since(entry(LedgerKind.REALIZED_PNL, "25", "08:30", 9L))).isEqualTo(at("08:30"));
        assertThat(since(entry(LedgerKind.FUNDING, "-1", "08:40", 3L))).isEqualTo(at("08:40")); // into SOL's margin
        assertThat(since(entry(LedgerKind.LIQUIDATION, "-50", "08:50", null))).isEqualTo(at("08:50"));
        assertThat(PoolReconstruction.explainedSince(facts(Optional.empty(), at("11:00")), FROM)).isEqualTo(at("11:00"));
    }

    @Test
    void aMomentWithoutAMarkForEveryHeldCrossSymbol_isLeftOut_andNothingLeftGivesNoPast() {
        Map<String, List<MarkSample>> late = Map.of("BTCUSDT", marks.get("BTCUSDT"),
                "ETHUSDT", List.of(mark("ETHUSDT", "11:30", "3100")));

        assertThat(reconstruction.reconstruct(facts(Optional.empty(), at("00:00")), late, FROM, NOW).points())
                .extracting(PoolSample::at).containsExactly(at("07:30"), at("09:00"), at("11:30"));

        PoolReconstruction.Past none = reconstruction.reconstruct(facts(Optional.of(at("11:45")), at("00:00")), marks,
                FROM, NOW);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.since()).isNull();
    }

    /**
     * Each point is the engine's own cross pool at that moment, to the digit and scale: twelve positions of both sides
     * on the shipped tier table (several tiers crossed as marks wander ±40%), marks at odd scales.
     */
    @Test
    void everyPoint_isTheEnginesCrossPool_onTheShippedTiers() {
        MarginCalculator engine = new MarginCalculator(TierTable.shippedDefaults());
        Random random = new Random(22);
        String[] symbols = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "LINKUSDT"};
        List<StoredPosition> open = new ArrayList<>();
        Map<String, List<MarkSample>> wandering = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            String symbol = symbols[i % symbols.length];
            BigDecimal entryPrice = BigDecimal.valueOf(1 + random.nextInt(90_000), random.nextInt(3));
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(2_000_000), 3 + random.nextInt(3))
                    .divide(entryPrice, 6, RoundingMode.HALF_UP).max(new BigDecimal("0.001"));
            open.add(new StoredPosition(100 + i, USER, i + 1, Position.cross(String.valueOf(100 + i), symbol,
                    random.nextBoolean() ? Side.LONG : Side.SHORT, quantity, entryPrice, 1 + random.nextInt(50)),
                    at("05:00")));
            wandering.putIfAbsent(symbol, marks(symbol, entryPrice, random));
        }
        PoolReconstruction.Facts facts = new PoolReconstruction.Facts(USER, new BigDecimal("250000.123456"),
                at("00:00"), open, List.of(), Optional.empty());

        List<PoolSample> points = new PoolReconstruction(engine).reconstruct(facts, wandering, FROM, NOW).points();

        assertThat(points).hasSize(6 * 60);
        for (PoolSample point : points) {
            List<PricedPosition> priced = open.stream().map(p -> new PricedPosition(p.position(),
                    latestMark(wandering.get(p.position().symbol()), point.at()))).toList();
            CrossAccountRisk pool = engine.cross(facts.walletNow(), priced);
            assertThat(point.marginBalance()).isEqualTo(pool.marginBalance());
            assertThat(point.maintenanceMargin()).isEqualTo(pool.maintenanceMargin());
        }
    }

    /** A mark every minute of the window, wandering up to ±40% around {@code start}. */
    private static List<MarkSample> marks(String symbol, BigDecimal start, Random random) {
        List<MarkSample> samples = new ArrayList<>();
        for (Instant t = FROM; t.isBefore(NOW); t = t.plusSeconds(60)) {
            BigDecimal factor = BigDecimal.valueOf(60 + random.nextInt(81), 2);
            samples.add(new MarkSample(symbol, t, start.multiply(factor).setScale(random.nextInt(9),
                    RoundingMode.HALF_UP)));
        }
        return samples;
    }

    private static BigDecimal latestMark(List<MarkSample> samples, Instant at) {
        return samples.stream().filter(s -> !s.at().isAfter(at)).reduce((a, b) -> b).orElseThrow().markPrice();
    }

    private Instant since(LedgerEntry extra) {
        ledger.add(extra);
        try {
            return PoolReconstruction.explainedSince(facts(Optional.empty(), at("00:00")), FROM);
        } finally {
            ledger.remove(extra);
        }
    }

    private PoolReconstruction.Facts facts(Optional<Instant> lastChange, Instant created) {
        return new PoolReconstruction.Facts(USER, new BigDecimal("10500"), created, List.of(btc, eth, sol), ledger,
                lastChange);
    }

    private static void assertPoint(PoolSample point, String marginBalance, String maintenance) {
        assertThat(point.marginBalance()).isEqualByComparingTo(marginBalance);
        assertThat(point.maintenanceMargin()).isEqualByComparingTo(maintenance);
    }

    private static LedgerEntry entry(LedgerKind kind, String amount, String time, Long positionId) {
        return new LedgerEntry(USER, kind, new BigDecimal(amount), at(time), positionId);
    }

    private static MarkSample mark(String symbol, String time, String price) {
        return new MarkSample(symbol, at(time), new BigDecimal(price));
    }

    private static Instant at(String time) {
        return Instant.parse("2030-01-02T" + time + ":00Z");
    }
}
