package org.marginsentinel.domain.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.alert.RiskLevel;

/** The poll scheduler with a simulated clock: one plan per second over an hour, 2,000 watched accounts. */
class PollPlannerTest {

    private static final Instant START = Instant.parse("2026-09-19T13:00:00Z");
    private static final int ACCOUNTS = 2_000;

    @Test
    void twoThousandAccounts_keepTheBudgetInEveryMinute_pollTheRiskiestMostOften_andNoneGoesStale() {
        PollPlanner planner = new PollPlanner(PollPlanner.Settings.DEFAULTS, 2, 20);
        Map<Long, RiskLevel> levels = new HashMap<>();
        for (long key = 0; key < ACCOUNTS; key++) {
            levels.put(key, key < 20 ? RiskLevel.CRITICAL : key < 60 ? RiskLevel.DANGER
                    : key < 160 ? RiskLevel.WARNING : RiskLevel.SAFE);
        }
        Map<Long, Instant> lastPolled = new HashMap<>();
        Map<Long, Integer> polls = new HashMap<>();
        Map<Long, Duration> longestGap = new HashMap<>();
        int[] weightPerSecond = new int[3600];
        int marketPolls = 0;

        for (int second = 0; second < 3600; second++) {
            Instant now = START.plusSeconds(second);
            List<PollPlanner.Candidate> candidates = new ArrayList<>();
            levels.forEach((key, level) -> candidates.add(new PollPlanner.Candidate(key, level, lastPolled.get(key))));
            PollPlanner.Plan plan = planner.plan(now, candidates);
            if (plan.market()) {
                marketPolls++;
                weightPerSecond[second] += 20;
            }
            for (long key : plan.accounts()) {
                Instant previous = lastPolled.put(key, now);
                if (previous != null) {
                    longestGap.merge(key, Duration.between(previous, now), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
                polls.merge(key, 1, Integer::sum);
                weightPerSecond[second] += 2;
            }
        }

        for (int end = 0; end < 3600; end++) {
            int window = 0;
            for (int s = Math.max(0, end - 59); s <= end; s++) {
                window += weightPerSecond[s];
            }
            assertThat(window).as("weight in the minute ending at second %d", end)
                    .isLessThanOrEqualTo(960).isLessThanOrEqualTo(1200);
        }
        assertThat(marketPolls).as("the market every 10 s").isEqualTo(360);
        assertThat(polls).as("every account polled").hasSize(ACCOUNTS);
        Duration stalest = longestGap.values().stream().max(Duration::compareTo).orElseThrow();
        assertThat(stalest).as("no account waits longer than maxAge").isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(lastPolled.values()).as("and none is older than that at the end")
                .allSatisfy(last -> assertThat(last).isAfterOrEqualTo(START.plusSeconds(3599 - 600)));
        double critical = average(polls, 0, 20);
        double danger = average(polls, 20, 60);
        double warning = average(polls, 60, 160);
        double safe = average(polls, 160, ACCOUNTS);
        assertThat(critical).as("critical polled most often").isGreaterThan(danger);
        assertThat(danger).isGreaterThan(warning);
        assertThat(warning).isGreaterThan(safe);
        assertThat(critical).as("critical about every 10 s when the budget allows").isGreaterThan(300);
    }

    @Test
    void aFewAccounts_arePolledAtTheirOwnInterval_notMoreOften() {
        PollPlanner planner = new PollPlanner(PollPlanner.Settings.DEFAULTS, 2, 20);
        Instant last = null;
        int polls = 0;
        for (int second = 0; second < 600; second++) {
            Instant now = START.plusSeconds(second);
            PollPlanner.Plan plan = planner.plan(now, List.of(new PollPlanner.Candidate(7, RiskLevel.SAFE, last)));
            if (!plan.accounts().isEmpty()) {
                last = now;
                polls++;
            }
        }
        assertThat(polls).as("a safe account every 3 minutes over 10 minutes").isEqualTo(4);
    }

    @Test
    void aStartWithManyAccounts_isSpreadOut_notOneBurst() {
        PollPlanner planner = new PollPlanner(PollPlanner.Settings.DEFAULTS, 2, 20);
        List<PollPlanner.Candidate> candidates = new ArrayList<>();
        for (long key = 0; key < 500; key++) {
            candidates.add(new PollPlanner.Candidate(key, RiskLevel.SAFE, null));
        }
        assertThat(planner.plan(START, candidates).accounts()).hasSizeLessThanOrEqualTo(7);
        assertThat(planner.fullCycle(ACCOUNTS)).isLessThan(Duration.ofMinutes(5));
    }

    private static double average(Map<Long, Integer> polls, long from, long to) {
        int total = 0;
        for (long key = from; key < to; key++) {
            total += polls.getOrDefault(key, 0);
        }
        return (double) total / (to - from);
    }
}
