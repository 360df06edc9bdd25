package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * Watches the margin balance of cross pools for a drain: a fall of {@link DrainSettings#alertDrop()} or more
 * from the highest balance of the last {@link DrainSettings#windowMinutes()} minutes, even while the margin
 * ratio still looks harmless. Reports it once per episode, and re-arms once the drop is back under
 * {@link DrainSettings#rearmDrop()}.
 *
 * <p>Memory: per account one {@code long[windowMinutes]} of balances in micro-USDT (the last sample of each
 * minute; slots of older minutes are reused), its newest minute and one flag: about 0.5 KB per account with
 * the default hour, so 100,000 accounts take about 60 MB with the map entries. Balances beyond ±9.2 trillion USDT are clamped.
 * Time comes in as a parameter; a sample older than the account's newest minute counts for that newest minute.
 *
 * <p>Deposits, withdrawals and margin moved to isolated positions also move the margin balance: call
 * {@link #shift} with the cash that moved, so the history reads as if it had always been there (a withdrawal of
 * 20% does not read as a drain, a deposit does not hide one). The loss rate is taken over at least
 * {@link #SHORTEST_RATE_MINUTES}, so one sharp minute is not extrapolated into an hourly rate.
 * Not thread-safe: observe from one thread (the risk sweep), or synchronize.
 *
 * @param <K> the account key, e.g. the Telegram user id
 */
public final class DrainMonitor<K> {

    /** Balances are stored as whole micro-USDT. */
    static final int BALANCE_SCALE = 6;

    /** The loss rate is never measured over less than this many minutes. */
    public static final long SHORTEST_RATE_MINUTES = 15;

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);
    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigInteger LOWEST_BALANCE = BigInteger.valueOf(Long.MIN_VALUE + 1);
    private static final BigInteger HIGHEST_BALANCE = BigInteger.valueOf(Long.MAX_VALUE);

    private final DrainSettings settings;
    private final MarkHistory marks;
    private final Map<K, Track> tracks = new HashMap<>();

    /**
     * @param marks the shared mark history used to name the position that drains a pool; its window must
     *              cover the drain window
     */
    public DrainMonitor(DrainSettings settings, MarkHistory marks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.marks = Objects.requireNonNull(marks, "marks");
        if (marks.windowMinutes() < settings.windowMinutes()) {
            throw new IllegalArgumentException("the mark history keeps " + marks.windowMinutes()
                    + " minutes, the drain window needs " + settings.windowMinutes());
        }
    }

    /** Records the pool's margin balance now and reports on the window; see {@link #observe(Object, Instant, BigDecimal, BigDecimal, List)}. */
    public DrainReport observe(K account, Instant now, CrossAccountRisk pool, List<PricedPosition> crossPositions) {
        return observe(account, now, pool.marginBalance(), pool.maintenanceMargin(), crossPositions);
    }

    /**
     * Records the pool's margin balance now and reports on the window.
     *
     * @param crossPositions the pool's positions at their current marks; only read when a drain is reported,
     *                       to name the worst one
     */
    public DrainReport observe(K account, Instant now, BigDecimal marginBalance, BigDecimal maintenanceMargin,
                               List<PricedPosition> crossPositions) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(marginBalance, "marginBalance");
        Objects.requireNonNull(maintenanceMargin, "maintenanceMargin");
        Track track = tracks.computeIfAbsent(account, key -> new Track(settings.windowMinutes()));
        long minute = track.record(MinuteClock.minuteOf(now), micros(marginBalance));

        long peakMinute = track.peakMinute();
        long peak = track.balanceAt(peakMinute);
        long current = track.balanceAt(minute);
        BigDecimal drop = BigDecimal.ZERO;
        BigDecimal lossPerHour = BigDecimal.ZERO;
        Duration timeToLiquidation = null;
        if (peak > 0 && peakMinute < minute && current < peak) {
            BigDecimal loss = usdt(peak).subtract(usdt(current));
            BigDecimal minutes = BigDecimal.valueOf(Math.max(SHORTEST_RATE_MINUTES, minute - peakMinute));
            drop = Decimals.divide(loss, usdt(peak));
            lossPerHour = Decimals.divide(loss.multiply(MINUTES_PER_HOUR), minutes);
            timeToLiquidation = timeToLiquidation(marginBalance.subtract(maintenanceMargin), loss, minutes);
        }
        Instant peakAt = MinuteClock.startOf(peakMinute);

        boolean alert = false;
        if (!track.draining && drop.compareTo(settings.alertDrop()) >= 0) {
            track.draining = true;
            alert = true;
        } else if (track.draining && drop.compareTo(settings.rearmDrop()) <= 0) {
            track.draining = false;
        }
        DrainContributor worst = alert ? worstContributor(crossPositions, peakAt).orElse(null) : null;
        return new DrainReport(alert, drop, usdt(peak), peakAt, marginBalance, lossPerHour, timeToLiquidation, worst);
    }

    /**
     * Picks up a drain episode reported before a restart: the pool's high {@code peakBalance} at {@code peakAt}, the
     * drain already reported. Later samples are measured against that high while it is within the window, and the
     * episode ends (re-arms) as {@link #observe} says, so a restart neither repeats the warning nor forgets the high.
     */
    public void resume(K account, Instant peakAt, BigDecimal peakBalance) {
        Objects.requireNonNull(account, "account");
        Track track = new Track(settings.windowMinutes());
        track.record(MinuteClock.minuteOf(peakAt), micros(peakBalance));
        track.draining = true;
        tracks.put(account, track);
    }

    /** True while a reported drain of the account has not re-armed. */
    public boolean draining(K account) {
        Track track = tracks.get(account);
        return track != null && track.draining;
    }

    /** Drops an account's history: when it holds no cross position any more, or its change cannot be measured. */
    public void forget(K account) {
        tracks.remove(account);
    }

    /**
     * Cash moved into ({@code cash} positive) or out of the pool without any market move: every remembered balance
     * moves by it, so the drop and the rate keep measuring the market alone and the episode goes on.
     */
    public void shift(K account, BigDecimal cash) {
        Track track = tracks.get(account);
        if (track != null && cash.signum() != 0) {
            track.shift(micros(cash));
        }
    }

    /** (margin balance − maintenance) / loss per hour, floored to the second; null when not losing. */
    public static Duration timeAtRate(BigDecimal headroom, BigDecimal lossPerHour) {
        if (lossPerHour.signum() <= 0) {
            return null;
        }
        return timeToLiquidation(headroom, lossPerHour, MINUTES_PER_HOUR);
    }

    public int trackedAccounts() {
        return tracks.size();
    }

    /** How many minutes of {@code account} are retained; never more than the window. */
    int retainedMinutes(K account) {
        Track track = tracks.get(account);
        return track == null ? 0 : track.retained();
    }

    private Optional<DrainContributor> worstContributor(List<PricedPosition> crossPositions, Instant since) {
        DrainContributor worst = null;
        for (PricedPosition priced : crossPositions) {
            Position position = priced.position();
            Optional<BigDecimal> then = marks.markAt(position.symbol(), since);
            if (then.isEmpty()) {
                continue;
            }
            BigDecimal change = position.side().signDecimal().multiply(position.quantity())
                    .multiply(priced.markPrice().subtract(then.get()));
            if (change.signum() < 0 && (worst == null || change.compareTo(worst.pnlChange()) < 0)) {
                worst = new DrainContributor(position.id(), position.symbol(), change);
            }
        }
        return Optional.ofNullable(worst);
    }

    /**
     * headroom / (loss per hour), in seconds: headroom × 60 s × minutes / loss, one division so that round
     * answers stay round. Floored: an estimate of when money runs out should not be optimistic.
     */
    private static Duration timeToLiquidation(BigDecimal headroom, BigDecimal loss, BigDecimal minutes) {
        if (headroom.signum() <= 0) {
            return Duration.ZERO;
        }
        BigDecimal seconds = Decimals.divide(headroom.multiply(SECONDS_PER_MINUTE).multiply(minutes), loss)
                .setScale(0, RoundingMode.FLOOR);
        return Duration.ofSeconds(seconds.min(MAX_SECONDS).longValueExact());
    }

    /** Whole micro-USDT, clamped to the range of a long (Long.MIN_VALUE itself marks an empty slot). */
    private static long micros(BigDecimal usdt) {
        BigInteger units = usdt.setScale(BALANCE_SCALE, RoundingMode.HALF_EVEN).unscaledValue();
        return units.max(LOWEST_BALANCE).min(HIGHEST_BALANCE).longValueExact();
    }

    private static BigDecimal usdt(long micros) {
        return BigDecimal.valueOf(micros, BALANCE_SCALE);
    }

    /** One account: its per-minute balances and whether a drain has been reported and not yet re-armed. */
    private static final class Track {

        private final long[] balances;
        private long latestMinute = Long.MIN_VALUE;
        boolean draining;

        Track(int windowMinutes) {
            balances = new long[windowMinutes];
            Arrays.fill(balances, MinuteClock.EMPTY);
        }

        /** Stores the balance for {@code minute} (or the newest minute, if later) and returns that minute. */
        long record(long minute, long balance) {
            latestMinute = MinuteClock.advance(balances, latestMinute, minute);
            balances[MinuteClock.slot(latestMinute, balances.length)] = balance;
            return latestMinute;
        }

        void shift(long micros) {
            for (int i = 0; i < balances.length; i++) {
                if (balances[i] != MinuteClock.EMPTY) {
                    long shifted = balances[i] + micros;
                    boolean overflow = ((balances[i] ^ shifted) & (micros ^ shifted)) < 0;
                    balances[i] = overflow ? (micros > 0 ? Long.MAX_VALUE : Long.MIN_VALUE + 1)
                            : Math.max(Long.MIN_VALUE + 1, shifted);
                }
            }
        }

        long balanceAt(long minute) {
            return balances[MinuteClock.slot(minute, balances.length)];
        }

        /** The minute of the highest balance in the window; the latest such minute on a tie. */
        long peakMinute() {
            long best = latestMinute;
            long bestBalance = balanceAt(latestMinute);
            for (long minute = latestMinute - 1; minute > latestMinute - balances.length; minute--) {
                long balance = balanceAt(minute);
                if (balance != MinuteClock.EMPTY && balance > bestBalance) {
                    best = minute;
                    bestBalance = balance;
                }
            }
            return best;
        }

        int retained() {
            int count = 0;
            for (long balance : balances) {
                count += balance == MinuteClock.EMPTY ? 0 : 1;
            }
            return count;
        }
    }
}
