package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.OpenBook;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;

/** The start-up loader indexes every book once, in reading order, with the prices solved for that very book. */
class ParallelBookLoaderTest {

    @Test
    void everyBookIsIndexedOnce_inReadingOrder_withItsOwnPrices() {
        // Enough books for many chunks; workers finish out of order (random pauses), the index must not notice.
        List<OpenBook> read = IntStream.rangeClosed(1, 5_000).mapToObj(u -> book(u, 1 + u % 7)).toList();
        List<ParallelBookLoader.Solved> indexed = new ArrayList<>();
        String indexingThread;
        try (ParallelBookLoader loader = new ParallelBookLoader(book -> {
            if (ThreadLocalRandom.current().nextInt(50) == 0) {
                pause();
            }
            return book.positions().stream().mapToDouble(p -> p.userId() * 10.0 + p.number()).toArray();
        }, indexed::add)) {
            read.forEach(loader);
            loader.finish();
        }

        assertThat(indexed).extracting(ParallelBookLoader.Solved::book).containsExactlyElementsOf(read);
        for (ParallelBookLoader.Solved solved : indexed) {
            List<StoredPosition> positions = solved.book().positions();
            assertThat(solved.liquidationPrices()).hasSize(positions.size());
            for (int i = 0; i < positions.size(); i++) {
                assertThat(solved.liquidationPrices()[i])
                        .isEqualTo(positions.get(i).userId() * 10.0 + positions.get(i).number());
            }
        }
    }

    @Test
    void aFailedSolve_failsTheLoad() {
        try (ParallelBookLoader loader = new ParallelBookLoader(book -> {
            throw new ArithmeticException("broken tier table");
        }, solved -> { })) {
            assertThatThrownBy(() -> {
                IntStream.rangeClosed(1, 100).mapToObj(u -> book(u, 3)).forEach(loader);
                loader.finish();
            }).isInstanceOf(IllegalStateException.class).hasRootCauseInstanceOf(ArithmeticException.class);
        }
    }

    private static OpenBook book(long userId, int positions) {
        List<StoredPosition> open = new ArrayList<>();
        for (int number = 1; number <= positions; number++) {
            Position position = Position.isolated(userId + "-" + number, "BTCUSDT", Side.LONG, BigDecimal.ONE,
                    BigDecimal.valueOf(100), 10);
            open.add(new StoredPosition(userId * 100 + number, userId, number, position, Instant.EPOCH));
        }
        return new OpenBook(new PaperAccount(userId, "u" + userId, BigDecimal.valueOf(1000), Instant.EPOCH), open);
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
