package org.marginsentinel.adapter.prices;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one poll did.
 *
 * @param at           the poll's time
 * @param source       the source whose marks were used; empty when no source delivered
 * @param updated      symbols whose mark was accepted
 * @param ignoredJumps symbols whose new mark jumped too far and was not confirmed by the other source
 * @param rejectedRows rows of the used answer that carried no valid mark
 * @param fromFallback held symbols the primary answer lacked (or had only stale), taken from another source
 * @param staleRows    symbols whose mark was already stale by the exchange's own timestamp
 */
public record PollReport(Instant at, Optional<String> source, Set<String> updated, Set<String> ignoredJumps,
        List<String> rejectedRows, Set<String> fromFallback, Set<String> staleRows) {

    public PollReport {
        updated = Set.copyOf(updated);
        ignoredJumps = Set.copyOf(ignoredJumps);
        rejectedRows = List.copyOf(rejectedRows);
        fromFallback = Set.copyOf(fromFallback);
        staleRows = Set.copyOf(staleRows);
    }

    static PollReport noData(Instant at) {
        return new PollReport(at, Optional.empty(), Set.of(), Set.of(), List.of(), Set.of(), Set.of());
    }

    /** True when some source delivered usable marks. */
    public boolean gotData() {
        return source.isPresent();
    }
}
