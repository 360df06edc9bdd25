package org.marginsentinel.adapter.telegram.trading;

import java.util.List;
import org.marginsentinel.adapter.telegram.command.AmbiguousInput;
import org.marginsentinel.adapter.telegram.command.NearMiss;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.domain.market.Symbols;

/** "Did you mean BTC?" for a symbol the exchange does not list that is a near miss of one it prices. */
final class SymbolSuggestions {

    private SymbolSuggestions() {
    }

    /**
     * Asks (with a button per near miss that re-runs the command with it) when {@code symbol}, typed as argument
     * {@code index}, is unknown and close to a symbol with a fresh mark; otherwise returns and the caller goes on.
     */
    static void askIfNearMiss(MarkPrices prices, List<String> args, int index, String symbol, Texts texts) {
        if (prices.isKnownSymbol(symbol) || prices.latest(symbol).isPresent()) {
            return;
        }
        List<String> bases = prices.all().keySet().stream().filter(Symbols::isUsdtSymbol).map(Symbols::base)
                .sorted().toList();
        List<String> near = NearMiss.nearest(Symbols.base(symbol), bases);
        if (near.isEmpty() || near.size() > 3) {
            return;
        }
        String typed = args.get(index);
        String choices = String.join(texts.get("symbol.or"), near);
        throw new AmbiguousInput(texts.get("symbol.didYouMean.question", symbol, choices), typed,
                index, near.stream().map(base -> new AmbiguousInput.Reading(base, base)).toList());
    }
}
