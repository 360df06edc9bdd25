package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.marginsentinel.application.port.KeyedAccountReader;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.domain.watch.keyed.KeyedValuer;

/**
 * The readers and valuers installed, found by {@code exchange()} among the beans: an exchange whose reader is not
 * installed is answered clearly instead of watched.
 */
@ApplicationScoped
public class KeyedExchanges {

    @Inject
    Instance<KeyedAccountReader> readers;

    @Inject
    Instance<KeyedValuer> valuers;

    public Optional<KeyedAccountReader> reader(KeyedExchange exchange) {
        return StreamSupport.stream(readers.spliterator(), false).filter(r -> r.exchange() == exchange).findFirst();
    }

    public Optional<KeyedValuer> valuer(KeyedExchange exchange) {
        return StreamSupport.stream(valuers.spliterator(), false).filter(v -> v.exchange() == exchange).findFirst();
    }

    public List<KeyedExchange> installed() {
        return List.of(KeyedExchange.values()).stream().filter(e -> reader(e).isPresent()).toList();
    }
}
