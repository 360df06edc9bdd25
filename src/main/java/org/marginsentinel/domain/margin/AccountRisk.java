package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.List;

/**
 * A whole paper account: its wallet, the cross pool and every position, in the order they were given.
 *
 * @param walletBalance       the account wallet, isolated margins included
 * @param isolatedMargin      Σ isolated wallets
 * @param equity              wallet + every unrealised PnL
 */
public record AccountRisk(BigDecimal walletBalance, BigDecimal isolatedMargin, BigDecimal equity,
                          CrossAccountRisk cross, List<PositionRisk> positions) {

    public AccountRisk {
        positions = List.copyOf(positions);
    }

    /** Margin tied up in positions: isolated wallets plus cross initial margin. */
    public BigDecimal marginInUse() {
        return isolatedMargin.add(cross.initialMargin());
    }
}
