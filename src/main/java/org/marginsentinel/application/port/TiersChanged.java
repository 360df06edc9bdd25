package org.marginsentinel.application.port;

import java.util.Set;

/**
 * The maintenance-margin tiers of these symbols were replaced at run time (a bracket refresh from the exchange).
 * Whatever was solved from the old tiers (the risk index's liquidation curves and prices) must be solved again.
 */
public record TiersChanged(Set<String> symbols) {

    public TiersChanged {
        symbols = Set.copyOf(symbols);
    }
}
