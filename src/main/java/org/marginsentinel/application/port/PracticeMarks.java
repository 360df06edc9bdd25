package org.marginsentinel.application.port;

import java.util.Collection;
import java.util.Set;

/**
 * Which positions are practice positions (entered at a price the market did not trade in the last 24 hours): kept
 * for learning, left out of rankings. Every call joins the caller's transaction.
 */
public interface PracticeMarks {

    void mark(long userId, long positionId);

    /** The practice positions (open or closed) of these users. */
    Set<Long> practiceIds(Collection<Long> userIds);
}
