package org.marginsentinel.adapter.prices;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.prices.SourceFetcher.Answer;
import org.marginsentinel.adapter.prices.SourceFetcher.Venue;
import org.marginsentinel.application.port.MarkPrice;

/**
 * One poll's choice of marks, in the order the rules apply:
 * <ol>
 *   <li>The first source that answers (the primary, else the next) gives the marks; when none does, closed
 *       sources are probed ({@link SourceGate}).</li>
 *   <li>A row older than the freshness limit by the exchange's own timestamp is stale: kept only if newer than
 *       what the book has, never acted on.</li>
 *   <li>A held symbol (an open position's) that the answer lacks or has only stale is taken from the next source
 *       that has a fresh mark for it: one exchange omitting a symbol leaves nobody unwatched.</li>
 *   <li>A mark that jumped is judged by {@link JumpFilter}, with the other exchange asked at most once.</li>
 * </ol>
 * Each source is asked at most once per poll. Used under the poll lock.
 */
final class MarkSelection {

    private static final Logger LOG = Logger.getLogger(MarkSelection.class);

    private record Quote(BigDecimal price, Instant observedAt, Venue venue) {
    }

    private final SourceFetcher fetcher;
    private final MarkBook book;
    private final JumpFilter jumps;
    private final MeterRegistry registry;
    private final Set<String> jumpsWarned = new HashSet<>();
    private final Set<String> staleWarned = new HashSet<>();
    /** Held symbols taken from the fallback at the last poll: logged when that changes, not every poll. */
    private Set<String> lastFilled = Set.of();

    MarkSelection(SourceFetcher fetcher, MarkBook book, JumpFilter jumps, MeterRegistry registry) {
        this.fetcher = fetcher;
        this.book = book;
        this.jumps = jumps;
        this.registry = registry;
    }

    void reset() {
        jumps.clear();
        jumpsWarned.clear();
        staleWarned.clear();
        lastFilled = Set.of();
    }

    /** Polls and stores the accepted marks in the book. */
    PollReport poll(Instant now, Set<String> held) {
        Map<Venue, Answer> asked = new LinkedHashMap<>();
        Venue answering = firstAnswering(asked, now, false);
        if (answering == null) {
            answering = firstAnswering(asked, now, true); // blind: probe the closed ones
        }
        if (answering == null) {
            return PollReport.noData(now);
        }
        Venue main = answering;
        SourceSnapshot answer = asked.get(main).snapshot().orElseThrow();
        book.know(answer.symbols());
        book.announce(answer.funding().values());

        Map<String, Quote> quotes = new LinkedHashMap<>();
        Set<String> staleRows = new TreeSet<>();
        answer.marks().forEach((symbol, price) -> {
            Quote quote = new Quote(price, answer.observedAt(symbol, now), main);
            quotes.put(symbol, quote);
            if (!book.isFresh(quote.observedAt(), now)) {
                staleRows.add(symbol);
            }
        });
        warnStale(main, staleRows, now, quotes);
        Set<String> fromFallback = fillHeld(held, quotes, staleRows, asked, main, now);

        Set<String> updated = new TreeSet<>();
        Set<String> ignoredJumps = new TreeSet<>();
        quotes.forEach((symbol, quote) -> {
            if (staleRows.contains(symbol)) {
                book.offer(markOf(symbol, quote)); // shows its true age; never acted on
            } else if (judge(symbol, quote, asked, now)) {
                if (book.offer(markOf(symbol, quote))) {
                    updated.add(symbol);
                }
            } else {
                ignoredJumps.add(symbol);
            }
        });
        count(answer, ignoredJumps);
        return new PollReport(now, Optional.of(answer.source()), updated, ignoredJumps, answer.rejected(),
                fromFallback, staleRows);
    }

    private static MarkPrice markOf(String symbol, Quote quote) {
        return new MarkPrice(symbol, quote.price(), quote.observedAt(), quote.venue().name());
    }

    private Venue firstAnswering(Map<Venue, Answer> asked, Instant now, boolean blind) {
        for (Venue venue : fetcher.venues()) {
            if (ask(venue, asked, now, blind).snapshot().isPresent()) {
                return venue;
            }
        }
        return null;
    }

    /** Asks a venue unless it was asked already in this poll. */
    private Answer ask(Venue venue, Map<Venue, Answer> asked, Instant now, boolean blind) {
        Answer earlier = asked.get(venue);
        if (earlier != null && (earlier.asked() || !blind)) {
            return earlier;
        }
        Answer answer = fetcher.fetch(venue, now, blind);
        asked.put(venue, answer);
        return answer;
    }

