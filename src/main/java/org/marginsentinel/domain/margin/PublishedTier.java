package org.marginsentinel.domain.margin;

import java.math.BigDecimal;

/**
 * One row of a venue's published risk table, before the venue's own maintenance formula is applied.
 *
 * @param notionalCap           null for an open-ended last tier
 * @param maintenanceMarginRate as published, or null where the venue derives it (Hyperliquid)
 * @param maintenanceAmount     as published ("cum"), or null where the venue derives it
 */
public record PublishedTier(BigDecimal notionalFloor, BigDecimal notionalCap, int maxLeverage,
                            BigDecimal maintenanceMarginRate, BigDecimal maintenanceAmount) {
}
