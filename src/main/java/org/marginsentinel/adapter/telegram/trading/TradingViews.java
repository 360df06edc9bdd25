package org.marginsentinel.adapter.telegram.trading;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.FundingOutlook;
import org.marginsentinel.application.PracticeTrading;
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

/** Renders accounts and positions as short Telegram HTML in the reader's language. Pure: same input, same text. */
final class TradingViews {

    /** English keeps the month-first funding time it always had ("Dec 5 08:00"); others write their own day. */
    private static final DateTimeFormatter ENGLISH_FUNDING_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TradingViews() {
    }

    static String balance(AccountSnapshot snapshot, Texts texts) {
        Numbers n = texts.numbers();
        AccountRisk risk = snapshot.risk();
        CrossAccountRisk cross = risk.cross();
        BigDecimal unrealized = risk.equity().subtract(risk.walletBalance());
        return texts.get("balance.body", n.usdt(risk.walletBalance()), n.signedMoney(unrealized), n.usdt(risk.equity()),
                n.usdt(risk.marginInUse()), n.usdt(cross.availableBalance()), n.usdt(cross.withdrawable()))
                + negativeCrossWalletNote(cross, texts)
                + staleNote(snapshot, texts);
    }

    /**
     * Said wherever the wallet is shown while the cross wallet is below zero, as Binance's can be (no floor): a cross
     * close realised more loss than it held while other cross positions' profit covers it. Empty otherwise.
     */
    static String negativeCrossWalletNote(CrossAccountRisk cross, Texts texts) {
        if (cross.walletBalance().signum() >= 0) {
            return "";
        }
        Numbers n = texts.numbers();
        return "\n" + texts.get("balance.negativeCrossWallet", n.signedMoney(cross.walletBalance()),
                n.signedMoney(cross.unrealizedPnl()), n.usdt(cross.marginBalance()));
    }

    /**
     * "Fee: 2.50 USDT (taker, from the wallet) · net PnL +97.50 USDT" under a fill that closed something, on a line of
     * its own; empty otherwise (an open's fee is on its {@link #orderLine}).
     */
    static String feeLine(TradeResult result, Texts texts) {
        if (result.closedQuantity().signum() == 0) {
            return "";
        }
        return "\n" + texts.get("order.closeFee", texts.numbers().usdt(result.fee()),
                texts.numbers().signedMoney(result.netPnl()));
    }

    /**
     * The order's size in money: "Notional 8,134.12 USDT · margin 406.71 USDT at 20x · fee 4.07 USDT" for what it
     * opened; "Closed notional 8,300.00 USDT · margin freed 406.71 USDT" for what it closed (the fee and net PnL
     * follow on {@link #feeLine}). Empty for a margin move.
     */
    static String orderLine(TradeResult result, Texts texts) {
        if (result.filledQuantity().signum() == 0 || result.price() == null) {
            return "";
        }
        Numbers n = texts.numbers();
        StringBuilder line = new StringBuilder();
        BigDecimal opened = result.filledQuantity().subtract(result.closedQuantity());
        if (result.closedQuantity().signum() > 0 && result.previous() != null) {
            line.append('\n').append(texts.get("order.closedNotional",
                    n.usdt(result.closedQuantity().multiply(result.price())), n.usdt(marginFreed(result))));
        }
        if (opened.signum() > 0 && result.position() != null) {
            int leverage = result.position().position().leverage();
            BigDecimal notional = opened.multiply(result.price());
            String margin = n.usdt(Decimals.divide(notional, BigDecimal.valueOf(leverage)));
            line.append('\n').append(result.closedQuantity().signum() == 0 // a flip's one fee is on its fee line
                    ? texts.get("order.openedWithFee", n.usdt(notional), margin, String.valueOf(leverage),
                            n.usdt(result.fee()))
                    : texts.get("order.opened", n.usdt(notional), margin, String.valueOf(leverage)));
        }
        return line.toString();
    }

    /**
     * The margin a fill's closed part gave back: its share of an isolated position's margin, or of a cross position's
     * initial margin at entry. Zero when it closed nothing.
     */
    static BigDecimal marginFreed(TradeResult result) {
        if (result.closedQuantity().signum() == 0 || result.previous() == null) {
            return BigDecimal.ZERO;
        }
        Position before = result.previous().position();
        return before.isIsolated()
                ? Decimals.divide(before.isolatedMargin().multiply(result.closedQuantity()), before.quantity())
                : Decimals.divide(result.closedQuantity().multiply(before.entryPrice()), BigDecimal.valueOf(before.leverage()));
    }

    /** " · notional 8,200.00 USDT, margin freed 800.00 USDT, fee 4.10 USDT": a close's fill after its one-line summary. */
    static String closedFigures(TradeResult result, Texts texts) {
        Numbers n = texts.numbers();
        return " · " + texts.get("order.closedFigures", n.usdt(result.closedQuantity().multiply(result.price())),
                n.usdt(marginFreed(result)), n.usdt(result.fee()));
    }

    /** "Fees paid: 12.30 USDT" and "Funding: −1.20 USDT" since the account opened, each on a line of its own. */
    static String paidLines(WalletTotals totals, Texts texts) {
        return "\n" + texts.get("balance.paid", texts.numbers().usdt(totals.feesPaid()),
                texts.numbers().signedMoney(totals.funding()));
    }

