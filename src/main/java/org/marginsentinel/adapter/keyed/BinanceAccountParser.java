package org.marginsentinel.adapter.keyed;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;

/**
 * Binance's signed answers into the domain's records: {@code /sapi/v1/account/apiRestrictions},
 * {@code /fapi/v3/account} and {@code /fapi/v3/positionRisk}. V3 rows carry no {@code marginType} or {@code leverage}:
 * a row with an isolated wallet is isolated, and the leverage is notional / position initial margin.
 */
final class BinanceAccountParser {

    /** Binance's ADL quantile runs 0-4 (4: first in the queue). */
    static final int ADL_MAX = 4;

    private BinanceAccountParser() {
    }

    static KeyPermissions permissions(String body) {
        JsonNode root = LenientJson.parse(body);
        boolean trade = flag(root, "enableSpotAndMarginTrading") || flag(root, "enableFutures")
                || flag(root, "enableMargin") || flag(root, "enableVanillaOptions")
                || flag(root, "enablePortfolioMarginTrading") || flag(root, "enableFixApiTrade");
        boolean withdraw = flag(root, "enableWithdrawals") || flag(root, "enableInternalTransfer")
                || flag(root, "permitsUniversalTransfer");
        JsonNode expiry = root.get("tradingAuthorityExpirationTime");
        Instant expiresAt = expiry == null || !expiry.canConvertToLong() || expiry.asLong() <= 0 ? null
                : Instant.ofEpochMilli(expiry.asLong());
        return new KeyPermissions(flag(root, "enableReading"), trade, withdraw, flag(root, "ipRestrict"), expiresAt);
    }

    static ExchangeAccountSnapshot snapshot(String accountBody, String positionsBody, Instant polledAt) {
        JsonNode account = LenientJson.parse(accountBody);
        BigDecimal wallet = orZero(LenientJson.decimal(account, "totalWalletBalance"));
        BigDecimal marginBalance = orZero(LenientJson.decimal(account, "totalMarginBalance"));
        BigDecimal maintenance = LenientJson.decimal(account, "totalMaintMargin");
        BigDecimal ratio = maintenance == null || marginBalance.signum() <= 0 ? null
                : maintenance.divide(marginBalance, 8, RoundingMode.HALF_UP);
        List<ExchangePosition> positions = new ArrayList<>();
        for (JsonNode row : LenientJson.parse(positionsBody)) {
            ExchangePosition position = position(row);
            if (position != null) {
                positions.add(position);
            }
        }
        return new ExchangeAccountSnapshot(polledAt, wallet, marginBalance, maintenance, ratio,
                LenientJson.decimal(account, "availableBalance"), positions);
    }

    /** One positionRisk row; null for an empty row (size 0). */
    static ExchangePosition position(JsonNode row) {
        BigDecimal amount = LenientJson.decimal(row, "positionAmt");
        BigDecimal entry = LenientJson.decimal(row, "entryPrice");
        if (amount == null || amount.signum() == 0 || entry == null || entry.signum() <= 0) {
            return null;
        }
        String positionSide = row.path("positionSide").asText("BOTH");
        Side side = positionSide.equals("LONG") ? Side.LONG : positionSide.equals("SHORT") ? Side.SHORT
                : amount.signum() > 0 ? Side.LONG : Side.SHORT;
        BigDecimal isolatedWallet = LenientJson.decimal(row, "isolatedWallet");
        boolean isolated = isolatedWallet != null && isolatedWallet.signum() != 0;
        BigDecimal liquidation = LenientJson.decimal(row, "liquidationPrice");
        JsonNode adl = row.get("adl");
        Integer adlRank = adl == null || !adl.canConvertToInt() ? null : adl.asInt();
        return new ExchangePosition(row.path("symbol").asText(), side, amount.abs(), entry,
                LenientJson.decimal(row, "markPrice"), isolated ? MarginMode.ISOLATED : MarginMode.CROSS,
                leverage(row), isolated ? isolatedWallet : null, LenientJson.decimal(row, "unRealizedProfit"),
                liquidation == null || liquidation.signum() == 0 ? null : liquidation,
                LenientJson.decimal(row, "maintMargin"), adlRank, adlRank == null ? null : ADL_MAX);
    }

    private static int leverage(JsonNode row) {
        BigDecimal notional = LenientJson.decimal(row, "notional");
        BigDecimal initial = LenientJson.decimal(row, "positionInitialMargin");
        if (notional == null || initial == null || initial.signum() <= 0) {
            return 1;
        }
        return Math.max(1, notional.abs().divide(initial, 0, RoundingMode.HALF_UP).intValue());
    }

    private static boolean flag(JsonNode root, String field) {
        return root.path(field).asBoolean(false);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
