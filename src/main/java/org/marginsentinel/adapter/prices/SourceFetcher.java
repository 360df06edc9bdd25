package org.marginsentinel.adapter.prices;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Asks one source for its marks when its gate allows, and turns whatever went wrong into the gate's next
 * state, a metric ({@code sentinel.prices.fetch}, {@code sentinel.prices.fetch.failures}) and at most one log
 * line per episode. Timeouts, retries and the circuit breaker run inside the source (its exchange's guard).
 */
final class SourceFetcher {

    private static final Logger LOG = Logger.getLogger(SourceFetcher.class);

    /** A source and the feed's memory of it. */
    record Venue(MarkSource source, SourceGate gate) {

        String name() {
            return source.name();
        }

        String displayName() {
            return source.displayName();
        }
    }

    private final List<Venue> venues;
    private final MeterRegistry registry;
    private final Duration blockedRetry;

    SourceFetcher(List<Venue> venues, MeterRegistry registry, Duration blockedRetry) {
        this.venues = List.copyOf(venues);
        this.registry = registry;
        this.blockedRetry = blockedRetry;
    }

    List<Venue> venues() {
        return venues;
    }

    /** What asking a venue gave: nothing because its gate is closed, nothing because it failed, or marks. */
    record Answer(boolean asked, Optional<SourceSnapshot> snapshot) {

        static final Answer SKIPPED = new Answer(false, Optional.empty());
        static final Answer FAILED = new Answer(true, Optional.empty());
    }

    /** The venue's answer; {@code blind}: no source delivered in this poll, so a closed gate may be probed. */
    Answer fetch(Venue venue, Instant now, boolean blind) {
        SourceGate gate = venue.gate();
        if (!gate.allows(now, blind)) {
            LOG.debugf("Skipping %s until %s", venue.displayName(), gate.closedUntil().orElse(now));
            return Answer.SKIPPED;
        }
        gate.asking(now);
        Timer.Sample sample = Timer.start(registry);
        String outcome = "ok";
        try {
            SourceSnapshot snapshot = venue.source().fetch();
            answered(venue);
            return new Answer(true, Optional.of(snapshot));
        } catch (RegionBlockedException e) {
            outcome = e.reason();
            regionBlocked(venue, e, now);
        } catch (RateLimitedException e) {
            outcome = e.reason();
            Instant until = gate.rateLimited(now, e.retryAfter(), e.retryAt(), e.banned());
            LOG.warnf("%s rate-limits this server (%s); no requests to it before %s.",
                    venue.displayName(), e.getMessage(), until);
        } catch (CircuitBreakerOpenException e) {
            outcome = "circuit-open";
            failed(venue, "circuit breaker open after repeated failures");
        } catch (TimeoutException e) {
            outcome = "timeout";
            failed(venue, "timed out");
        } catch (PriceSourceException e) {
            outcome = e.reason();
            failed(venue, e.getMessage());
        } catch (RuntimeException e) {
            outcome = "error";
            failed(venue, e.toString());
        } finally {
            sample.stop(registry.timer("sentinel.prices.fetch", "source", venue.name(), "outcome", outcome));
            if (!"ok".equals(outcome)) {
                registry.counter("sentinel.prices.fetch.failures", "source", venue.name(), "reason", outcome)
                        .increment();
            }
        }
        return Answer.FAILED;
    }

    private void answered(Venue venue) {
        switch (venue.gate().answered()) {
            case REGION_UNBLOCKED -> LOG.infof("%s answers this server's region again; it serves mark prices again.",
                    venue.displayName());
            case BACK -> LOG.infof("%s mark prices are back.", venue.displayName());
            case NONE -> {
            }
        }
    }

    private void regionBlocked(Venue venue, RegionBlockedException e, Instant now) {
        switch (venue.gate().regionRefused(now)) {
            case UNCONFIRMED -> LOG.infof("%s refused this server's region (HTTP %d); asking again at the next poll "
                    + "before believing it.", venue.displayName(), e.status());
            case CONFIRMED -> {
                boolean othersBlocked = venues.stream().filter(v -> v != venue).allMatch(v -> v.gate().regionBlocked());
                String instead = othersBlocked ? "no other source answers either, so it is probed while there are no marks"
                        : "mark prices come from the other sources";
                LOG.warnf("%s refuses this server's region (HTTP %d, several times in a row); %s. Trying %s again every %s.",
                        venue.displayName(), e.status(), instead, venue.displayName(), human(blockedRetry));
            }
            case STILL_BLOCKED -> LOG.debugf("%s still refuses this server's region (HTTP %d)", venue.displayName(),
                    e.status());
        }
    }

    private void failed(Venue venue, String detail) {
        if (venue.gate().failed()) {
            LOG.warnf("%s mark prices unavailable: %s", venue.displayName(), detail);
        } else {
            LOG.debugf("%s mark prices still unavailable: %s", venue.displayName(), detail);
        }
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
