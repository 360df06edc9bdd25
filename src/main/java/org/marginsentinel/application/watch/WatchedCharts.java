package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.insight.ChartBackfill;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.market.Symbols;
import org.marginsentinel.domain.watch.HyperliquidCoins;
import org.marginsentinel.domain.watch.SecondOpinion;
import org.marginsentinel.domain.watch.WatchedPosition;
import org.marginsentinel.domain.watch.WatchedValuation;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;

/**
 * {@code /chart watch <n> <coin>}: a watched position's mark history with its entry and both liquidation prices, the
 * exchange's and the bot's own. The account is found by its number in the user's own {@code /watch} list, so no other
 * user's account can be named. The history is the bot's samples of the USDT perpetual of the same name completed with
 * the price feed's mark candles ({@link ChartBackfill#marksUntilNow}); the last point is the watched exchange's mark.
 */
@ApplicationScoped
public class WatchedCharts {

    @Inject
    WatchBook book;

    @Inject
    KeyedWarnings keyed;

    @Inject
    ChartBackfill backfill;

    /**
     * What the chart draws.
     *
     * @param venue        "Hyperliquid", "Binance" …
     * @param coin         the position's coin or symbol as the exchange names it
     * @param feedSymbol   the price feed's symbol whose history is drawn
     * @param opinion      the exchange's and the bot's liquidation prices
     * @param distance     the bot's distance to liquidation at the mark; null without a price
     */
    public record WatchedChart(int number, String venue, String account, String coin, Side side, MarginMode mode,
                               int leverage, BigDecimal entry, BigDecimal mark, SecondOpinion opinion,
                               BigDecimal distance, String feedSymbol, List<MarkSample> marks, Duration window) {
    }

    public WatchedChart chart(long userId, int number, String coinText, Duration window) {
        List<Watched> mine = book.entries(userId);
        if (mine.isEmpty()) {
            throw CommandRejected.text("chart.watched.noneWatched.refused");
        }
        if (number < 1 || number > mine.size()) {
            throw CommandRejected.text("chart.watched.noAccount.refused", String.valueOf(number));
        }
        Watched watched = mine.get(number - 1);
        return watched instanceof WatchedAccount account ? hyperliquid(account, number, coinText, window)
                : keyed((KeyedAccount) watched, number, coinText, window);
    }

    private WatchedChart hyperliquid(WatchedAccount account, int number, String coinText, Duration window) {
        WatchedValuation valuation = book.valuation(account);
        List<String> held = new ArrayList<>();
        for (WatchedValuation.Valued valued : valuation.positions()) {
            WatchedPosition p = valued.reported();
            held.add(p.coin());
            if (!names(p.coin(), coinText)) {
                continue;
            }
            String feed = HyperliquidCoins.usdtSymbol(p.coin()).orElseThrow(() ->
                    CommandRejected.text("chart.watched.noHistory.refused", p.coin()));
            BigDecimal mark = valued.risk() != null ? valued.risk().markPrice() : p.reportedMark();
            BigDecimal distance = valued.risk() == null ? null : valued.risk().distanceToLiquidation();
            return new WatchedChart(number, "Hyperliquid", account.address().shortForm(), p.coin(), p.side(), p.mode(),
                    p.leverage(), p.entryPrice(), mark, valued.opinion(), distance, feed,
                    backfill.marksUntilNow(feed, window, mark), window);
        }
        throw noPosition(number, coinText, held);
    }

    private WatchedChart keyed(KeyedAccount account, int number, String coinText, Duration window) {
        Optional<KeyedValuation> valuation = keyed.valuation(account);
        List<String> held = new ArrayList<>();
        for (KeyedValuation.Valued valued : valuation.map(KeyedValuation::positions).orElse(List.of())) {
            String symbol = valued.reported().symbol();
            held.add(symbol);
            String feed = Symbols.normalize(symbol.replace("-SWAP", "")).orElse(symbol);
            if (!names(feed, coinText) && !symbol.equalsIgnoreCase(coinText)) {
                continue;
            }
            BigDecimal mark = valued.risk() != null ? valued.risk().markPrice() : valued.reported().markPrice();
            if (mark == null) {
                throw CommandRejected.text("chart.watched.noHistory.refused", symbol);
            }
            BigDecimal distance = valued.risk() == null ? null : valued.risk().distanceToLiquidation();
            return new WatchedChart(number, account.exchange().displayName(), account.maskedKeyId(), symbol,
                    valued.reported().side(), valued.reported().mode(), valued.reported().leverage(),
                    valued.reported().entryPrice(), mark, valued.opinion(), distance, feed,
                    backfill.marksUntilNow(feed, window, mark), window);
        }
        throw noPosition(number, coinText, held);
    }

    /** The user's word names this coin: the same letters, or the same USDT market ("btc", "BTCUSDT", "kpepe"). */
    private static boolean names(String coin, String typed) {
        if (coin.equalsIgnoreCase(typed)) {
            return true;
        }
        Optional<String> symbol = Symbols.normalize(typed);
        return symbol.isPresent() && (HyperliquidCoins.sameMarket(coin, symbol.get())
                || coin.toUpperCase(Locale.ROOT).equals(symbol.get()));
    }

    private static CommandRejected noPosition(int number, String coinText, List<String> held) {
        return held.isEmpty() ? CommandRejected.text("chart.watched.noPositions.refused", String.valueOf(number))
                : CommandRejected.text("chart.watched.noPosition.refused", String.valueOf(number), coinText,
                        String.join(", ", held));
    }
}
