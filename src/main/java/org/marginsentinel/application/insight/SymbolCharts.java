package org.marginsentinel.application.insight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.domain.market.Symbols;

/**
 * {@code /chart BTC} for a symbol the user holds no position in: the symbol's mark over the window, from the bot's
 * samples completed with the exchange's candles, and the current mark last.
 */
@ApplicationScoped
public class SymbolCharts {

    @Inject
    PaperTrading trading;

    @Inject
    MarkPrices prices;

    @Inject
    ChartBackfill backfill;

    /** What /chart draws for a symbol alone. */
    public record SymbolChart(String symbol, MarkPrice mark, List<MarkSample> marks, Duration window) {
    }

    /**
     * The chart of the symbol {@code reference} names, when it is a symbol the price feed knows, has a fresh mark,
     * and the user holds no position in (a held symbol is charted as the position, with its entry and liquidation).
     */
    public Optional<SymbolChart> ofUnheldSymbol(long userId, String reference, Duration window) {
        Optional<String> symbol = Symbols.normalize(reference.startsWith("#") ? "" : reference)
                .filter(prices::isKnownSymbol)
                .filter(s -> trading.snapshot(userId).bySymbol(s).isEmpty());
        if (symbol.isEmpty()) {
            return Optional.empty();
        }
        Optional<MarkPrice> mark = prices.latest(symbol.get());
        if (mark.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SymbolChart(symbol.get(), mark.get(),
                backfill.marksUntilNow(symbol.get(), window, mark.get().price()), window));
    }
}
