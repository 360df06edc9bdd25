package org.marginsentinel.domain.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.marginsentinel.domain.alert.RiskLevel;

/**
 * Which watched accounts to poll now, within Hyperliquid's per-IP weight budget (1,200 per minute; an account
 * weighs 2, the market 20). Pure: the caller passes the time, polls what the plan says, and asks again (every
 * second or so). Every weight planned is counted as spent, whatever the answer.
 *
 * <p>The budget: of {@code weightPerMinute × (1 − headroom)}, the market poll's share is reserved first
 * (one every {@code marketInterval}), the rest goes to accounts, and no sliding 60-second window ever spends more.
 * Polls are paced: one plan spends at most the accounts' per-second share times the seconds since the last plan,
 * so a start with many accounts is spread out rather than sent in one burst.
 *
 * <p>Who goes first: every account wants a poll after the interval its risk asks for (a CRITICAL account every
 * 10 s, a safe one every 3 minutes). Accounts nearing {@code maxAge} since their last poll go first, oldest first, up
 * to the rate that polls every account once in 90% of {@code maxAge} (so none goes unseen longer than that while the
 * budget can carry them all: see {@link #fullCycle}); then the
 * due rest, riskiest level first and within a level the longest overdue, so when the budget is tight the riskiest
 * keep their interval and the safe ones wait (never past {@code maxAge}).
 */
public final class PollPlanner {

    /** How often an account at each level wants a fresh answer (Hyperliquid's docs suggest no more than every 10 s). */
    public static Duration interval(RiskLevel level) {
        return switch (level) {
            case CRITICAL, LIQUIDATED -> Duration.ofSeconds(10);
            case DANGER -> Duration.ofSeconds(20);
            case WARNING -> Duration.ofSeconds(45);
            case SAFE -> Duration.ofMinutes(3);
        };
    }

    /**
     * @param weightPerMinute Hyperliquid's per-IP budget (1,200)
     * @param headroom        share of it left unused for everything else on the IP (0.2 = use 80%)
     * @param marketInterval  how often {@code metaAndAssetCtxs} is polled
     * @param maxAge          longest any account should go without a poll
     */
    public record Settings(int weightPerMinute, double headroom, Duration marketInterval, Duration maxAge) {

        public static final Settings DEFAULTS = new Settings(1200, 0.2, Duration.ofSeconds(10), Duration.ofMinutes(10));

        public Settings {
            if (weightPerMinute <= 0 || headroom < 0 || headroom >= 1) {
                throw new IllegalArgumentException("weight per minute must be positive and headroom in [0, 1)");
            }
            Objects.requireNonNull(marketInterval, "marketInterval");
            Objects.requireNonNull(maxAge, "maxAge");
        }

        int usable() {
            return (int) Math.floor(weightPerMinute * (1 - headroom));
        }

        int marketReserve(int marketWeight) {
            long pollsPerMinute = (60_000 + marketInterval.toMillis() - 1) / marketInterval.toMillis();
            return (int) (pollsPerMinute * marketWeight);
        }
    }

    /** One watched account: its key, its current worst level, and when it was last polled (null: never). */
    public record Candidate(long key, RiskLevel level, Instant lastPolled) {
    }

    /** What to poll now. */
    public record Plan(boolean market, List<Long> accounts) {
    }

    private record Spend(Instant at, int weight, boolean market) {
    }

    private final Settings settings;
    private final int accountWeight;
    private final int marketWeight;
    private final Deque<Spend> window = new ArrayDeque<>();
    private int windowWeight;
    private Instant lastMarket;
    private Instant lastPlan;

    public PollPlanner(Settings settings, int accountWeight, int marketWeight) {
        this.settings = settings;
        this.accountWeight = accountWeight;
        this.marketWeight = marketWeight;
        if (accountBudget() < accountWeight) {
            throw new IllegalArgumentException("the market poll alone uses the whole budget");
        }
    }

    /** Weight per minute left for accounts after the headroom and the market's reserve. */
    public int accountBudget() {
        return settings.usable() - settings.marketReserve(marketWeight);
    }

