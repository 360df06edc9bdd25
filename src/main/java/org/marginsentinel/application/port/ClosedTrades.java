package org.marginsentinel.application.port;

import java.util.List;

/** Read access to closed paper positions. Joins the caller's transaction. */
public interface ClosedTrades {

    /** The user's last {@code limit} closed positions, the latest first. */
    List<ClosedTrade> latest(long userId, int limit);
}
