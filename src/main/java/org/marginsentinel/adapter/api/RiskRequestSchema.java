package org.marginsentinel.adapter.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the request of {@code POST /api/v1/risk/evaluate} for OpenAPI; parsing is RiskRequestParser's job. */
@Schema(name = "RiskRequest")
public record RiskRequestSchema(
        @Schema(description = "account wallet in USDT, isolated margins included", required = true) BigDecimal walletBalance,
        @Schema(required = true, maxItems = 500) List<PositionSchema> positions,
        @Schema(description = "optional taker fee rate (0.0005 = Binance's 0.05%): each position's closeFee is "
                + "answered") BigDecimal takerFeeRate) {

    static final String EXAMPLE = """
            { "walletBalance": "10000",
              "positions": [ { "id": "p1", "symbol": "BTCUSDT", "side": "LONG", "quantity": "0.5",
                               "entryPrice": "60000", "markPrice": "58000", "marginMode": "ISOLATED",
                               "leverage": 20, "isolatedMargin": "1500" } ] }""";

    @Schema(name = "RiskPosition")
    public record PositionSchema(@Schema(description = "defaults to p1, p2, … by position") String id,
                                 @Schema(required = true, example = "BTCUSDT") String symbol,
                                 @Schema(required = true, enumeration = {"LONG", "SHORT"}) String side,
                                 @Schema(required = true, description = "base-asset quantity") BigDecimal quantity,
                                 @Schema(required = true) BigDecimal entryPrice,
                                 @Schema(required = true) BigDecimal markPrice,
                                 @Schema(required = true, enumeration = {"ISOLATED", "CROSS"}) String marginMode,
                                 @Schema(description = "1–125, default 10") Integer leverage,
                                 @Schema(description = "isolated only; default entry notional / leverage") BigDecimal isolatedMargin,
                                 @Schema(description = "override: one flat rate for every notional") BigDecimal maintenanceMarginRate,
                                 @Schema(description = "override: maintenance amount with the flat rate") BigDecimal maintenanceAmount,
                                 @Schema(description = "override: a full tier schedule") List<TierSchema> tiers,
                                 @Schema(description = "optional next funding rate (0.0001 = 0.01%; positive: longs "
                                         + "pay): nextFunding and liquidationPriceAfterFunding are answered")
                                 BigDecimal fundingRate) {
    }

    @Schema(name = "RiskTier")
    public record TierSchema(@Schema(required = true) BigDecimal notionalFloor,
                             @Schema(description = "absent for the open-ended last tier") BigDecimal notionalCap,
                             @Schema(required = true) BigDecimal maintenanceMarginRate,
                             BigDecimal maintenanceAmount, Integer maxLeverage) {
    }
}
