package org.marginsentinel.adapter.keyed.okx;

import static org.marginsentinel.adapter.keyed.LenientJson.decimal;
import static org.marginsentinel.adapter.keyed.LenientJson.positiveOrNull;
import static org.marginsentinel.adapter.keyed.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;

/** OKX v5 account payloads ({@code data[0]} objects and position rows) turned into the keyed-watching records. Pure. */
final class OkxPayloads {

    /** OKX's ADL indicator runs 1 (weakest) to 5. */
    static final int ADL_MAX = 5;
    /** {@code acctLv} 4: portfolio margin. */
    static final String PORTFOLIO_MARGIN_LEVEL = "4";

    /** The account figures of {@code GET /api/v5/account/balance}. */
    record Balance(Instant time, BigDecimal walletBalance, BigDecimal marginBalance, BigDecimal maintenanceMargin,
                   BigDecimal marginRatio, BigDecimal available) {
    }

    private OkxPayloads() {
    }

    /**
     * {@code GET /api/v5/account/config}: {@code perm} lists "read_only", "trade", "withdraw"; {@code ip} the
     * whitelisted addresses (empty: none). OKX keys carry no expiry date (a key without an IP whitelist is deleted
     * after 14 days unused), so {@code expiresAt} is null.
     */
    static KeyPermissions permissions(JsonNode config) {
        Set<String> perm = Arrays.stream(text(config, "perm").split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        return new KeyPermissions(true, perm.contains("trade"), perm.contains("withdraw"),
                !text(config, "ip").isEmpty(), null);
    }

    /**
     * Multi-currency and portfolio margin accounts report their margin at account level ({@code adjEq},
     * {@code mmr}, {@code mgnRatio}, in USD); a single-currency margin account reports it per currency, so the
     * USDT row of {@code details} ({@code eq}, {@code mmr}, {@code mgnRatio}) is read there.
     */
    static Balance balance(JsonNode account, Instant fallbackTime) {
        JsonNode usdt = null;
        for (JsonNode detail : account.path("details")) {
            if ("USDT".equals(text(detail, "ccy"))) {
                usdt = detail;
            }
        }
        long millis = account.path("uTime").asLong(0);
        Instant time = millis > 0 ? Instant.ofEpochMilli(millis) : fallbackTime;
        BigDecimal accountMaintenance = decimal(account, "mmr");
        boolean accountLevel = decimal(account, "adjEq") != null && accountMaintenance != null;
        if (accountLevel) {
            BigDecimal equity = decimal(account, "adjEq");
            BigDecimal upl = decimal(account, "upl");
            BigDecimal total = decimal(account, "totalEq");
            return new Balance(time, total == null || upl == null ? null : total.subtract(upl), equity,
                    accountMaintenance, decimal(account, "mgnRatio"), decimal(account, "availEq"));
        }
        if (usdt == null) {
            return new Balance(time, null, null, null, null, null);
        }
        return new Balance(time, decimal(usdt, "cashBal"), decimal(usdt, "eq"), decimal(usdt, "mmr"),
                decimal(usdt, "mgnRatio"), decimal(usdt, "availEq"));
    }

    /**
     * One row of {@code GET /api/v5/account/positions}, its size converted from contracts to coins with the
     * instrument's contract value; null for a row that is empty or not a USDT swap.
     */
    static ExchangePosition position(JsonNode row, BigDecimal coinsPerContract) {
        BigDecimal contracts = decimal(row, "pos");
        BigDecimal entry = positiveOrNull(row, "avgPx");
        if (!"SWAP".equals(text(row, "instType")) || coinsPerContract == null || contracts == null
                || contracts.signum() == 0 || entry == null) {
            return null;
        }
        String posSide = text(row, "posSide");
        Side side = switch (posSide) {
            case "long" -> Side.LONG;
            case "short" -> Side.SHORT;
            default -> contracts.signum() > 0 ? Side.LONG : Side.SHORT;
        };
        MarginMode mode = MarginMode.parse(text(row, "mgnMode")).orElse(MarginMode.CROSS);
        BigDecimal leverage = decimal(row, "lever");
        int wholeLeverage = leverage == null ? 1
                : Math.max(1, Math.min(Position.MAX_LEVERAGE, leverage.setScale(0, RoundingMode.DOWN).intValue()));
        int adl = row.path("adl").asInt(0);
        return new ExchangePosition(text(row, "instId"), side, contracts.abs().multiply(coinsPerContract), entry,
                positiveOrNull(row, "markPx"), mode, wholeLeverage,
                mode == MarginMode.ISOLATED ? decimal(row, "margin") : null, decimal(row, "upl"),
                positiveOrNull(row, "liqPx"), decimal(row, "mmr"), adl > 0 ? adl : null, adl > 0 ? ADL_MAX : null);
    }
}
