package org.marginsentinel.domain.watch.keyed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.marginsentinel.domain.margin.TierSource;

/**
 * Why the bot's liquidation price for a keyed position differs from the exchange's, or why only the exchange's figures
 * are shown: the reasons in the order they are told, each with the figures it names. No words here: the chat words
 * each reason in the reader's language. Pure.
 *
 * @param exchange whose position it is (the reasons name it)
 * @param reasons  at least one
 */
public record KeyedExplanation(KeyedExchange exchange, List<Reason> reasons) {

    public KeyedExplanation {
        Objects.requireNonNull(exchange, "exchange");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an explanation needs a reason");
        }
    }

    /** The reasons' kinds, in order. */
    public List<Kind> kinds() {
        return reasons.stream().map(Reason::kind).toList();
    }

    /** What one reason says; which figures of {@link Reason} it names is said on each. */
    public enum Kind {
        // Where maintenance came from (the first reason when it is an estimate).
        /** The bot valued Bybit's maintenance with listed tiers: {@code source}. */
        BYBIT_TIERS,
        /** Maintenance is Bybit's own figure, its tiers for {@code symbol} unknown. */
        BYBIT_REPORTED_MAINTENANCE,
        /** Estimated: no Bybit tiers for {@code symbol}, no reported maintenance; the strictest tiers known. */
        BYBIT_ESTIMATED,
        /** The bot counts OKX's maintenance with listed tiers ({@code source}) plus the liquidation fee ({@code fee}). */
        OKX_TIERS,
        /** Estimated: no OKX tiers for {@code symbol}; OKX's rate at the mark ({@code rate}) held, plus {@code fee}. */
        OKX_RATE_AT_MARK,
        /** Estimated: no OKX tiers for {@code symbol}, no reported maintenance; the strictest tiers, plus {@code fee}. */
        OKX_ESTIMATED,
        /** The bot does not list {@code symbol}'s Binance brackets and used an estimate. */
        BINANCE_BRACKETS_ESTIMATED,

        // The exchange gives no liquidation price.
        /** Binance says "0": other positions cover it, or multi-assets / portfolio margin. */
        BINANCE_GIVES_NONE,
        /** Bybit gives none for an isolated position; the bot's is Bybit's isolated formula. */
        BYBIT_GIVES_NONE_ISOLATED,
        /** Bybit gives none for a cross position; the bot's is the whole account's, the rest held. */
        BYBIT_GIVES_NONE_CROSS,
        /** OKX gives none for an isolated position; the bot's is where the margin ratio reaches 100%. */
        OKX_GIVES_NONE_ISOLATED,
        /** OKX gives none for a cross position; the bot's is the account's, the rest held. */
        OKX_GIVES_NONE_CROSS,

        // The bot finds no liquidation price.
        /** Binance: the bot finds no liquidating price at Binance's figures; trust Binance's. */
        BINANCE_OWN_HAS_NONE,
        /** The bot finds no price that liquidates it; the exchange's is the one that counts. */
        OWN_HAS_NONE,

        // Both give a price and they differ.
        /** Binance isolated: funding or fees booked since, or a bracket change. */
        BINANCE_ISOLATED_DIFFERS,
        /** Binance cross: other assets, positions or orders valued differently, or a bracket change. */
        BINANCE_CROSS_DIFFERS,
        /** Bybit's price is nearer the mark: a unified account adds an estimated fee to close. */
        BYBIT_FEE_TO_CLOSE,
        /** Bybit cross: every other position, the collateral and open orders held where they are. */
        BYBIT_CROSS_HOLDS_THE_REST,
        /** Bybit: funding or fees booked since also move it; Bybit's price liquidates. */
        BYBIT_FUNDING_AND_FEES,
        /** OKX calls its own price an estimate too; its liquidation fee follows the account's fee tier. */
        OKX_ESTIMATES_TOO,
        /** OKX cross: every other position and the collateral held where they are. */
        OKX_CROSS_HOLDS_THE_REST,
        /** The exchange's price is the one that liquidates. */
        EXCHANGE_LIQUIDATES,

        // Not recomputed.
        /** The exchange's answer lacks the position's mark or its isolated margin. */
        NOT_RECOMPUTED_POSITION,
        /** The cross pool needs every mark and the account's margin balance (Bybit), and one was missing. */
        NOT_RECOMPUTED_POOL_BALANCE,
        /** The cross pool needs every mark and the account's equity (OKX), and one was missing. */
        NOT_RECOMPUTED_POOL_EQUITY,
        /** Portfolio margin: the exchange's scenario tables, its figures shown as they are. */
        PORTFOLIO_MARGIN
    }

    /**
     * One reason and the figures it names; the others are null.
     *
     * @param symbol the exchange's instrument ("BTCUSDT", "BTC-USDT-SWAP")
     * @param source the tiers maintenance was valued with
     * @param rate   a maintenance rate as a share of the notional (0.004 for 0.4%)
     * @param fee    the liquidation fee as a share of the notional
     */
    public record Reason(Kind kind, String symbol, TierSource source, BigDecimal rate, BigDecimal fee) {

        public Reason {
            Objects.requireNonNull(kind, "kind");
        }

        public static Reason of(Kind kind) {
            return new Reason(kind, null, null, null, null);
        }

        public static Reason aboutSymbol(Kind kind, String symbol) {
            return new Reason(kind, Objects.requireNonNull(symbol, "symbol"), null, null, null);
        }
    }
}
