package org.marginsentinel.adapter.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.watch.KeyedExchanges;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/** Every keyed exchange has a reader and a valuer bean, found by {@code exchange()}. */
@QuarkusTest
class KeyedValuersWiringTest {

    @Inject
    KeyedExchanges exchanges;

    @Test
    void eachExchange_hasItsReaderAndValuer() {
        for (KeyedExchange exchange : KeyedExchange.values()) {
            assertThat(exchanges.reader(exchange)).as("reader of %s", exchange).isPresent();
            assertThat(exchanges.valuer(exchange)).as("valuer of %s", exchange).get()
                    .satisfies(valuer -> assertThat(valuer.exchange()).isEqualTo(exchange));
        }
    }
}
