package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.List;

/**
 * One exchange's margin rules: how its published tiers turn into maintenance margin, and how much margin may
 * move. A second exchange is a second implementation, not a branch in the engine. Amounts in the quote asset.
 */
public interface MarginRules {

    /** The exchange these rules follow, e.g. "Binance USDⓈ-M". */
    String venue();

    /** The maintenance-margin schedule the exchange derives from its published tiers. */
    TierSchedule schedule(List<PublishedTier> published);

    /** Most that can be taken out of an isolated position's wallet at this mark. */
    MarginAllowance removableIsolatedMargin(Position position, BigDecimal markPrice, TierSchedule schedule);

    /** Most that can be moved from the cross wallet into an isolated position. */
    MarginAllowance addableIsolatedMargin(CrossPool pool);

    /** Most that can leave the account (it comes out of the cross wallet). */
    MarginAllowance withdrawable(CrossPool pool);
}
