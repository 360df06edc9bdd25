package org.marginsentinel.adapter.prices.instruments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.port.InstrumentSteps;
import org.marginsentinel.application.port.LotSizes;
import org.marginsentinel.domain.paper.LotSize;

/**
 * The lot sizes of the instrument feed's latest read (the merged lists: Binance first, then Bybit), for paper
 * orders. Replaced whole at each read; an empty read (the feed stopped) forgets them, and sizes are taken as given.
 */
@ApplicationScoped
public class InstrumentLotSizes implements LotSizes {

    private volatile Map<String, LotSize> bySymbol = Map.of();

    void onSteps(@Observes InstrumentSteps steps) {
        Map<String, LotSize> sizes = new HashMap<>();
        steps.bySymbol().forEach((symbol, s) -> {
            if (s.stepSize() != null && s.stepSize().signum() > 0) {
                sizes.put(symbol, new LotSize(s.stepSize(), s.minQuantity(), s.minNotional()));
            }
        });
        bySymbol = Map.copyOf(sizes);
    }

    @Override
    public Optional<LotSize> of(String symbol) {
        return symbol == null ? Optional.empty() : Optional.ofNullable(bySymbol.get(symbol));
    }
}
