package org.marginsentinel.adapter.keyed.bybit;

import static org.marginsentinel.adapter.keyed.LenientJson.decimal;
import static org.marginsentinel.adapter.keyed.LenientJson.positiveOrNull;
import static org.marginsentinel.adapter.keyed.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.jboss.logging.Logger;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;

/** Bybit v5 account payloads ({@code result} objects) turned into the keyed-watching records. Pure. */
final class BybitPayloads {

    /** Permission groups that let a read-write key place orders. */
    private static final Set<String> TRADING_GROUPS = Set.of("ContractTrade", "Spot", "Options", "Derivatives",
            "CopyTrading", "BlockTrade", "Exchange");
    /** Bybit's ADL indicator runs 1 (back of the queue) to 5 (first); 0 means no position. */
    static final int ADL_MAX = 5;
    private static final Logger LOG = Logger.getLogger(BybitPayloads.class);

    /** The account's margin setup, as {@code query-api} and {@code account/info} report it. */
    record Profile(boolean unified, String marginMode) {

        static final String PORTFOLIO = "PORTFOLIO_MARGIN";
        static final String ISOLATED = "ISOLATED_MARGIN";

        boolean portfolioMargin() {
            return unified && PORTFOLIO.equals(marginMode);
        }
    }

    private BybitPayloads() {
    }

    /**
     * {@code GET /v5/user/query-api}: {@code readOnly} 1 is a read-only key (its permission map then lists what it
     * may read). A read-write key can trade when a trading group is granted and move money out when any
     * {@code Wallet} permission is ({@code AccountTransfer}, {@code SubMemberTransfer}, {@code Withdraw}: funds
     * leave the derivatives account either way). Reading positions needs {@code ContractTrade} or
     * {@code Derivatives}. A key bound to IPs does not expire; others carry {@code expiredAt}.
     */
    static KeyPermissions permissions(JsonNode result) {
        boolean readOnly = result.path("readOnly").asInt(0) == 1;
        JsonNode groups = result.path("permissions");
        boolean trade = false;
        boolean readFutures = false;
        for (String group : TRADING_GROUPS) {
            boolean granted = granted(groups, group);
            trade |= granted;
            if (group.equals("ContractTrade") || group.equals("Derivatives")) {
                readFutures |= granted;
            }
        }
        boolean moveFunds = granted(groups, "Wallet");
        boolean ipRestricted = false;
        for (JsonNode ip : result.path("ips")) {
            String address = ip.asText("").strip();
            ipRestricted |= !address.isEmpty() && !address.equals("*");
        }
        return new KeyPermissions(readFutures, !readOnly && trade, !readOnly && moveFunds, ipRestricted,
                instant(text(result, "expiredAt")));
    }

    static boolean unified(JsonNode queryApiResult) {
        return queryApiResult.path("uta").asInt(0) == 1 || queryApiResult.path("unified").asInt(0) == 1;
    }

    /** One row of {@code GET /v5/position/list}; null for an empty or unreadable row (logged). */
    static ExchangePosition position(JsonNode row, Profile profile) {
        String symbol = text(row, "symbol");
        Side side = Side.parse(text(row, "side")).orElse(null);
        BigDecimal size = positiveOrNull(row, "size");
        if (side == null || size == null) {
            return null;
        }
        BigDecimal entry = positiveOrNull(row, "avgPrice");
        if (entry == null) {
            LOG.warnf("Bybit position %s without an entry price skipped", symbol);
            return null;
        }
        MarginMode mode = mode(row, profile);
        BigDecimal leverage = decimal(row, "leverage");
        int wholeLeverage = leverage == null ? 1
                : Math.max(1, Math.min(Position.MAX_LEVERAGE, leverage.setScale(0, RoundingMode.DOWN).intValue()));
        int adl = row.path("adlRankIndicator").asInt(0);
        return new ExchangePosition(symbol, side, size, entry, positiveOrNull(row, "markPrice"), mode, wholeLeverage,
                mode == MarginMode.ISOLATED ? decimal(row, "positionBalance") : null, decimal(row, "unrealisedPnl"),
                positiveOrNull(row, "liqPrice"), decimal(row, "positionMM"), adl > 0 ? adl : null,
                adl > 0 ? ADL_MAX : null);
    }

    /**
     * A unified account sets the margin mode for the whole account ({@code tradeMode} is always 0 there): isolated
     * margin mode makes every position isolated, regular and portfolio margin make them cross. A classic account
     * says per position: {@code tradeMode} 1 isolated, 0 cross.
     */
    static MarginMode mode(JsonNode row, Profile profile) {
        if (profile.unified()) {
            return Profile.ISOLATED.equals(profile.marginMode()) ? MarginMode.ISOLATED : MarginMode.CROSS;
        }
        return row.path("tradeMode").asInt(0) == 1 ? MarginMode.ISOLATED : MarginMode.CROSS;
    }

    /**
     * The account figures of {@code GET /v5/account/wallet-balance}: the unified account's totals (USD, every
     * collateral coin) and {@code accountMMRate}; a classic contract account's USDT coin row where totals are empty.
     */
    record Wallet(BigDecimal walletBalance, BigDecimal marginBalance, BigDecimal maintenanceMargin,
                  BigDecimal marginRatio, BigDecimal available) {
    }

    static Wallet wallet(JsonNode result) {
        JsonNode account = result.path("list").path(0);
        JsonNode usdt = null;
        for (JsonNode coin : account.path("coin")) {
            if ("USDT".equals(text(coin, "coin"))) {
                usdt = coin;
            }
        }
        BigDecimal marginBalance = first(decimal(account, "totalMarginBalance"), decimal(account, "totalEquity"));
        return new Wallet(
                first(decimal(account, "totalWalletBalance"), usdt == null ? null : decimal(usdt, "walletBalance")),
                first(marginBalance, usdt == null ? null : decimal(usdt, "equity")),
                first(decimal(account, "totalMaintenanceMargin"), usdt == null ? null : decimal(usdt, "totalPositionMM")),
                decimal(account, "accountMMRate"),
                first(decimal(account, "totalAvailableBalance"),
                        usdt == null ? null : decimal(usdt, "availableToWithdraw")));
    }

    static Instant time(JsonNode root, Instant fallback) {
        long millis = root.path("time").asLong(0);
        return millis > 0 ? Instant.ofEpochMilli(millis) : fallback;
    }

    private static boolean granted(JsonNode groups, String group) {
        JsonNode permissions = groups.path(group);
        return permissions.isArray() && !permissions.isEmpty();
    }

    private static BigDecimal first(BigDecimal preferred, BigDecimal fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static Instant instant(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
