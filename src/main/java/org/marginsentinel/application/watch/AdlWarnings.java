package org.marginsentinel.application.watch;

import java.util.Set;

/**
 * Keyed positions whose high ADL rank was told (subjects {@code kx:<id>:<symbol>:<side>:adl}). Kept in the database,
 * not only in memory, so a restart does not warn twice while the rank stays high; deleted with the account. Joins
 * the caller's transaction.
 */
public interface AdlWarnings {

    /** Every subject told and not yet cleared. */
    Set<String> all();

    /** The subject of the account was told (once until cleared). */
    void told(long accountId, String subject);

    /** The rank dropped or the position stopped winning: a later high rank is told again. */
    void cleared(String subject);
}
