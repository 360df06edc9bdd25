package org.marginsentinel.adapter.telegram.trading;

import static org.marginsentinel.adapter.telegram.format.Html.bold;
import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.FundingOutlook;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.application.WalletTotals;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;

/** Renders accounts and positions as short Telegram HTML. Pure: same input, same text. */
final class TradingViews {

    private static final DateTimeFormatter FUNDING_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TradingViews() {
    }

    static String balance(AccountSnapshot snapshot) {
        AccountRisk risk = snapshot.risk();
        CrossAccountRisk cross = risk.cross();
        BigDecimal unrealized = risk.equity().subtract(risk.walletBalance());
        return bold("💼 Paper account") + "\n"
                + "Wallet: " + Fmt.usdt(risk.walletBalance()) + "\n"
                + "Unrealised PnL: " + Fmt.signedMoney(unrealized) + " USDT\n"
                + "Equity: " + Fmt.usdt(risk.equity()) + "\n"
                + "Margin in use: " + Fmt.usdt(risk.marginInUse()) + "\n"
                + "Available: " + Fmt.usdt(cross.availableBalance()) + "\n"
                + "Withdrawable: " + Fmt.usdt(cross.withdrawable())
                + negativeCrossWalletNote(cross)
                + staleNote(snapshot);
    }

    /**
     * Said wherever the wallet is shown while the cross wallet is below zero, as Binance's can be (no floor): a cross
     * close realised more loss than it held while other cross positions' profit covers it. Empty otherwise.
     */
    static String negativeCrossWalletNote(CrossAccountRisk cross) {
        if (cross.walletBalance().signum() >= 0) {
            return "";
        }
        return "\n⚠️ " + bold("Cross wallet " + Fmt.signedMoney(cross.walletBalance()) + " USDT")
                + ": a close realised more loss than it held. As on Binance the wallet has no floor: your open cross "
                + "profit (" + Fmt.signedMoney(cross.unrealizedPnl()) + " USDT) covers it, margin balance "
                + Fmt.usdt(cross.marginBalance()) + ". Until it is back above 0 nothing can be withdrawn, moved to "
                + "isolated margin or opened; closing the profitable positions or /deposit brings it back.";
    }

    /**
     * "Fee: 2.50 USDT (taker, from the wallet) · net PnL +97.50 USDT" under a fill that closed something, on a line of
     * its own; empty otherwise (an open's fee is on its {@link #orderLine}).
     */
    static String feeLine(TradeResult result) {
        if (result.closedQuantity().signum() == 0) {
            return "";
        }
        return "\nFee: " + Fmt.usdt(result.fee()) + " (taker, from the wallet) · net PnL "
                + Fmt.signedMoney(result.netPnl()) + " USDT";
    }

    /**
     * The order's size in money: "Notional 8,134.12 USDT · margin 406.71 USDT at 20x · fee 4.07 USDT" for what it
     * opened; "Closed notional 8,300.00 USDT · margin freed 406.71 USDT" for what it closed (the fee and net PnL
     * follow on {@link #feeLine}). Empty for a margin move.
     */
    static String orderLine(TradeResult result) {
        if (result.filledQuantity().signum() == 0 || result.price() == null) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        BigDecimal opened = result.filledQuantity().subtract(result.closedQuantity());
        if (result.closedQuantity().signum() > 0 && result.previous() != null) {
            Position before = result.previous().position();
            BigDecimal freed = before.isIsolated()
                    ? Decimals.divide(before.isolatedMargin().multiply(result.closedQuantity()), before.quantity())
                    : Decimals.divide(result.closedQuantity().multiply(before.entryPrice()), BigDecimal.valueOf(before.leverage()));
            line.append("\nClosed notional ").append(Fmt.usdt(result.closedQuantity().multiply(result.price())))
                    .append(" · margin freed ").append(Fmt.usdt(freed));
        }
        if (opened.signum() > 0 && result.position() != null) {
            int leverage = result.position().position().leverage();
            BigDecimal notional = opened.multiply(result.price());
            line.append("\nNotional ").append(Fmt.usdt(notional)).append(" · margin ")
                    .append(Fmt.usdt(Decimals.divide(notional, BigDecimal.valueOf(leverage)))).append(" at ")
                    .append(leverage).append('x');
            if (result.closedQuantity().signum() == 0) { // a flip's one fee is on its fee line
                line.append(" · fee ").append(Fmt.usdt(result.fee())).append(" (taker, from the wallet)");
            }
        }
        return line.toString();
    }

    /** "Fees paid: 12.30 USDT" and "Funding: −1.20 USDT" since the account opened, each on a line of its own. */
    static String paidLines(WalletTotals totals) {
        return "\nFees paid: " + Fmt.usdt(totals.feesPaid())
                + "\nFunding: " + Fmt.signedMoney(totals.funding()) + " USDT (received − paid)";
    }