    /** How long polling {@code accounts} accounts once each takes at the full account budget. */
    public Duration fullCycle(int accounts) {
        return Duration.ofMillis((long) Math.ceil(accounts * (double) accountWeight / accountBudget() * 60_000));
    }

    /** The weight spent in the 60 seconds up to {@code now}. */
    public int spentInLastMinute(Instant now) {
        expire(now);
        return windowWeight;
    }

    public synchronized Plan plan(Instant now, Collection<Candidate> candidates) {
        expire(now);
        boolean market = lastMarket == null || !now.isBefore(lastMarket.plus(settings.marketInterval()));
        if (market && windowWeight + marketWeight <= settings.usable()) {
            spend(now, marketWeight, true);
            lastMarket = now;
        } else {
            market = false;
        }
        int accountsSpent = windowWeight - marketWeightInWindow();
        int room = (accountBudget() - accountsSpent) / accountWeight;
        long elapsed = lastPlan == null ? 1_000 : Math.min(60_000, Math.max(0, Duration.between(lastPlan, now).toMillis()));
        room = Math.min(room, paced(elapsed));
        lastPlan = now;
        List<Long> chosen = new ArrayList<>();
        if (room > 0) {
            long soonStale = settings.maxAge().toMillis() * 9 / 10;
            int staleQuota = Math.min(room, staleQuota(candidates.size(), elapsed, soonStale));
            candidates.stream()
                    .filter(c -> c.lastPolled() == null || age(c, now) >= soonStale)
                    .sorted(Comparator.comparing(Candidate::lastPolled, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .limit(staleQuota)
                    .forEach(c -> chosen.add(c.key()));
            Set<Long> taken = new HashSet<>(chosen);
            candidates.stream()
                    .filter(c -> !taken.contains(c.key()))
                    .filter(c -> c.lastPolled() == null || !now.isBefore(c.lastPolled().plus(interval(c.level()))))
                    .sorted(Comparator.comparing(Candidate::level, Comparator.reverseOrder())
                            .thenComparing(c -> -overdue(c, now)))
                    .limit(room - chosen.size())
                    .forEach(c -> chosen.add(c.key()));
            chosen.forEach(key -> spend(now, accountWeight, false));
        }
        return new Plan(market, chosen);
    }

    /** At most the accounts' per-second share for the time since the last plan (at least one poll, at most a minute's). */
    private int paced(long elapsedMillis) {
        return (int) Math.max(1, (long) accountBudget() / accountWeight * elapsedMillis / 60_000);
    }

    /**
     * Polls reserved this plan for accounts nearing {@code maxAge}: the rate that polls every account once per
     * {@code soonStale}, so the stale ones go round in order instead of crowding out the risky ones in bursts.
     */
    private static int staleQuota(int accounts, long elapsedMillis, long soonStaleMillis) {
        return (int) Math.max(1, (accounts * elapsedMillis + soonStaleMillis - 1) / soonStaleMillis);
    }

    private static long age(Candidate candidate, Instant now) {
        return Duration.between(candidate.lastPolled(), now).toMillis();
    }

    /** How many of its intervals have passed since its last poll; never-polled accounts count as very overdue. */
    private static double overdue(Candidate candidate, Instant now) {
        if (candidate.lastPolled() == null) {
            return Double.MAX_VALUE;
        }
        return (double) age(candidate, now) / interval(candidate.level()).toMillis();
    }

    private int marketWeightInWindow() {
        return window.stream().filter(Spend::market).mapToInt(Spend::weight).sum();
    }

    private void spend(Instant now, int weight, boolean market) {
        window.addLast(new Spend(now, weight, market));
        windowWeight += weight;
    }

    private void expire(Instant now) {
        Instant cutoff = now.minusSeconds(60);
        while (!window.isEmpty() && !window.peekFirst().at().isAfter(cutoff)) {
            windowWeight -= window.removeFirst().weight();
        }
    }
}
