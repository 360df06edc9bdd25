package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.insight.Shock;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.watch.WatchedPortfolio;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.domain.watch.keyed.KeyedSymbols;

/**
 * {@code /stress}, {@code /compare} and {@code /whatif} for the user's keyed accounts (Binance, Bybit, OKX): the
 * paper account's insight tools run on each real account at the exchange's own marks (its last answer), with that
 * exchange's maintenance ({@link org.marginsentinel.domain.watch.keyed.KeyedValuer#portfolio}), each account on its
 * own. Read-only, from memory: reads no row and changes nothing. Callers show the results in private chats only.
 */
@ApplicationScoped
public class KeyedInsights {

    @Inject
    KeyedBook book;

    @Inject
    WatchBook watchBook;

    @Inject
    KeyedExchanges exchanges;

    @Inject
    MarkPrices marks;

    /** One keyed account, numbered as in {@code /watch}, and what a tool found for it. */
    public record ForAccount<T>(KeyedAccount account, int number, T result) {
    }

    /** Why an order could not be imagined on a keyed account. */
    public enum Refusal {
        /** The account does not hold the symbol and the bot has no fresh mark for it. */
        NO_MARK,
        /** The account holds the symbol in the other margin mode. */
        OTHER_MODE,
        /** The account holds the symbol long and short (hedge mode): one-way netting would not say what happens. */
        BOTH_SIDES
    }

    /**
     * A what-if on one keyed account.
     *
     * @param symbol       the exchange's instrument ("BTCUSDT", "BTC-USDT-SWAP")
     * @param refusal      why the order could not be imagined there (then the figures are null)
     * @param exchangeMark the fill is at the exchange's mark of a held position; false: at the bot's own mark
     * @param resulting    the symbol's position afterwards; null when the order closes it
     */
    public record WhatIf(String symbol, Refusal refusal, boolean exchangeMark, BigDecimal fillPrice,
                         Position resulting, PositionRisk risk, AccountRisk before, AccountRisk after) {

        static WhatIf refused(String symbol, Refusal refusal) {
            return new WhatIf(symbol, refusal, false, null, null, null, null, null);
        }
    }

    /** The shock on each keyed account that holds what it moves; a one-symbol shock moves that symbol only. */
    public List<ForAccount<StressReport>> stress(long userId, Shock shock) {
        List<ForAccount<StressReport>> reports = new ArrayList<>();
        forEachValued(userId, (account, number, portfolio) -> portfolio.stress(shock, KeyedSymbols::sameMarket)
                .ifPresent(report -> reports.add(new ForAccount<>(account, number, report))));
        return reports;
    }

    /** Each keyed account's positions under isolated and under cross, with its exchange's maintenance. */
    public List<ForAccount<ModeComparison>> compare(long userId) {
        List<ForAccount<ModeComparison>> comparisons = new ArrayList<>();
        forEachValued(userId, (account, number, portfolio) ->
                comparisons.add(new ForAccount<>(account, number, portfolio.compareModes())));
        return comparisons;
    }

    /**
     * The order imagined on each keyed account: at the exchange's mark when the account holds the symbol (netted
     * one-way against that position, its mode and leverage unless the order gives them), otherwise at the bot's own
     * mark, 10x isolated as for paper. Nothing placed.
     */
    public List<ForAccount<WhatIf>> whatIf(long userId, OpenOrder order) {
        List<ForAccount<WhatIf>> answers = new ArrayList<>();
        forEachValued(userId, (account, number, portfolio) ->
                answers.add(new ForAccount<>(account, number, imagine(account.exchange(), order, portfolio))));
        return answers;
    }

    private WhatIf imagine(KeyedExchange exchange, OpenOrder order, WatchedPortfolio portfolio) {
        List<PricedPosition> held = portfolio.positions().stream()
                .filter(p -> KeyedSymbols.sameMarket(p.position().symbol(), order.symbol())).toList();
        Optional<PricedPosition> existing = held.stream().findFirst();
        String symbol = existing.map(p -> p.position().symbol())
                .orElse(KeyedSymbols.exchangeSymbol(exchange, order.symbol()));
        if (held.size() > 1) {
            return WhatIf.refused(symbol, Refusal.BOTH_SIDES);
        }
        Optional<BigDecimal> mark = existing.map(PricedPosition::markPrice)
                .or(() -> marks.latest(order.symbol()).map(MarkPrice::price));
        if (mark.isEmpty()) {
            return WhatIf.refused(symbol, Refusal.NO_MARK);
        }
        MarginMode mode = order.marginMode() != null ? order.marginMode()
                : existing.map(p -> p.position().marginMode()).orElse(MarginMode.ISOLATED);
        if (existing.isPresent() && existing.get().position().marginMode() != mode) {
            return WhatIf.refused(symbol, Refusal.OTHER_MODE);
        }
        int leverage = order.leverage() != null ? order.leverage()
                : existing.map(p -> p.position().leverage()).orElse(10);
        ImaginedOrder imagined = ImaginedOrder.on(portfolio, symbol, existing, mark.get(), order, mode, leverage);
        return new WhatIf(symbol, null, existing.isPresent(), imagined.fillPrice(), imagined.resulting(),
                imagined.risk(), imagined.before(), imagined.after());
    }

    private interface AccountVisitor {
        void visit(KeyedAccount account, int number, WatchedPortfolio portfolio);
    }

    /** Every keyed account of the user with an answer its exchange's valuer can recompute, numbered as in /watch. */
    private void forEachValued(long userId, AccountVisitor visitor) {
        for (KeyedAccount account : book.ofUser(userId)) {
            if (account.snapshot() == null || account.snapshot().positions().isEmpty()) {
                continue;
            }
            exchanges.valuer(account.exchange()).flatMap(valuer -> valuer.portfolio(account.snapshot()))
                    .filter(portfolio -> !portfolio.isEmpty())
                    .ifPresent(portfolio -> visitor.visit(account, watchBook.numberOf(account), portfolio));
        }
    }
}
