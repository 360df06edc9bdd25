package org.marginsentinel.adapter.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;

/** The answer of {@code POST /api/v1/risk/evaluate}: ratios are fractions (0.25 = 25%), amounts in USDT. */
public record RiskResponse(Cross cross, List<PositionResult> positions) {

    private static final int SCALE = 8;

    @Schema(description = "The shared cross-margin pool (the wallet minus isolated margins)")
    public record Cross(BigDecimal walletBalance, BigDecimal unrealizedPnl, BigDecimal marginBalance,
                        BigDecimal maintenanceMargin,
                        @Schema(description = "maintenance margin / margin balance; 1 = liquidation; null when the pool is gone",
                                nullable = true) BigDecimal marginRatio,
                        BigDecimal initialMargin, BigDecimal availableBalance) {
    }

    public record PositionResult(String id, String symbol, String side, String marginMode, BigDecimal notional,
                                 BigDecimal unrealizedPnl, BigDecimal maintenanceMargin,
                                 @Schema(description = "for cross positions, the pool's ratio", nullable = true)
                                 BigDecimal marginRatio,
                                 @Schema(description = "null when no price liquidates the position; for cross, "
                                         + "assumes every other symbol stays at its mark", nullable = true)
                                 BigDecimal liquidationPrice,
                                 @Schema(description = "|mark − liquidation| / mark; negative when already past it",
                                         nullable = true) BigDecimal distanceToLiquidation,
                                 @Schema(description = "where the tiers come from, e.g. \"Binance brackets of "
                                         + "2024-10-24\"; starts with \"estimate\" for a symbol without exchange tiers")
                                 String tierSource,
                                 @Schema(description = "taker fee to close the whole position at the mark; null when "
                                         + "no takerFeeRate was given", nullable = true) BigDecimal closeFee,
                                 @Schema(description = "what the position receives at the next funding (negative: "
                                         + "pays), size × mark × fundingRate; null without a fundingRate",
                                         nullable = true) BigDecimal nextFunding,
                                 @Schema(description = "the liquidation price once that funding is booked (isolated: "
                                         + "to its margin; cross: to the cross wallet)", nullable = true)
                                 BigDecimal liquidationPriceAfterFunding,
                                 @Schema(description = "whose rules valued it: \"binance\" (the default) or "
                                         + "\"hyperliquid\"") String venue) {
    }

    /** What the request's optional fee and funding inputs add to one position's answer. */
    record Extras(BigDecimal closeFee, BigDecimal nextFunding, BigDecimal liquidationPriceAfterFunding) {
        static final Extras NONE = new Extras(null, null, null);
    }

    static RiskResponse from(AccountRisk account, Function<Position, String> tierSource) {
        return from(account, tierSource, position -> Extras.NONE, "binance");
    }

    static RiskResponse from(AccountRisk account, Function<Position, String> tierSource,
                             Function<Position, Extras> extras, String venue) {
        CrossAccountRisk pool = account.cross();
        Cross cross = new Cross(round(pool.walletBalance()), round(pool.unrealizedPnl()), round(pool.marginBalance()),
                round(pool.maintenanceMargin()), round(pool.marginRatio()), round(pool.initialMargin()),
                round(pool.availableBalance()));
        List<PositionResult> positions = account.positions().stream()
                .map(risk -> position(risk, tierSource.apply(risk.position()), extras.apply(risk.position()), venue))
                .toList();
        return new RiskResponse(cross, positions);
    }

    private static PositionResult position(PositionRisk risk, String tierSource, Extras extras, String venue) {
        return new PositionResult(risk.position().id(), risk.position().symbol(), risk.position().side().name(),
                risk.position().marginMode().name(), round(risk.notional()), round(risk.unrealizedPnl()),
                round(risk.maintenanceMargin()), round(risk.marginRatio()), round(risk.liquidationPrice()),
                round(risk.distanceToLiquidation()), tierSource, round(extras.closeFee()), round(extras.nextFunding()),
                round(extras.liquidationPriceAfterFunding()), venue);
    }

    private static BigDecimal round(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
