package org.marginsentinel.domain.watch.keyed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A keyed exchange account's futures book as the exchange reported it in one poll.
 *
 * @param time                 the exchange's timestamp of the answer (or the poll time when it gives none)
 * @param walletBalance        the USDT(-margined) wallet balance
 * @param marginBalance        wallet + unrealised PnL (Binance {@code totalMarginBalance}, Bybit {@code
 *                             totalMarginBalance}/{@code totalEquity}, OKX {@code adjEq}/{@code eq})
 * @param maintenanceMargin    the account's total maintenance margin as the exchange reports it; null when absent
 * @param exchangeMarginRatio  the exchange's own account margin ratio in its own convention (Binance and Bybit:
 *                             maintenance / margin balance, liquidation at 100%; OKX {@code mgnRatio}: margin
 *                             balance / maintenance, liquidation at 100%, higher is safer); null when absent
 * @param availableBalance     what may leave the account; null when absent
 * @param positions            open positions (zero-size rows dropped)
 * @param portfolioMargin      the exchange margins the account as a portfolio (Bybit {@code PORTFOLIO_MARGIN}, OKX
 *                             {@code acctLv} 4): maintenance comes from its scenario tables, not a per-position
 *                             formula, so the bot shows the exchange's figures without recomputing them
 */
public record ExchangeAccountSnapshot(Instant time, BigDecimal walletBalance, BigDecimal marginBalance,
                                      BigDecimal maintenanceMargin, BigDecimal exchangeMarginRatio,
                                      BigDecimal availableBalance, List<ExchangePosition> positions,
                                      boolean portfolioMargin) {

    public ExchangeAccountSnapshot {
        Objects.requireNonNull(time, "time");
        positions = List.copyOf(positions);
    }

    /** An account margined position by position (the usual case). */
    public ExchangeAccountSnapshot(Instant time, BigDecimal walletBalance, BigDecimal marginBalance,
                                   BigDecimal maintenanceMargin, BigDecimal exchangeMarginRatio,
                                   BigDecimal availableBalance, List<ExchangePosition> positions) {
        this(time, walletBalance, marginBalance, maintenanceMargin, exchangeMarginRatio, availableBalance, positions,
                false);
    }
}