    /**
     * "Funding so far −1.20 USDT · next 08:00 UTC at 0.0100%: pays 1.00 USDT, Liq. 45,123.40 after", or empty when
     * nothing has been paid and no funding is announced.
     */
    static String fundingLine(FundingOutlook.View view) {
        if (view == null || view.next() == null && view.receivedSoFar().signum() == 0) {
            return "";
        }
        StringBuilder line = new StringBuilder("Funding so far ").append(Fmt.signedMoney(view.receivedSoFar())).append(" USDT");
        if (view.next() != null) {
            line.append(" · next ").append(FUNDING_TIME.format(view.next().nextFundingTime())).append(" UTC at ")
                    .append(view.next().rate().movePointRight(2).setScale(4, RoundingMode.HALF_EVEN).toPlainString())
                    .append("%: ").append(view.nextReceived().signum() < 0 ? "pays " : "receives ")
                    .append(Fmt.usdt(view.nextReceived().abs()));
            if (view.liquidationAfter() != null) {
                line.append(", Liq. ").append(Fmt.price(view.liquidationAfter())).append(" after");
            }
        }
        return line.toString();
    }

    /** The note under a trade that made a practice position; empty when it did not. */
    static String practiceNote(String practiceReason) {
        return practiceReason == null ? "" : "\n🎓 " + bold("Practice position") + ": " + escape(practiceReason)
                + ". Kept for learning, left out of leaderboards.";
    }

    /** One position, several lines: what it is, where it stands, how far liquidation is. */
    static String position(StoredPosition stored, PositionRisk risk) {
        Position position = stored.position();
        String sideIcon = position.side().sign() > 0 ? "🟩" : "🟥";
        StringBuilder text = new StringBuilder()
                .append(sideIcon).append(' ').append(bold("#" + stored.number() + " " + position.symbol()))
                .append(' ').append(position.side().name()).append(' ').append(Fmt.quantity(position.quantity()))
                .append(" · ").append(position.marginMode().label()).append(' ').append(position.leverage()).append("x\n")
                .append("Entry ").append(Fmt.price(position.entryPrice()))
                .append(" · Mark ").append(Fmt.price(risk.markPrice())).append('\n')
                .append("PnL ").append(Fmt.signedMoney(risk.unrealizedPnl())).append(" USDT (ROE ")
                .append(Fmt.signedPercent(risk.returnOnEquity())).append(")\n");
        if (position.isIsolated()) {
            text.append("Margin ").append(Fmt.usdt(position.isolatedMargin())).append('\n');
        }
        text.append(liquidationLine(risk));
        return text.toString();
    }

    /** "Tiers: Binance brackets of 2024-10-24", one line per distinct source of the positions' tiers. */
    static String tierSourceNote(AccountSnapshot snapshot, Function<String, String> sourceOfSymbol) {
        Map<String, List<String>> symbolsBySource = new LinkedHashMap<>();
        for (StoredPosition stored : snapshot.positions()) {
            String symbol = stored.position().symbol();
            List<String> symbols = symbolsBySource.computeIfAbsent(sourceOfSymbol.apply(symbol), s -> new ArrayList<>());
            if (!symbols.contains(symbol)) {
                symbols.add(symbol);
            }
        }
        StringBuilder note = new StringBuilder();
        boolean single = symbolsBySource.size() == 1;
        symbolsBySource.forEach((source, symbols) -> note.append("\nTiers").append(single ? "" : " of " + String.join(", ", symbols))
                .append(": ").append(escape(source)));
        return note.toString();
    }

    static String liquidationLine(PositionRisk risk) {
        if (risk.liquidationPrice() == null) {
            return "Liq. none: no price can liquidate it";
        }
        String line = "Liq. " + Fmt.price(risk.liquidationPrice());
        if (risk.liquidatedAtMark()) {
            return line + " · ⚠️ the mark is past it";
        }
        String suffix = risk.position().isIsolated() ? "" : " (if other marks stay)";
        return line + " · " + Fmt.percent(risk.distanceToLiquidation()) + " away" + suffix;
    }

    static String verdict(RiskLevel level) {
        switch (level) {
            case LIQUIDATED:
                return "⛔ at liquidation";
            case CRITICAL:
                return "🔴 critical: act now";
            case DANGER:
                return "🟠 danger: add margin or reduce";
            case WARNING:
                return "🟡 warning: keep an eye on it";
            default:
                return "🟢 safe";
        }
    }

    static RiskLevel level(PositionRisk risk) {
        return RiskThresholds.DEFAULTS.forDistance(risk.distanceToLiquidation());
    }

    static String staleNote(AccountSnapshot snapshot) {
        if (snapshot.symbolsWithoutMark().isEmpty()) {
            return "";
        }
        return "\n" + escape("ℹ️ No fresh mark for " + String.join(", ", snapshot.symbolsWithoutMark().stream().sorted().toList())
                + ": valued at entry.");
    }
}
