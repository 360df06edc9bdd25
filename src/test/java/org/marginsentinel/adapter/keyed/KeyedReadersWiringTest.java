package org.marginsentinel.adapter.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.KeyedAccountReader;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/** The watcher finds each keyed exchange's reader through CDI, by {@code exchange()}. */
@QuarkusTest
class KeyedReadersWiringTest {

    @Inject
    @Any
    Instance<KeyedAccountReader> readers;

    @Test
    void bybitAndOkxReaders_areBeans_foundByTheirExchange() {
        assertThat(readers.stream().map(KeyedAccountReader::exchange))
                .contains(KeyedExchange.BYBIT, KeyedExchange.OKX).doesNotHaveDuplicates();
    }
}
