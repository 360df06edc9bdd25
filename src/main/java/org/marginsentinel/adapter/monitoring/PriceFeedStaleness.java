package org.marginsentinel.adapter.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.port.MarkFreshness;
import org.marginsentinel.application.port.MarkPriceHealth;

/**
 * How old the price feed's newest mark is, and which symbols held in open positions have no fresh mark.
 * Marks older than {@link MarkPriceHealth#staleAfter()} (by the exchange's own timestamp) are not acted on: once
 * the newest one is that old no warning or liquidation can happen at all, and a held symbol without a fresh
 * mark leaves its positions unwatched.
 */
@ApplicationScoped
public class PriceFeedStaleness {

    @Inject
    MarkPriceHealth feed;
    @Inject
    Clock clock;

    /**
     * What the feed looks like now.
     *
     * @param staleHeldSymbols symbols of open positions (as of the last risk tick) without a fresh mark, sorted
     */
    public record State(Optional<Duration> newestMarkAge, int freshSymbols, int staleSymbols,
                        Optional<Duration> failingFor, Duration staleAfter, List<String> staleHeldSymbols) {

        /** True once there is nothing left to act on: no fresh mark, and the feed has tried and failed long enough. */
        public boolean stale() {
            if (newestMarkAge.isPresent()) {
                return newestMarkAge.get().compareTo(staleAfter) >= 0;
            }
            return failingFor.map(f -> f.compareTo(staleAfter) >= 0).orElse(false);
        }
    }

    public State now() {
        Instant now = clock.instant();
        Map<String, MarkFreshness> marks = feed.freshness();
        Instant newest = null;
        int stale = 0;
        for (MarkFreshness mark : marks.values()) {
            Instant observed = mark.mark().observedAt();
            if (newest == null || observed.isAfter(newest)) {
                newest = observed;
            }
            stale += mark.stale() ? 1 : 0;
        }
        Optional<Duration> age = newest == null ? Optional.empty() : Optional.of(nonNegative(newest, now));
        Optional<Duration> failing = feed.deadSince().map(since -> nonNegative(since, now));
        List<String> staleHeld = feed.heldSymbols().stream()
                .filter(symbol -> marks.get(symbol) == null || marks.get(symbol).stale()).sorted().toList();
        return new State(age, marks.size() - stale, stale, failing, feed.staleAfter(), staleHeld);
    }

    private static Duration nonNegative(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
