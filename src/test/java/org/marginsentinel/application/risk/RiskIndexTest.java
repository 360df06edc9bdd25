package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskReading;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.SurvivableMove;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;

class RiskIndexTest {

    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
    private static final double[] BASES = {80000, 2600, 110};

    private final TierTable tiers = TierTable.shippedDefaults();
    private final MarginCalculator calculator = new MarginCalculator(tiers);
    private final RiskIndex index = new RiskIndex(tiers, calculator);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static List<StoredPosition> stored(long userId, Position... positions) {
        List<StoredPosition> stored = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            stored.add(new StoredPosition(Long.parseLong(positions[i].id()), userId, i + 1, positions[i], Instant.EPOCH));
        }
        return stored;
    }

    private void book(long userId, String wallet, Position... positions) {
        index.put(userId, d(wallet), stored(userId, positions), RiskThresholds.DEFAULTS, RiskIndex.NOTHING_HELD);
    }

    /** Indexes one position held at {@code level} (as after an earlier warning). */
    private void held(long userId, Position position, RiskLevel level) {
        byte ordinal = (byte) level.ordinal();
        index.put(userId, d("10000"), stored(userId, position), RiskThresholds.DEFAULTS, new RiskIndex.HeldLevels() {
            @Override
            public byte ofPosition(long positionId) {
                return ordinal;
            }

            @Override
            public byte ofPool(long user) {
                return ordinal;
            }
        });
    }

    private double[] marks(String btc) {
        return index.markArray(Map.of("BTCUSDT", new MarkPrice("BTCUSDT", d(btc), Instant.EPOCH, "test")));
    }

    // 0.1 BTC long at 80,000, 5x: liquidation 64,257.03
    private Position isolatedLong() {
        return Position.isolated("1", "BTCUSDT", Side.LONG, d("0.1"), d("80000"), 5);
    }

    @Test
    void scan_isolatedEnteringAWorseLevel_isFlagged_andStayingSafeIsNot() {
        book(1, "10000", isolatedLong());

        assertThat(index.scan(marks("80000"))).isEmpty();
        assertThat(index.scan(marks("71000"))).hasSize(1); // WARNING, held SAFE
    }

    @Test
    void scan_heldLevelUnchanged_isNotFlagged_butClearRecoveryIs() {
        held(1, isolatedLong(), RiskLevel.WARNING);

        assertThat(index.scan(marks("71000"))).as("still WARNING").isEmpty();
        assertThat(index.scan(marks("72500"))).as("SAFE but not clearly (11.4% < 12.5%)").isEmpty();
        assertThat(index.scan(marks("75000"))).as("clearly recovered (14.3%)").hasSize(1);
    }

    @Test
    void scan_criticalOrWorse_isAlwaysFlagged_forRepeatsAndLiquidation() {
        held(1, isolatedLong(), RiskLevel.CRITICAL);

        assertThat(index.scan(marks("65500"))).hasSize(1);
        assertThat(index.scan(marks("64000"))).hasSize(1);
    }

    @Test
    void scan_symbolWithoutAFreshMark_isSkipped() {
        book(1, "10000", isolatedLong());

        double[] noMarks = index.markArray(Map.of());

        assertThat(index.scan(noMarks)).isEmpty();
    }

    @Test
    void setLevel_movesTheQuietBand_soTheNextTickIsQuietAtTheNewLevel() {
        book(1, "10000", isolatedLong());
        List<Candidate> flagged = index.scan(marks("71000"));
        assertThat(flagged).hasSize(1);

        index.setLevel(flagged.get(0), (byte) RiskLevel.WARNING.ordinal());

        assertThat(index.scan(marks("71000"))).as("WARNING is now held").isEmpty();
        assertThat(index.scan(marks("67000"))).as("DANGER (4.1%) is worse").hasSize(1);
    }

    // ---- the odds trigger's WARNING distance ----

    private Candidate onlyIsolatedCandidate(String btc) {
        List<Candidate> flagged = index.scan(marks(btc));
        assertThat(flagged).hasSize(1);
        return flagged.get(0);
    }

    @Test
    void oddsWarning_widensTheWarningBand_soAMarkInsideTheWiderBandIsFlagged() {
        book(1, "10000", isolatedLong()); // liquidation 64,257.03: 19.68% away at 80,000, 10% WARNING distance
        assertThat(index.scan(marks("80000"))).as("far from the user's WARNING distance").isEmpty();

        index.setOddsWarnings(index.book(1), (symbol, side) -> 0.25); // the odds trigger warns from 25%

        Candidate candidate = onlyIsolatedCandidate("80000");
        assertThat(index.warnsFromOdds(candidate)).isTrue();
        assertThat(index.warningDistance(candidate)).isEqualTo(0.25);
        assertThat(index.screenedLevel(candidate, marks("80000"))).isEqualTo((byte) RiskLevel.WARNING.ordinal());
        assertThat(index.scan(marks("86000"))).as("25.3% away: outside the wider band").isEmpty();
    }

    @Test
    void oddsWarning_heldWarning_isQuietInsideTheWiderBand_andReleasedOnlyPastItsReleaseDistance() {
        book(1, "10000", isolatedLong());
        index.setOddsWarnings(index.book(1), (symbol, side) -> 0.25);
        index.setLevel(onlyIsolatedCandidate("80000"), (byte) RiskLevel.WARNING.ordinal());

        assertThat(index.scan(marks("80000"))).as("WARNING held").isEmpty();
        assertThat(index.scan(marks("90000"))).as("28.6% away: not yet clear of 25% × 1.25").isEmpty();
        assertThat(index.scan(marks("94000"))).as("31.6% away: clearly recovered").hasSize(1);
        assertThat(index.scan(marks("67000"))).as("DANGER (4.1%) is still worse").hasSize(1);
    }

    @Test
    void oddsWarning_nearerThanTheUsersDistance_orUnknown_leavesTheUsersBand() {
        book(1, "10000", isolatedLong());
        index.setOddsWarnings(index.book(1), (symbol, side) -> 0.05);
        assertThat(index.scan(marks("80000"))).isEmpty();
        Candidate atWarning = onlyIsolatedCandidate("71000");
        assertThat(index.warnsFromOdds(atWarning)).isFalse();
        assertThat(index.warningDistance(atWarning)).isEqualTo(0.10);

        index.setOddsWarnings(index.book(1), (symbol, side) -> 0.25);
        assertThat(index.scan(marks("80000"))).hasSize(1);
        index.setOddsWarnings(index.book(1), (symbol, side) -> Double.NaN); // volatility gone
        assertThat(index.scan(marks("80000"))).as("back to the user's 10%").isEmpty();
    }

    @Test
    void oddsWarning_isPerPosition_andARebuiltBookStartsWithoutIt() {
        Position shortEth = Position.isolated("2", "ETHUSDT", Side.SHORT, d("1"), d("2600"), 5);
        book(1, "10000", isolatedLong(), shortEth);
        index.setOddsWarnings(index.book(1), (symbol, side) -> symbol.equals("BTCUSDT") ? 0.25 : Double.NaN);
        Map<String, MarkPrice> both = Map.of(
                "BTCUSDT", new MarkPrice("BTCUSDT", d("80000"), Instant.EPOCH, "test"),
                "ETHUSDT", new MarkPrice("ETHUSDT", d("2600"), Instant.EPOCH, "test"));
        assertThat(index.scan(index.markArray(both))).extracting(c -> index.isolatedPosition(c).id())
                .containsExactly(1L);

        book(1, "10000", isolatedLong(), shortEth); // settings or positions changed: a new book

        assertThat(index.scan(index.markArray(both))).isEmpty();
    }

    /**
     * With odds distances on a third of the positions, the screen still flags every position the exact engine
     * acts on when judged with that position's WARNING distance (as the monitor judges it).
     */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33})
    void isolatedScreen_withOddsDistances_flagsWhatTheExactEngineActsOn(long seed) {
        Random random = new Random(seed);
        Map<Long, Position> positions = new HashMap<>();
        Map<Long, RiskLevel> heldLevels = new HashMap<>();
        Map<Long, RiskThresholds> thresholdsOf = new HashMap<>();
        RiskThresholds user = RiskThresholds.DEFAULTS;
        for (long id = 1; id <= 1_000; id++) {
            int s = random.nextInt(SYMBOLS.length);
            BigDecimal entry = BigDecimal.valueOf(BASES[s] * (0.9 + 0.2 * random.nextDouble())).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal quantity = BigDecimal.valueOf(random.nextDouble() * 3_000_000 / BASES[s] + 0.001)
                    .setScale(6, RoundingMode.HALF_EVEN);
            Position position = Position.isolated(String.valueOf(id), SYMBOLS[s],
                    random.nextBoolean() ? Side.LONG : Side.SHORT, quantity, entry, 1 + random.nextInt(125));
            RiskLevel held = RiskLevel.values()[random.nextInt(RiskLevel.LIQUIDATED.ordinal())];
            // a distance a float holds exactly, between 0.098 and 0.59: sometimes nearer than the user's 10%
            double odds = random.nextInt(3) == 0 ? (100 + random.nextInt(500)) / 1024.0 : Double.NaN;
            byte ordinal = (byte) held.ordinal();
            index.put(id, d("1000000"), stored(id, position), user, new RiskIndex.HeldLevels() {
                @Override
                public byte ofPosition(long positionId) {
                    return ordinal;
                }

                @Override
                public byte ofPool(long userId) {
                    return 0;
                }
            });
            index.setOddsWarnings(index.book(id), (symbol, side) -> odds);
            boolean wider = odds > user.isolatedWarning().doubleValue();
            positions.put(id, position);
            heldLevels.put(id, held);
            thresholdsOf.put(id, wider ? new RiskThresholds(BigDecimal.valueOf(odds), user.isolatedDanger(),
                    user.isolatedCritical(), user.crossWarning(), user.crossDanger(), user.crossCritical()) : user);
        }
        for (int tick = 0; tick < 12; tick++) {
            Map<String, MarkPrice> marks = new HashMap<>();
            for (int s = 0; s < SYMBOLS.length; s++) {
                BigDecimal mark = BigDecimal.valueOf(BASES[s] * (0.6 + 0.8 * random.nextDouble())).setScale(2, RoundingMode.HALF_EVEN);
                marks.put(SYMBOLS[s], new MarkPrice(SYMBOLS[s], mark, Instant.EPOCH, "test"));
            }
            Set<Long> flagged = new HashSet<>();
            for (Candidate candidate : index.scan(index.markArray(marks))) {
                long id = index.isolatedPosition(candidate).id();
                assertThat(flagged.add(id)).as("flagged once").isTrue();
                assertThat(index.warningDistance(candidate))
                        .isEqualTo(thresholdsOf.get(id).isolatedWarning().doubleValue());
            }
            for (Map.Entry<Long, Position> entry : positions.entrySet()) {
                long id = entry.getKey();
                BigDecimal mark = marks.get(entry.getValue().symbol()).price();
                PositionRisk risk = calculator.isolated(entry.getValue(), mark);
                RiskThresholds thresholds = thresholdsOf.get(id);
                RiskLevel held = heldLevels.get(id);
                RiskReading reading = RiskReading.of(risk);
                boolean actsOn = reading.level(thresholds, held) != held
                        || reading.level(thresholds).compareTo(RiskLevel.CRITICAL) >= 0;
                if (actsOn) {
                    assertThat(flagged).as("position %d held %s at %s", id, held, mark).contains(id);
                } else if (flagged.contains(id)) {
                    assertThat(nearABandEdge(risk.distanceToLiquidation(), thresholds, held))
                            .as("position %d flagged needlessly at distance %s, held %s", id,
                                    risk.distanceToLiquidation(), held).isTrue();
                }
            }
        }
    }

    // ---- what the chart history and the volatility refresh read ----

    @Test
    void heldSymbols_namesTheSymbolsOfOpenPositions_isolatedAndCross() {
        book(1, "10000", isolatedLong());
        book(2, "10000", Position.cross("2", "ETHUSDT", Side.LONG, d("1"), d("2600"), 20),
                Position.cross("3", "BTCUSDT", Side.SHORT, d("0.1"), d("80000"), 20));
        assertThat(index.heldSymbols()).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");

        index.remove(2);
        assertThat(index.heldSymbols()).containsExactly("BTCUSDT");
        index.remove(1);
        assertThat(index.heldSymbols()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43})
    void crossMaintenance_matchesTheExactEngine(long seed) {
        Random random = new Random(seed);
        Map<String, MarkPrice> marks = randomMarks(random);
        List<Position> positions = new ArrayList<>();
        List<PricedPosition> priced = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Position position = randomCross(random, i + 1, 2_000_000);
            positions.add(position);
            priced.add(new PricedPosition(position, marks.get(position.symbol()).price()));
        }
        book(1, "50000", positions.toArray(new Position[0]));

        double screened = index.crossMaintenance(index.book(1).crossPool, index.markArray(marks));

        assertThat(screened).isCloseTo(calculator.cross(d("50000"), priced).maintenanceMargin().doubleValue(),
                within(1e-6));
    }

    @Test
    void removedUser_isNoLongerScreened_andItsCandidateIsNoLongerLive() {
        book(1, "10000", isolatedLong());
        book(2, "10000", Position.cross("2", "BTCUSDT", Side.LONG, d("1"), d("80000"), 20));
        List<Candidate> flagged = index.scan(marks("40000"));
        assertThat(flagged).hasSize(2);
        assertThat(index.positionCount()).isEqualTo(2);

        index.remove(1);
        index.remove(2);

        assertThat(flagged).allSatisfy(c -> assertThat(index.isLive(c)).isFalse());
        assertThat(index.scan(marks("40000"))).isEmpty();
        assertThat(index.positionCount()).isZero();
        assertThat(index.userIds()).isEmpty();
    }

    @Test
    void freedSlots_areReusedOnlyAfterTheNextScan_soARunningTickNeverConfusesTwoPositions() {
        book(1, "10000", isolatedLong());
        Candidate first = index.scan(marks("71000")).get(0);

        index.remove(1);
        book(2, "10000", Position.isolated("7", "BTCUSDT", Side.LONG, d("0.1"), d("80000"), 5));

        assertThat(index.isLive(first)).as("the old slot stays dead during this tick").isFalse();
        Candidate second = index.scan(marks("71000")).get(0);
        assertThat(index.owner(second).userId).isEqualTo(2);
        assertThat(index.isolatedPosition(second).id()).isEqualTo(7);
    }

    @Test
    void positionsOf_rebuildsTheExactPositions_scaleIncluded() {
        Position wide = new Position("5", "ETHUSDT", Side.SHORT, d("123456789012345678.123456789012345678"),
                d("2600.000000000000000000"), 3, MarginMode.ISOLATED, d("1000.500000000000000000"));
        Position cross = new Position("6", "SOLUSDT", Side.LONG, d("12.340000000000000000"), d("110.5"), 20,
                MarginMode.CROSS, null);
        Position plain = Position.isolated("4", "BTCUSDT", Side.LONG, d("0.1"), d("80000"), 5);
        index.put(9, d("5000.000000000000000000"), stored(9, plain, wide, cross), RiskThresholds.DEFAULTS,
                RiskIndex.NOTHING_HELD);

        List<IndexedPosition> rebuilt = index.positionsOf(index.book(9));

        assertThat(rebuilt).extracting(IndexedPosition::position).containsExactly(plain, wide, cross);
        assertThat(rebuilt).extracting(IndexedPosition::id).containsExactly(4L, 5L, 6L);
        assertThat(rebuilt).extracting(IndexedPosition::number).containsExactly(1, 2, 3);
        assertThat(rebuilt.get(1).position().quantity().scale()).isEqualTo(18);
        assertThat(index.book(9).walletBalance()).isEqualTo(d("5000.000000000000000000"));
    }

    @Test
    void crossPools_surviveCompaction_afterManyRebuilds() {
        for (int round = 0; round < 50; round++) {
            for (long user = 1; user <= 20; user++) {
                Position a = Position.cross(String.valueOf(user * 1000 + round), "BTCUSDT", Side.LONG,
                        d("0.01").multiply(BigDecimal.valueOf(user)), d("80000"), 10);
                Position b = Position.cross(String.valueOf(user * 1000 + round + 500), "ETHUSDT", Side.SHORT,
                        d("0.5"), d("2600"), 10);
                book(user, "1000", a, b);
            }
        }

        assertThat(index.positionCount()).isEqualTo(40);
        for (long user = 1; user <= 20; user++) {
            List<IndexedPosition> positions = index.positionsOf(index.book(user));
            assertThat(positions).extracting(p -> p.position().quantity())
                    .containsExactly(d("0.01").multiply(BigDecimal.valueOf(user)), d("0.5"));
            assertThat(positions).extracting(IndexedPosition::id).containsExactly(user * 1000 + 49, user * 1000 + 549);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void screenCrossRatio_matchesTheExactEngine(long seed) {
        Random random = new Random(seed);
        List<Position> positions = new ArrayList<>();
        List<PricedPosition> priced = new ArrayList<>();
        Map<String, MarkPrice> marks = randomMarks(random);
        for (int i = 0; i < 4; i++) {
            Position position = randomCross(random, i + 1, 200_000);
            positions.add(position);
            priced.add(new PricedPosition(position, marks.get(position.symbol()).price()));
        }
        book(1, "20000", positions.toArray(new Position[0]));

        double screened = index.crossRatio(index.book(1).crossPool, index.markArray(marks));
        CrossAccountRisk exact = calculator.cross(d("20000"), priced);

        if (exact.marginRatio() == null) {
            assertThat(screened).isInfinite();
        } else {
            assertThat(screened).isCloseTo(exact.marginRatio().doubleValue(), within(1e-9));
        }
    }

    /**
     * The screen never misses an isolated position the exact engine would act on (a level change with
     * hysteresis, or CRITICAL and worse), whatever the side, leverage, held level or thresholds; and it flags
     * nothing else unless the exact distance sits within a hair of a band edge.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void isolatedScreen_flagsExactlyWhatTheExactEngineActsOn(long seed) {
        Random random = new Random(seed);
        RiskThresholds custom = new RiskThresholds(d("0.20"), d("0.08"), d("0.03"), d("0.40"), d("0.60"), d("0.90"));
        Map<Long, Position> positions = new HashMap<>();
        Map<Long, RiskLevel> heldLevels = new HashMap<>();
        Map<Long, RiskThresholds> thresholdsOf = new HashMap<>();
        for (long id = 1; id <= 1_000; id++) {
            int s = random.nextInt(SYMBOLS.length);
            BigDecimal entry = BigDecimal.valueOf(BASES[s] * (0.9 + 0.2 * random.nextDouble())).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal quantity = BigDecimal.valueOf(random.nextDouble() * 3_000_000 / BASES[s] + 0.001)
                    .setScale(6, RoundingMode.HALF_EVEN);
            Position position = Position.isolated(String.valueOf(id), SYMBOLS[s],
                    random.nextBoolean() ? Side.LONG : Side.SHORT, quantity, entry, 1 + random.nextInt(125));
            RiskLevel held = RiskLevel.values()[random.nextInt(RiskLevel.values().length)];
            RiskThresholds thresholds = random.nextInt(4) == 0 ? custom : RiskThresholds.DEFAULTS;
            positions.put(id, position);
            heldLevels.put(id, held);
            thresholdsOf.put(id, thresholds);
            byte ordinal = (byte) held.ordinal();
            index.put(id, d("1000000"), stored(id, position), thresholds, new RiskIndex.HeldLevels() {
                @Override
                public byte ofPosition(long positionId) {
                    return ordinal;
                }

                @Override
                public byte ofPool(long userId) {
                    return 0;
                }
            });
        }
        for (int tick = 0; tick < 12; tick++) {
            Map<String, MarkPrice> marks = new HashMap<>();
            for (int s = 0; s < SYMBOLS.length; s++) {
                BigDecimal mark = BigDecimal.valueOf(BASES[s] * (0.6 + 0.8 * random.nextDouble())).setScale(2, RoundingMode.HALF_EVEN);
                marks.put(SYMBOLS[s], new MarkPrice(SYMBOLS[s], mark, Instant.EPOCH, "test"));
            }
            Set<Long> flagged = new HashSet<>();
            for (Candidate candidate : index.scan(index.markArray(marks))) {
                assertThat(flagged.add(index.isolatedPosition(candidate).id())).as("flagged once").isTrue();
            }
            for (Map.Entry<Long, Position> entry : positions.entrySet()) {
                long id = entry.getKey();
                BigDecimal mark = marks.get(entry.getValue().symbol()).price();
                PositionRisk risk = calculator.isolated(entry.getValue(), mark);
                RiskThresholds thresholds = thresholdsOf.get(id);
                RiskLevel held = heldLevels.get(id);
                RiskReading reading = RiskReading.of(risk);
                boolean actsOn = reading.level(thresholds, held) != held
                        || reading.level(thresholds).compareTo(RiskLevel.CRITICAL) >= 0;
                if (actsOn) {
                    assertThat(flagged).as("position %d held %s at %s", id, held, mark).contains(id);
                } else if (flagged.contains(id)) {
                    assertThat(nearABandEdge(risk.distanceToLiquidation(), thresholds, held))
                            .as("position %d flagged needlessly at distance %s, held %s", id,
                                    risk.distanceToLiquidation(), held).isTrue();
                }
            }
        }
    }

    /** Cross pools: the screen flags every pool whose exact level with hysteresis changes, or that is CRITICAL. */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void crossScreen_neverMissesAPoolTheExactEngineActsOn(long seed) {
        Random random = new Random(seed);
        Map<Long, List<Position>> pools = new HashMap<>();
        Map<Long, BigDecimal> wallets = new HashMap<>();
        Map<Long, RiskLevel> heldLevels = new HashMap<>();
        for (long user = 1; user <= 200; user++) {
            List<Position> held = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                held.add(randomCross(random, user * 10 + i, 400_000));
            }
            Position isolated = Position.isolated(String.valueOf(user * 10 + 9), "BTCUSDT", Side.LONG, d("0.05"),
                    d("80000"), 10);
            held.add(isolated);
            BigDecimal wallet = BigDecimal.valueOf(5_000 + random.nextInt(40_000));
            RiskLevel level = RiskLevel.values()[random.nextInt(4)];
            pools.put(user, held);
            wallets.put(user, wallet);
            heldLevels.put(user, level);
            byte ordinal = (byte) level.ordinal();
            index.put(user, wallet, stored(user, held.toArray(new Position[0])), RiskThresholds.DEFAULTS,
                    new RiskIndex.HeldLevels() {
                        @Override
                        public byte ofPosition(long positionId) {
                            return 0;
                        }

                        @Override
                        public byte ofPool(long userId) {
                            return ordinal;
                        }
                    });
        }
        for (int tick = 0; tick < 8; tick++) {
            Map<String, MarkPrice> marks = randomMarks(random);
            Set<Long> flaggedPools = new HashSet<>();
            for (Candidate candidate : index.scan(index.markArray(marks))) {
                if (candidate.isCrossPool()) {
                    flaggedPools.add(index.owner(candidate).userId);
                }
            }
            for (Map.Entry<Long, List<Position>> entry : pools.entrySet()) {
                List<PricedPosition> priced = entry.getValue().stream()
                        .map(p -> new PricedPosition(p, marks.get(p.symbol()).price())).toList();
                AccountRisk account = calculator.account(wallets.get(entry.getKey()), priced);
                // The exact judge: the worse of ratio and joint-move distance (equal shares: no volatility here).
                List<PricedPosition> crossOnly = priced.stream().filter(p -> !p.position().isIsolated()).toList();
                BigDecimal distance = new SurvivableMove(calculator)
                        .distance(account.cross().walletBalance(), crossOnly, Map.of()).orElse(null);
                RiskReading reading = RiskReading.pool(account.cross().marginRatio(), distance);
                RiskLevel held = heldLevels.get(entry.getKey());
                boolean actsOn = reading.level(RiskThresholds.DEFAULTS, held) != held
                        || reading.level(RiskThresholds.DEFAULTS).compareTo(RiskLevel.CRITICAL) >= 0;
                if (actsOn) {
                    assertThat(flaggedPools).as("pool of user %d held %s", entry.getKey(), held)
                            .contains(entry.getKey());
                }
            }
        }
    }

    private static boolean nearABandEdge(BigDecimal distance, RiskThresholds thresholds, RiskLevel held) {
        if (distance == null) {
            return false;
        }
        double d = distance.doubleValue();
        double[] edges = {thresholds.isolatedWarning().doubleValue(), thresholds.isolatedDanger().doubleValue(),
                thresholds.isolatedCritical().doubleValue(), 0};
        for (double edge : edges) {
            double release = edge * RiskThresholds.DISTANCE_RELEASE_FACTOR.doubleValue();
            if (Math.abs(d - edge) < 1e-5 || Math.abs(d - release) < 1e-5) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, MarkPrice> randomMarks(Random random) {
        Map<String, MarkPrice> marks = new HashMap<>();
        for (int s = 0; s < SYMBOLS.length; s++) {
            BigDecimal mark = BigDecimal.valueOf(BASES[s] * (0.9 + 0.2 * random.nextDouble())).setScale(4, RoundingMode.HALF_EVEN);
            marks.put(SYMBOLS[s], new MarkPrice(SYMBOLS[s], mark, Instant.EPOCH, "test"));
        }
        return marks;
    }

    private static Position randomCross(Random random, long id, double maxNotional) {
        int s = random.nextInt(SYMBOLS.length);
        BigDecimal quantity = BigDecimal.valueOf(maxNotional * random.nextDouble() / BASES[s] + 0.001)
                .setScale(6, RoundingMode.HALF_EVEN);
        return new Position(String.valueOf(id), SYMBOLS[s], random.nextBoolean() ? Side.LONG : Side.SHORT,
                quantity, BigDecimal.valueOf(BASES[s]), 20, MarginMode.CROSS, null);
    }
}
