package org.marginsentinel.domain.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.domain.margin.MarginMode;

/**
 * One {@code clearinghouseState} answer: the account's perp positions and its margin summaries.
 *
 * @param time                    the exchange's timestamp of the answer
 * @param accountValue            {@code marginSummary.accountValue}: cross equity plus every isolated margin
 * @param crossAccountValue       {@code crossMarginSummary.accountValue}: the cross pool's equity
 * @param crossMaintenanceMargin  {@code crossMaintenanceMarginUsed}
 * @param withdrawable            what may leave the account
 */
public record WatchedAccountState(Instant time, BigDecimal accountValue, BigDecimal crossAccountValue,
                                  BigDecimal crossMaintenanceMargin, BigDecimal withdrawable,
                                  List<WatchedPosition> positions) {

    public WatchedAccountState {
        positions = List.copyOf(positions);
    }

    public Optional<WatchedPosition> position(String coin) {
        return positions.stream().filter(p -> p.coin().equals(coin)).findFirst();
    }

    /**
     * Signs of unified (or portfolio) margin, where Hyperliquid keeps the collateral in the spot balance and says
     * the perp account's own figures are not meaningful: cross positions open while the perp cross pool shows no
     * equity to back them. A heuristic: Hyperliquid's answer carries no flag for it.
     */
    public boolean looksUnified() {
        boolean holdsCross = positions.stream().anyMatch(p -> p.mode() == MarginMode.CROSS);
        return holdsCross && crossAccountValue.signum() <= 0;
    }
}
