package org.marginsentinel.application.watch;

import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.port.KeyedAccountReader;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.domain.watch.keyed.KeyedValuer;

/** The exchanges as the plain keyed tests need them: no reader (each test hands the answers in), these valuers. */
final class ValuersOnly {

    private ValuersOnly() {
    }

    static KeyedExchanges of(KeyedValuer... valuers) {
        List<KeyedValuer> installed = List.of(valuers);
        return new KeyedExchanges() {
            @Override
            public Optional<KeyedAccountReader> reader(KeyedExchange exchange) {
                return Optional.empty();
            }

            @Override
            public Optional<KeyedValuer> valuer(KeyedExchange exchange) {
                return installed.stream().filter(v -> v.exchange() == exchange).findFirst();
            }
        };
    }
}