    /**
     * "Funding so far −1.20 USDT · next 08:00 UTC at 0.0100%: pays 1.00 USDT, Liq. 45,123.40 after", or empty when
     * nothing has been paid and no funding is announced.
     */
    static String fundingLine(FundingOutlook.View view, String symbol, Texts texts) {
        if (view == null || view.next() == null && view.receivedSoFar().signum() == 0) {
            return "";
        }
        Numbers n = texts.numbers();
        if (view.next() == null) {
            return texts.get("funding.soFar", n.signedMoney(view.receivedSoFar()));
        }
        String rate = decimal(view.next().rate().movePointRight(2).setScale(4, RoundingMode.HALF_EVEN), n);
        String amount = texts.get(view.nextReceived().signum() < 0 ? "funding.pays" : "funding.receives",
                n.usdt(view.nextReceived().abs()));
        String line = texts.get("funding.next", n.signedMoney(view.receivedSoFar()),
                fundingTime(view.next().nextFundingTime(), texts), rate, amount);
        return view.liquidationAfter() == null ? line
                : line + texts.get("funding.liquidationAfter", n.price(symbol, view.liquidationAfter()));
    }

    private static String fundingTime(Instant time, Texts texts) {
        return texts.language() == Language.EN ? ENGLISH_FUNDING_TIME.format(time) : texts.numbers().dayAndTime(time);
    }

    /** A number at its own scale with the language's decimal separator ("0.0100" / "0,0100"). */
    static String decimal(BigDecimal value, Numbers numbers) {
        char separator = numbers.money(BigDecimal.ZERO).charAt(1); // "0.00" or "0,00"
        return value.toPlainString().replace('.', separator);
    }

    /** The note under a trade that made a practice position; empty when it did not. */
    static String practiceNote(PracticeTrading.PracticeReason practiceReason, Texts texts) {
        return practiceReason == null ? "" : "\n" + texts.get("order.practice", practiceReason(practiceReason, texts));
    }

    /** Why the entry makes a practice position (HTML): outside the day's range, or no range to check it against. */
    static String practiceReason(PracticeTrading.PracticeReason reason, Texts texts) {
        Numbers n = texts.numbers();
        return reason.range() == null ? texts.get("order.practice.noRange", escape(reason.symbol()))
                : texts.get("order.practice.outsideRange", n.money(reason.entry()), n.money(reason.range().low()),
                n.money(reason.range().high()));
    }

    /** One position, several lines: what it is, where it stands, how far liquidation is. */
    static String position(StoredPosition stored, PositionRisk risk, Texts texts) {
        Numbers n = texts.numbers();
        Position position = stored.position();
        String symbol = position.symbol();
        StringBuilder text = new StringBuilder()
                .append(texts.get("position.head", position.side().sign() > 0 ? "🟩" : "🟥",
                        String.valueOf(stored.number()), symbol, side(position, texts),
                        n.quantity(symbol, position.quantity()),
                        texts.get("position.mode." + position.marginMode().name()),
                        String.valueOf(position.leverage()))).append('\n')
                .append(texts.get("position.prices", n.price(symbol, position.entryPrice()),
                        n.price(symbol, risk.markPrice()))).append('\n')
                .append(texts.get("position.pnl", n.signedMoney(risk.unrealizedPnl()),
                        n.signedPercent(risk.returnOnEquity()))).append('\n');
        if (position.isIsolated()) {
            text.append(texts.get("position.margin", n.usdt(position.isolatedMargin()))).append('\n');
        }
        text.append(liquidationLine(risk, texts));
        return text.toString();
    }

    /** "LONG" / "ЛОНГ". */
    static String side(Position position, Texts texts) {
        return texts.side(position.side());
    }

    /** "Tiers: Binance brackets of 2024-10-24", one line per distinct source (HTML) of the positions' tiers. */
    static String tierSourceNote(AccountSnapshot snapshot, Function<String, String> sourceOfSymbol, Texts texts) {
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
        symbolsBySource.forEach((source, symbols) -> note.append('\n').append(single
                ? texts.get("position.tiers", source)
                : texts.get("position.tiersOf", escape(String.join(", ", symbols)), source)));
        return note.toString();
    }

    static String liquidationLine(PositionRisk risk, Texts texts) {
        if (risk.liquidationPrice() == null) {
            return texts.get("position.liq.none");
        }
        String price = texts.numbers().price(risk.position().symbol(), risk.liquidationPrice());
        if (risk.liquidatedAtMark()) {
            return texts.get("position.liq.pastMark", price);
        }
        String distance = texts.numbers().percent(risk.distanceToLiquidation());
        return texts.get(risk.position().isIsolated() ? "position.liq.isolated" : "position.liq.cross", price, distance);
    }

    static String verdict(RiskLevel level, Texts texts) {
        return texts.get("risk.verdict." + level.name());
    }

    static RiskLevel level(PositionRisk risk) {
        return RiskThresholds.DEFAULTS.forDistance(risk.distanceToLiquidation());
    }

    static String staleNote(AccountSnapshot snapshot, Texts texts) {
        if (snapshot.symbolsWithoutMark().isEmpty()) {
            return "";
        }
        return "\n" + texts.get("position.noFreshMark",
                escape(String.join(", ", snapshot.symbolsWithoutMark().stream().sorted().toList())));
    }
}
