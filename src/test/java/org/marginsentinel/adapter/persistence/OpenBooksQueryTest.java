package org.marginsentinel.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.OpenBook;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;

/**
 * The start-up bulk read hands the risk index exactly what the per-user reads would: every account with open
 * positions, once, with its open positions in number order, values as stored; closed positions and accounts
 * without open positions stay out.
 */
@QuarkusTest
class OpenBooksQueryTest {

    private static final Instant NOW = Instant.parse("2031-03-04T05:06:07.123456Z");

    @Inject
    PaperAccountStore store;

    @Test
    void everyOpenBook_readsAsTheSingleUserQueriesDo() {
        long base = 9_400_000 + System.nanoTime() % 100_000 * 10;
        long trader = base + 1;
        long idle = base + 2;
        long hedger = base + 3;
        QuarkusTransaction.requiringNew().run(() -> {
            store.create(trader, "Trader", new BigDecimal("5000.25"), NOW);
            store.create(idle, "Idle", new BigDecimal("100"), NOW);
            store.create(hedger, "Hedger", new BigDecimal("20000"), NOW);
            store.insert(trader, Position.isolated("", "BTCUSDT", Side.LONG, new BigDecimal("0.015"),
                    new BigDecimal("64000.5"), 20), NOW);
            StoredPosition closed = store.insert(trader, Position.cross("", "ETHUSDT", Side.SHORT, BigDecimal.ONE,
                    new BigDecimal("3000"), 5), NOW);
            store.insert(trader, Position.cross("", "SOLUSDT", Side.SHORT, new BigDecimal("12"),
                    new BigDecimal("150.125"), 10), NOW);
            store.close(closed.userId(), closed.id(), PositionStatus.CLOSED, BigDecimal.TEN, NOW);
            StoredPosition gone = store.insert(idle, Position.isolated("", "BTCUSDT", Side.SHORT, BigDecimal.ONE,
                    new BigDecimal("60000"), 10), NOW);
            store.close(gone.userId(), gone.id(), PositionStatus.LIQUIDATED, new BigDecimal("-6000"), NOW);
            store.insert(hedger, Position.cross("", "BTCUSDT", Side.LONG, BigDecimal.ONE, new BigDecimal("60000"), 10),
                    NOW);
        });

        List<OpenBook> books = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> store.forEachOpenBook(book -> {
            if (book.account().userId() > base && book.account().userId() <= base + 3) {
                books.add(book);
            }
        }));

        assertThat(books).extracting(b -> b.account().userId()).containsExactly(trader, hedger);
        QuarkusTransaction.requiringNew().run(() -> {
            for (OpenBook book : books) {
                long userId = book.account().userId();
                assertThat(book.account()).isEqualTo(store.find(userId).orElseThrow());
                assertThat(book.positions()).isEqualTo(store.openPositions(userId));
            }
        });
        OpenBook traderBook = books.get(0);
        assertThat(traderBook.positions()).extracting(StoredPosition::number).containsExactly(1, 3);
        Position isolated = traderBook.positions().get(0).position();
        assertThat(isolated.quantity()).isEqualByComparingTo("0.015");
        assertThat(isolated.isolatedMargin()).isEqualByComparingTo("48.0003750");
        assertThat(traderBook.positions().get(1).position().isolatedMargin()).isNull();
        assertThat(traderBook.positions().get(0).openedAt()).isEqualTo(NOW);
    }
}
