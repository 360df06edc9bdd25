package org.marginsentinel.adapter.prices.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.InstrumentSteps.Steps;

/** Which exchange's steps apply, and what stays when a list cannot be read. */
class InstrumentBookTest {

    private static final Steps BINANCE_PEPE = new Steps(new BigDecimal("0.0000001"), BigDecimal.ONE);
    private static final Steps BYBIT_PEPE = new Steps(new BigDecimal("0.0000001"), new BigDecimal("100"));
    private static final Steps BYBIT_DOGE = new Steps(new BigDecimal("0.00001"), BigDecimal.ONE);

    private final InstrumentBook book = new InstrumentBook(List.of("Binance", "Bybit"));

    @Test
    void binancesStepsWin_andBybitFillsInWhatBinanceDoesNotList() {
        book.read("Bybit", () -> Map.of("1000PEPEUSDT", BYBIT_PEPE, "DOGEUSDT", BYBIT_DOGE));
        book.read("Binance", () -> Map.of("1000PEPEUSDT", BINANCE_PEPE));

        assertThat(book.merged()).containsExactlyInAnyOrderEntriesOf(
                Map.of("1000PEPEUSDT", BINANCE_PEPE, "DOGEUSDT", BYBIT_DOGE));
    }

    @Test
    void aListThatCannotBeRead_keepsTheLastOne() {
        book.read("Binance", () -> Map.of("1000PEPEUSDT", BINANCE_PEPE));

        boolean read = book.read("Binance", () -> {
            throw new IllegalStateException("HTTP 451");
        });

        assertThat(read).isFalse();
        assertThat(book.merged()).containsExactly(Map.entry("1000PEPEUSDT", BINANCE_PEPE));
        assertThat(book.read("Binance", () -> Map.of("BTCUSDT", BYBIT_DOGE))).isTrue();
        assertThat(book.merged()).containsOnlyKeys("BTCUSDT"); // a fresh list replaces the old one whole
    }

    @Test
    void binanceUnreachableFromTheStart_leavesBybitsStepsForEverySymbol() {
        book.read("Binance", () -> {
            throw new IllegalStateException("HTTP 451");
        });
        book.read("Bybit", () -> Map.of("1000PEPEUSDT", BYBIT_PEPE));

        assertThat(book.merged()).containsExactly(Map.entry("1000PEPEUSDT", BYBIT_PEPE));
    }

    @Test
    void aFailure_isLoggedAsItsStatusOrItsCause_neverAsAnExceptionName() {
        assertThat(InstrumentBook.reason(new jakarta.ws.rs.WebApplicationException(451))).isEqualTo("HTTP 451");
        assertThat(InstrumentBook.reason(new RuntimeException("wrapper: java.net.UnknownHostException",
                new java.net.UnknownHostException("api.hyperliquid.xyz")))).isEqualTo("api.hyperliquid.xyz");
        assertThat(InstrumentBook.reason(new IllegalStateException())).isEqualTo("no answer");
    }

    @Test
    void allPages_followsTheCursorToTheLastPage() {
        List<String> asked = new ArrayList<>();
        Map<String, Steps> all = InstrumentBook.allPages(cursor -> {
            asked.add(cursor);
            return cursor == null ? new InstrumentLists.BybitPage(Map.of("DOGEUSDT", BYBIT_DOGE), "page2")
                    : new InstrumentLists.BybitPage(Map.of("1000PEPEUSDT", BYBIT_PEPE), "");
        });

        assertThat(asked).containsExactly(null, "page2");
        assertThat(all).containsOnlyKeys("DOGEUSDT", "1000PEPEUSDT");
    }

    @Test
    void allPages_givesUpOnACursorThatNeverEnds() {
        int[] pages = {0};
        assertThatThrownBy(() -> InstrumentBook.allPages(cursor ->
                new InstrumentLists.BybitPage(Map.of(), "next" + pages[0]++)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(pages[0]).isEqualTo(InstrumentBook.MAX_PAGES);
    }
}
