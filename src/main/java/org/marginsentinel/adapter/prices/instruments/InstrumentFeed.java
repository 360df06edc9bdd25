package org.marginsentinel.adapter.prices.instruments;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.marginsentinel.adapter.prices.hyperliquid.HyperliquidInfoClient;
import org.marginsentinel.application.port.InstrumentSteps;
import org.marginsentinel.application.port.InstrumentSteps.Steps;

/**
 * Reads the public instrument lists of the exchanges the bot prices from (Binance's {@code exchangeInfo}, Bybit's
 * {@code instruments-info}, Hyperliquid's {@code meta}) at start and every
 * {@code sentinel.instruments.refresh-interval}, and fires {@link InstrumentSteps} with each symbol's tick and step size.
 *
 * <p>Binance's steps win for a symbol it lists: it is the feed's primary mark source and the exchange whose rules
 * paper trading follows. Bybit's fill in the symbols Binance does not list (and all of them when Binance cannot be
 * reached from this host, as the marks then come from Bybit too). Hyperliquid's coins keep their own names ("BTC",
 * "kPEPE"), as watched Hyperliquid positions are named.
 *
 * <p>Fails soft: an exchange that cannot be read keeps its last list ({@link InstrumentBook}).
 */
@ApplicationScoped
public class InstrumentFeed {

    static final String BINANCE = "Binance";
    static final String BYBIT = "Bybit";
    static final String HYPERLIQUID = "Hyperliquid";
    private static final int BYBIT_PAGE_SIZE = 1000;

    @Inject
    @RestClient
    BinanceExchangeInfoClient binance;

    @Inject
    @RestClient
    BybitInstrumentsClient bybit;

    @Inject
    @RestClient
    HyperliquidInfoClient hyperliquid;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<InstrumentSteps> published;

    /** Off in tests, so that no test's numbers depend on a read it did not ask for; a test calls {@link #refresh()}. */
    @ConfigProperty(name = "sentinel.instruments.enabled", defaultValue = "true")
    boolean enabled;

    private final InstrumentBook book = new InstrumentBook(List.of(BINANCE, BYBIT, HYPERLIQUID));

    /** "every" fires right after start, then at each interval. */
    @Scheduled(every = "${sentinel.instruments.refresh-interval:24h}", identity = "instrument-refresh",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        if (enabled) {
            refresh();
        }
    }

    /** Reads every exchange's list now and publishes the merged steps; returns how many symbols are known. */
    public synchronized int refresh() {
        InstrumentLists lists = new InstrumentLists(mapper);
        book.read(BINANCE, () -> lists.binance(binance.exchangeInfo()));
        book.read(BYBIT, () -> InstrumentBook.allPages(cursor ->
                lists.bybit(bybit.instrumentsInfo("linear", BYBIT_PAGE_SIZE, cursor))));
        book.read(HYPERLIQUID, () -> lists.hyperliquid(hyperliquid.info("{\"type\":\"meta\"}")));
        Map<String, Steps> merged = book.merged();
        if (!merged.isEmpty()) {
            published.fire(new InstrumentSteps(merged));
        }
        return merged.size();
    }

    /** Forgets every list and has the listeners forget them too (the feed stopped). */
    public synchronized void forget() {
        book.clear();
        published.fire(new InstrumentSteps(Map.of()));
    }

    void onStop(@Observes ShutdownEvent event) {
        forget();
    }
}
