package org.marginsentinel.adapter.prices;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.marginsentinel.application.port.FundingRate;
import org.marginsentinel.application.port.MarkFreshness;
import org.marginsentinel.application.port.MarkPrice;

/**
 * The last good mark of every symbol and every symbol ever listed. A mark's age counts from the exchange's own
 * timestamp of it ({@link MarkPrice#observedAt()}), so an exchange serving an hour-old answer gives an hour-old,
 * stale mark; a mark at least {@code staleAfter} old is stale and never acted on. Written under the poll lock,
 * read from any thread; the time is passed in.
 */
public final class MarkBook {

    private final Duration staleAfter;
    private final Map<String, MarkPrice> lastGood = new ConcurrentHashMap<>();
    private final Set<String> knownSymbols = ConcurrentHashMap.newKeySet();
    private final Map<String, FundingRate> funding = new ConcurrentHashMap<>();

    public MarkBook(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    /** Keeps {@code mark} unless the book already holds a newer one of its symbol. True when kept. */
    public boolean offer(MarkPrice mark) {
        MarkPrice kept = lastGood.merge(mark.symbol(), mark,
                (old, candidate) -> candidate.observedAt().isBefore(old.observedAt()) ? old : candidate);
        return kept == mark;
    }

    public void know(Collection<String> symbols) {
        knownSymbols.addAll(symbols);
    }

    /** Keeps each symbol's latest funding announcement (the poll's main source's). */
    public void announce(Collection<FundingRate> announcements) {
        announcements.forEach(rate -> funding.put(rate.symbol(), rate));
    }

    public Optional<FundingRate> funding(String symbol) {
        return Optional.ofNullable(symbol == null ? null : funding.get(symbol));
    }

    public Map<String, FundingRate> allFunding() {
        return Map.copyOf(funding);
    }

    public boolean isKnown(String symbol) {
        return symbol != null && knownSymbols.contains(symbol);
    }

    /** The last good mark, fresh or not. */
    public Optional<MarkPrice> last(String symbol) {
        return symbol == null ? Optional.empty() : Optional.ofNullable(lastGood.get(symbol));
    }

    public Optional<MarkPrice> fresh(String symbol, Instant now) {
        return last(symbol).filter(mark -> isFresh(mark.observedAt(), now));
    }

    public Map<String, MarkPrice> fresh(Instant now) {
        Map<String, MarkPrice> fresh = new HashMap<>();
        lastGood.forEach((symbol, mark) -> {
            if (isFresh(mark.observedAt(), now)) {
                fresh.put(symbol, mark);
            }
        });
        return Map.copyOf(fresh);
    }

    public Optional<MarkFreshness> freshness(String symbol, Instant now) {
        return last(symbol).map(mark -> freshnessOf(mark, now));
    }

    public Map<String, MarkFreshness> freshness(Instant now) {
        Map<String, MarkFreshness> result = new HashMap<>();
        lastGood.forEach((symbol, mark) -> result.put(symbol, freshnessOf(mark, now)));
        return Map.copyOf(result);
    }

    /** True while a mark observed (by the exchange) at {@code observedAt} may be acted on. */
    public boolean isFresh(Instant observedAt, Instant now) {
        return Duration.between(observedAt, now).compareTo(staleAfter) < 0;
    }

    public long count(boolean stale, Instant now) {
        return lastGood.values().stream().filter(mark -> isFresh(mark.observedAt(), now) != stale).count();
    }

    public void clear() {
        lastGood.clear();
        knownSymbols.clear();
        funding.clear();
    }

    private MarkFreshness freshnessOf(MarkPrice mark, Instant now) {
        Duration age = Duration.between(mark.observedAt(), now);
        return new MarkFreshness(mark, age.isNegative() ? Duration.ZERO : age, !isFresh(mark.observedAt(), now));
    }
}
