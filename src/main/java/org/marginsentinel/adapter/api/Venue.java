package org.marginsentinel.adapter.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.marginsentinel.domain.margin.BinanceMarginRules;
import org.marginsentinel.domain.margin.HyperliquidMarginRules;
import org.marginsentinel.domain.margin.MarginRules;

/**
 * Whose rules the risk API values an account by: Binance's (the default, as paper accounts) or Hyperliquid's (as
 * watched Hyperliquid accounts: maintenance 1/(2 × max leverage) per tier of the coin's margin table). Each
 * position in the answer says which.
 */
enum Venue {
    BINANCE("binance", BinanceMarginRules.INSTANCE),
    HYPERLIQUID("hyperliquid", HyperliquidMarginRules.INSTANCE);

    final String label;
    final MarginRules rules;

    Venue(String label, MarginRules rules) {
        this.label = label;
        this.rules = rules;
    }

    /** The request's {@code venue}, Binance when absent. */
    static Venue of(JsonNode body) {
        JsonNode node = body == null || !body.isObject() ? null : body.get("venue");
        if (node == null || node.isNull()) {
            return BINANCE;
        }
        String text = node.isTextual() ? node.asText().strip().toLowerCase(Locale.ROOT) : "";
        for (Venue venue : values()) {
            if (venue.label.equals(text)) {
                return venue;
            }
        }
        throw new InvalidRequest("venue", "must be \"binance\" or \"hyperliquid\"");
    }
}
