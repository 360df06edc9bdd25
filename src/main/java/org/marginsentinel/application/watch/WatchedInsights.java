package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.port.LotSizes;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.insight.Shock;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.paper.LotSize;
import org.marginsentinel.domain.watch.HyperliquidCoins;
import org.marginsentinel.domain.watch.HyperliquidMarket;
import org.marginsentinel.domain.watch.WatchedPortfolio;

/**
 * {@code /stress}, {@code /compare} and {@code /whatif} for the user's watched Hyperliquid accounts: the same
 * insight tools as for the paper account, run on each real account at the newest Hyperliquid marks with
 * Hyperliquid's rules ({@link WatchedPortfolio}), each account on its own and never mixed with the paper ledger.
 * Read-only, from memory: reads no row and changes nothing. Callers show the results in private chats only.
 */
@ApplicationScoped
public class WatchedInsights {

    @Inject
    WatchBook book;

    /** Hyperliquid's size steps (10^−szDecimals per coin, from its {@code meta}); none known: sizes as given. */
    @Inject
    LotSizes lotSizes = LotSizes.NONE;

    /** One watched account, numbered as in {@code /watch}, and what a tool found for it. */
    public record ForAccount<T>(WatchedAccount account, int number, T result) {
    }

    /**
     * A what-if on one watched account.
     *
     * @param coin      the Hyperliquid coin the order's symbol names
     * @param refused   why the order could not be imagined there (then the rest is null)
     * @param resulting the coin's position afterwards; null when the order closes it
     * @param before    the account before; {@code after} with the order filled at {@code fillPrice}
     */
    public record WhatIf(String coin, Refused refused, BigDecimal fillPrice, Position resulting, PositionRisk risk,
                         AccountRisk before, AccountRisk after) {

        static WhatIf refused(String coin, Refused why) {
            return new WhatIf(coin, why, null, null, null, null, null);
        }
    }

    /** Why a what-if was not imagined on an account. */
    public enum Refusal { NO_MARKET, NO_MARK, OTHER_MODE, LEVERAGE_ABOVE_MAX, OFF_SIZE_STEP, SUM_BELOW_SIZE_STEP }

    /**
     * A refused what-if with what the reason names: the order's symbol (no market) or the coin, the mode the
     * account holds the coin in (other mode), the venue's most leverage (above max), the coin's size step (a typed
     * size with more decimals than Hyperliquid's szDecimals, or a USDT sum too small for one step); the rest null.
     */
    public record Refused(Refusal reason, String subject, MarginMode heldMode, Integer mostLeverage,
                          BigDecimal sizeStep) {

        public Refused(Refusal reason, String subject, MarginMode heldMode, Integer mostLeverage) {
            this(reason, subject, heldMode, mostLeverage, null);
        }
    }

    /** The shock on each watched account that holds what it moves; a one-symbol shock moves that coin only. */
    public List<ForAccount<StressReport>> stress(long userId, Shock shock) {
        List<ForAccount<StressReport>> reports = new ArrayList<>();
        forEachValued(userId, (account, number, portfolio) -> portfolio.stress(shock, HyperliquidCoins::sameMarket)
                .ifPresent(report -> reports.add(new ForAccount<>(account, number, report))));
        return reports;
    }

    /** Each watched account's positions under isolated and under cross, by Hyperliquid's rules. */
    public List<ForAccount<ModeComparison>> compare(long userId) {
        List<ForAccount<ModeComparison>> comparisons = new ArrayList<>();
        forEachValued(userId, (account, number, portfolio) ->
                comparisons.add(new ForAccount<>(account, number, portfolio.compareModes())));
        return comparisons;
    }