    private Set<String> fillHeld(Set<String> held, Map<String, Quote> quotes, Set<String> staleRows,
            Map<Venue, Answer> asked, Venue main, Instant now) {
        Set<String> missing = new TreeSet<>();
        for (String symbol : held) {
            if (!quotes.containsKey(symbol) || staleRows.contains(symbol)) {
                missing.add(symbol);
            }
        }
        Set<String> filled = new TreeSet<>();
        for (Venue venue : fetcher.venues()) {
            if (missing.isEmpty()) {
                break;
            }
            if (venue == main) {
                continue;
            }
            Optional<SourceSnapshot> other = ask(venue, asked, now, false).snapshot();
            if (other.isEmpty()) {
                continue;
            }
            for (String symbol : Set.copyOf(missing)) {
                BigDecimal price = other.get().marks().get(symbol);
                Instant observedAt = other.get().observedAt(symbol, now);
                if (price != null && book.isFresh(observedAt, now)) {
                    quotes.put(symbol, new Quote(price, observedAt, venue));
                    staleRows.remove(symbol);
                    missing.remove(symbol);
                    filled.add(symbol);
                }
            }
            book.know(other.get().symbols());
        }
        if (!filled.equals(lastFilled)) {
            if (!filled.isEmpty()) {
                LOG.infof("%s lacks a fresh mark for held %s; taken from the fallback.", main.displayName(), filled);
            } else if (missing.isEmpty()) {
                LOG.infof("%s has a fresh mark for every held symbol again.", main.displayName());
            }
            lastFilled = Set.copyOf(filled);
        }
        if (!missing.isEmpty()) {
            LOG.debugf("No fresh mark from any source for held %s", missing);
        }
        return filled;
    }

    /** True when the quote may be stored now. */
    private boolean judge(String symbol, Quote quote, Map<Venue, Answer> asked, Instant now) {
        BigDecimal previous = book.last(symbol).map(MarkPrice::price).orElse(null);
        if (!jumps.isJump(previous, quote.price())) {
            jumps.judge(symbol, previous, quote.price(), Optional.empty());
            jumpsWarned.remove(symbol);
            return true;
        }
        Venue other = fetcher.venues().stream().filter(v -> v != quote.venue()).findFirst().orElse(null);
        Optional<BigDecimal> opinion = other == null ? Optional.empty()
                : ask(other, asked, now, false).snapshot()
                        .filter(s -> s.marks().containsKey(symbol) && book.isFresh(s.observedAt(symbol, now), now))
                        .map(s -> s.marks().get(symbol));
        JumpFilter.Verdict verdict = jumps.judge(symbol, previous, quote.price(), opinion);
        String otherName = other == null ? "no other source" : other.displayName();
        if (verdict.accepted()) {
            jumpsWarned.remove(symbol);
            LOG.infof("%s mark jumped from %s to %s on %s; %s.", symbol, previous.toPlainString(),
                    quote.price().toPlainString(), quote.venue().displayName(),
                    verdict == JumpFilter.Verdict.ACCEPT_CONFIRMED_BY_OTHER
                            ? otherName + " confirms it (" + opinion.orElseThrow().toPlainString() + ")"
                            : "the next poll confirms it");
            return true;
        }
        if (jumpsWarned.add(symbol)) {
            String why = verdict == JumpFilter.Verdict.HOLD_CONTRADICTED
                    ? otherName + " says " + opinion.orElseThrow().toPlainString()
                    : otherName + " has no fresh mark for it; waiting for the next poll";
            LOG.warnf("Holding back %s mark %s from %s: a jump from the last good %s and %s.", symbol,
                    quote.price().toPlainString(), quote.venue().displayName(), previous.toPlainString(), why);
        }
        return false;
    }

    private void warnStale(Venue venue, Set<String> staleRows, Instant now, Map<String, Quote> quotes) {
        if (staleRows.isEmpty()) {
            staleWarned.remove(venue.name());
            return;
        }
        if (staleWarned.add(venue.name())) {
            String first = staleRows.iterator().next();
            Duration age = Duration.between(quotes.get(first).observedAt(), now);
            LOG.warnf("%s sent %d marks already stale by its own timestamp (%s: %d s old); they are not acted on. "
                    + "If every mark looks old, check this server's clock.", venue.displayName(), staleRows.size(),
                    first, age.toSeconds());
        }
    }

    private void count(SourceSnapshot answer, Set<String> ignoredJumps) {
        if (!answer.rejected().isEmpty()) {
            registry.counter("sentinel.prices.rows.rejected", "source", answer.source(), "reason", "invalid")
                    .increment(answer.rejected().size());
            LOG.debugf("%s rows rejected from %s: %s", answer.rejected().size(), answer.source(), answer.rejected());
        }
        if (!ignoredJumps.isEmpty()) {
            registry.counter("sentinel.prices.rows.rejected", "source", answer.source(), "reason", "jump")
                    .increment(ignoredJumps.size());
        }
    }
}
