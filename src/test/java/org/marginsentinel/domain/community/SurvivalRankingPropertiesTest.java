package org.marginsentinel.domain.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginsentinel.testsupport.Seeds;

/**
 * Properties of the ranking over random groups of traders (random capital, paths with gains, losses and
 * liquidations): {@value #SEEDS} fixed seeds per property in one test each ({@link Seeds}: a failure names the
 * seed that reproduces it).
 */
class SurvivalRankingPropertiesTest {

    static final int SEEDS = 300;

    @Test
    void rank_doesNotDependOnTheInputOrder() {
        Seeds.checkEvery(SEEDS, seed -> {
            Random random = new Random(seed);
            List<TraderPeriod> group = group(random);
            List<TraderPeriod> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);

            assertThat(ids(SurvivalRanking.rank(shuffled))).as("seed %d", seed).isEqualTo(ids(SurvivalRanking.rank(group)));
            return true;
        });
    }

    @Test
    void rank_everySurvivorAboveEveryLiquidatedMember() {
        Seeds.check(SEEDS, 250, seed -> { // counted: groups with survivors and liquidated members (275 of 300)
            List<Standing> ranked = SurvivalRanking.rank(group(new Random(seed)));

            for (int i = 1; i < ranked.size(); i++) {
                assertThat(ranked.get(i).liquidations()).as("seed %d position %d", seed, i)
                        .isGreaterThanOrEqualTo(ranked.get(i - 1).liquidations());
            }
            return ranked.get(0).liquidations() == 0 && ranked.get(ranked.size() - 1).liquidations() > 0;
        });
    }

    @Test
    void anotherLiquidation_neverMovesAMemberUp() {
        Seeds.checkEvery(SEEDS, seed -> {
            Random random = new Random(seed);
            List<TraderPeriod> group = group(random);
            int who = random.nextInt(group.size());
            TraderPeriod before = group.get(who);
            List<TraderPeriod> worse = new ArrayList<>(group);
            worse.set(who, new TraderPeriod(before.memberId(), before.capital(), before.pnlPath(), before.liquidations() + 1));

            assertThat(rankOf(before.memberId(), SurvivalRanking.rank(worse))).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(rankOf(before.memberId(), SurvivalRanking.rank(group)));
            return true;
        });
    }

    @Test
    void aBetterFinalResult_neverMovesAMemberDown() {
        Seeds.checkEvery(SEEDS, seed -> {
            Random random = new Random(seed);
            List<TraderPeriod> group = group(random);
            int who = random.nextInt(group.size());
            TraderPeriod before = group.get(who);
            List<BigDecimal> path = new ArrayList<>(before.pnlPath());
            path.add(before.finalPnl().add(BigDecimal.valueOf(1 + random.nextInt(5_000))));
            List<TraderPeriod> better = new ArrayList<>(group);
            better.set(who, new TraderPeriod(before.memberId(), before.capital(), path, before.liquidations()));

            assertThat(SurvivalRanking.measure(better.get(who)).score()).as("seed %d", seed)
                    .isGreaterThan(SurvivalRanking.measure(before).score());
            assertThat(rankOf(before.memberId(), SurvivalRanking.rank(better))).as("seed %d", seed)
                    .isLessThanOrEqualTo(rankOf(before.memberId(), SurvivalRanking.rank(group)));
            return true;
        });
    }

    @Test
    void measure_isScaleFree_andBounded() {
        Seeds.checkEvery(SEEDS, seed -> {
            Random random = new Random(seed);
            TraderPeriod period = trader(random, 1);
            BigDecimal factor = BigDecimal.valueOf(1 + random.nextInt(1000), random.nextInt(3));
            TraderPeriod scaled = new TraderPeriod(1, period.capital().multiply(factor),
                    period.pnlPath().stream().map(p -> p.multiply(factor)).toList(), period.liquidations());

            Standing s = SurvivalRanking.measure(period);
            Standing t = SurvivalRanking.measure(scaled);
            assertThat(t.returnFraction().subtract(s.returnFraction()).abs()).as("seed %d", seed)
                    .isLessThanOrEqualTo(new BigDecimal("1e-9"));
            assertThat(t.maxDrawdown().subtract(s.maxDrawdown()).abs()).as("seed %d", seed)
                    .isLessThanOrEqualTo(new BigDecimal("1e-9"));
            assertThat(s.maxDrawdown()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(s.score()).isEqualByComparingTo(s.returnFraction().subtract(s.maxDrawdown()));
            return true;
        });
    }

    @Test
    void measure_pathThatNeverFalls_hasNoDrawdown() {
        Seeds.checkEvery(SEEDS, seed -> {
            Random random = new Random(seed);
            List<BigDecimal> path = new ArrayList<>();
            BigDecimal pnl = BigDecimal.ZERO;
            for (int i = 0; i < 1 + random.nextInt(20); i++) {
                pnl = pnl.add(BigDecimal.valueOf(random.nextInt(500), 2));
                path.add(pnl);
            }

            assertThat(SurvivalRanking.measure(new TraderPeriod(1, new BigDecimal("10000"), path, 0)).maxDrawdown())
                    .as("seed %d", seed).isEqualByComparingTo("0");
            return true;
        });
    }

    private static List<TraderPeriod> group(Random random) {
        int size = 2 + random.nextInt(12);
        List<TraderPeriod> group = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            group.add(trader(random, 1_000 + i));
        }
        return group;
    }

    /** Capital 100 to 100,000; up to 30 events of ±8% of capital; sometimes liquidations (losses). */
    private static TraderPeriod trader(Random random, long id) {
        BigDecimal capital = BigDecimal.valueOf(100 + random.nextInt(99_901));
        List<BigDecimal> path = new ArrayList<>();
        BigDecimal pnl = BigDecimal.ZERO;
        int liquidations = 0;
        int events = random.nextInt(31);
        for (int i = 0; i < events; i++) {
            if (random.nextInt(15) == 0) {
                liquidations++;
                pnl = pnl.subtract(capital.multiply(BigDecimal.valueOf(random.nextInt(20), 2)));
            } else {
                pnl = pnl.add(capital.multiply(BigDecimal.valueOf(random.nextInt(17) - 8, 2)));
            }
            path.add(pnl);
        }
        return new TraderPeriod(id, capital, path, liquidations);
    }

    private static List<Long> ids(List<Standing> standings) {
        return standings.stream().map(Standing::memberId).toList();
    }

    private static int rankOf(long memberId, List<Standing> ranked) {
        return ids(ranked).indexOf(memberId);
    }
}