    /**
     * The order imagined on each watched account at Hyperliquid's mark, netted one-way against the coin's position
     * there (same mode and leverage when none is given; otherwise 10x isolated as for paper), nothing placed.
     */
    public List<ForAccount<WhatIf>> whatIf(long userId, OpenOrder order) {
        List<ForAccount<WhatIf>> answers = new ArrayList<>();
        HyperliquidMarket market = book.market();
        forEachValued(userId, (account, number, portfolio) ->
                answers.add(new ForAccount<>(account, number, imagine(order, portfolio, market))));
        return answers;
    }

    private WhatIf imagine(OpenOrder order, WatchedPortfolio portfolio, HyperliquidMarket market) {
        Optional<String> listed = market.assets().keySet().stream()
                .filter(c -> HyperliquidCoins.sameMarket(c, order.symbol())).findFirst()
                .or(() -> portfolio.positions().stream().map(p -> p.position().symbol())
                        .filter(c -> HyperliquidCoins.sameMarket(c, order.symbol())).findFirst());
        if (listed.isEmpty()) {
            return WhatIf.refused(null, new Refused(Refusal.NO_MARKET, order.symbol(), null, null));
        }
        String coin = listed.get();
        Optional<PricedPosition> existing = portfolio.position(coin);
        Optional<BigDecimal> mark = market.mark(coin).or(() -> existing.map(PricedPosition::markPrice));
        if (mark.isEmpty()) {
            return WhatIf.refused(coin, new Refused(Refusal.NO_MARK, coin, null, null));
        }
        MarginMode mode = order.marginMode() != null ? order.marginMode()
                : existing.map(p -> p.position().marginMode()).orElse(MarginMode.ISOLATED);
        if (existing.isPresent() && existing.get().position().marginMode() != mode) {
            return WhatIf.refused(coin, new Refused(Refusal.OTHER_MODE, coin,
                    existing.get().position().marginMode(), null));
        }
        int leverage = order.leverage() != null ? order.leverage()
                : existing.map(p -> p.position().leverage()).orElse(10);
        int most = market.asset(coin).map(HyperliquidMarket.Asset::maxLeverage).orElse(Position.MAX_LEVERAGE);
        if (leverage > most) {
            return WhatIf.refused(coin, new Refused(Refusal.LEVERAGE_ABOVE_MAX, coin, null, most));
        }
        Optional<LotSize> lot = lotSizes.of(coin);
        BigDecimal price = order.entryPrice() != null ? order.entryPrice() : mark.get();
        OpenOrder sized = order;
        if (lot.isPresent() && order.quantity() != null && !lot.get().isOnStep(order.quantity())) {
            return WhatIf.refused(coin, new Refused(Refusal.OFF_SIZE_STEP, coin, null, null, lot.get().step()));
        }
        if (lot.isPresent() && order.quantity() == null) { // a USDT sum: rounded down to the step, as paper orders
            BigDecimal coins = lot.get().floor(order.quoteNotional().divide(price, 18, RoundingMode.DOWN));
            if (coins.signum() == 0) {
                return WhatIf.refused(coin, new Refused(Refusal.SUM_BELOW_SIZE_STEP, coin, null, null, lot.get().step()));
            }
            sized = new OpenOrder(order.symbol(), order.side(), coins, null, order.leverage(), order.marginMode(),
                    order.entryPrice());
        }
        ImaginedOrder imagined = ImaginedOrder.on(portfolio, coin, existing, mark.get(), sized, mode, leverage);
        return new WhatIf(coin, null, imagined.fillPrice(), imagined.resulting(), imagined.risk(), imagined.before(),
                imagined.after());
    }

    private interface AccountVisitor {
        void visit(WatchedAccount account, int number, WatchedPortfolio portfolio);
    }

    /** Every watched account of the user with positions the bot can value, numbered as in {@code /watch}. */
    private void forEachValued(long userId, AccountVisitor visitor) {
        for (WatchedAccount account : book.ofUser(userId)) {
            WatchedPortfolio portfolio = WatchedPortfolio.of(book.valuation(account), book.market());
            if (!portfolio.isEmpty()) {
                visitor.visit(account, book.numberOf(account), portfolio);
            }
        }
    }
}
