package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What funding settlement must not forget across a restart: the rate announced for each coming funding time of a
 * held symbol, and every payment made, at most one per position and funding time (the store refuses a second).
 * Every call joins the caller's transaction. The money itself moves through {@link PaperAccountStore}.
 */
public interface FundingLedger {

    /** Remembers (or updates) the rate announced for the symbol's funding at {@code fundingTime}, until settled. */
    void announce(String symbol, Instant fundingTime, BigDecimal rate);

    /** Announced funding times at or before {@code now} that are not settled yet, oldest first. */
    List<FundingDue> due(Instant now);

    /** Every holder has been paid or charged: the funding time is done. */
    void settled(String symbol, Instant fundingTime);

    /** Users holding an open position in the symbol opened at or before {@code openedBy}. */
    List<Long> holders(String symbol, Instant openedBy);

    /** True when the position's funding at this time has been booked. */
    boolean paid(long positionId, Instant fundingTime);

    /** Records a booked payment; {@code received} is negative when the position paid. */
    void recordPayment(long userId, long positionId, String symbol, Instant fundingTime, BigDecimal rate,
                       BigDecimal mark, BigDecimal received);

    /** Funding received (negative: paid) so far by each of the user's positions that has had a payment. */
    Map<Long, BigDecimal> receivedByPosition(long userId);
}
