package org.marginsentinel.application.watch;

import java.util.Map;
import java.util.Set;

/**
 * Coins of watched accounts whose mark was seen at or past the liquidation price since the account's last answer.
 * Kept in the database, not only in memory: a position liquidated just before a restart is still reported as a
 * liquidation (not a close) when the next answer shows it gone, even if the mark has come back by then. Joins the
 * caller's transaction.
 */
public interface LiquidationSightings {

    /** Every sighting, by watched account id. */
    Map<Long, Set<String>> all();

    /** Records that {@code coin} of the account was seen past liquidation (once per coin until forgotten). */
    void seen(long accountId, String coin);

    /** Forgets the account's sightings: a new answer says what became of its positions. */
    void forget(long accountId);
}
