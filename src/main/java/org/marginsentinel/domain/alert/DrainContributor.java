package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cross position whose PnL fell most while the pool drained: side sign × quantity × (mark now − mark at
 * the pool's high).
 *
 * @param pnlChange negative: the position lost this much since the high
 */
public record DrainContributor(String positionId, String symbol, BigDecimal pnlChange) {

    public DrainContributor {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(pnlChange, "pnlChange");
    }
}
