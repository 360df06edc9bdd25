package org.marginsentinel.application.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Drain episodes of watched cross pools that were reported and have not ended: kept in the database, so a restart
 * measures the pool against the same high and does not warn about the same drain twice. Joins the caller's
 * transaction.
 */
public interface DrainEpisodes {

    /** The pool's high when its drain was reported (moved by cash that came or went since). */
    record Episode(BigDecimal peakBalance, Instant peakAt) {
    }

    /** Every open episode, by subject ({@code hl:<id>:drain}, {@code kx:<id>:drain}). */
    Map<String, Episode> all();

    /** Records (or replaces) the subject's open episode. */
    void save(String subject, Episode episode);

    /** The episode ended (the pool recovered, the account holds no cross position any more, or is unwatched). */
    void end(String subject);
}
