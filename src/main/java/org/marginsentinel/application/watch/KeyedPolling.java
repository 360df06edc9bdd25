package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marginsentinel.application.port.KeyedAccountReader;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.domain.watch.PollPlanner;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * One scheduler step for keyed accounts (call it every second): per exchange, a {@link PollPlanner} (the
 * Hyperliquid watcher's, riskiest first, within the exchange's weight budget) says which accounts fit now; they are
 * read outside any transaction and each outcome goes to the {@link KeyedRecorder}. Paused accounts (key rejected)
 * are never polled again; an exchange that asked us to wait is left alone until then.
 */
@ApplicationScoped
public class KeyedPolling {

    private static final Logger LOG = Logger.getLogger(KeyedPolling.class.getName());

    @Inject
    KeyedBook book;

    @Inject
    KeyedExchanges exchanges;

    @Inject
    KeyedRecorder recorder;

    @Inject
    KeyedSettings settings;

    private final Map<KeyedExchange, PollPlanner> planners = new EnumMap<>(KeyedExchange.class);

    public synchronized void tick(Instant now) {
        for (KeyedExchange exchange : KeyedExchange.values()) {
            List<KeyedAccount> accounts = book.all().stream()
                    .filter(a -> a.exchange() == exchange && !a.isPaused() && book.key(a.id()).isPresent()).toList();
            KeyedAccountReader reader = exchanges.reader(exchange).orElse(null);
            if (accounts.isEmpty() || reader == null || book.quiet(exchange, now)) {
                continue;
            }
            List<PollPlanner.Candidate> candidates = accounts.stream().map(a -> new PollPlanner.Candidate(a.id(),
                    book.level(a.id()), book.lastPolled(a.id()))).toList();
            for (long id : planner(exchange, reader).plan(now, candidates).accounts()) {
                if (book.quiet(exchange, now)) {
                    break;
                }
                try {
                    poll(reader, id, now);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Recording the poll of keyed account " + id + " failed: "
                            + e.getClass().getSimpleName());
                }
            }
        }
    }

    private PollPlanner planner(KeyedExchange exchange, KeyedAccountReader reader) {
        // The planner's "market" slot stands for the reader's own occasional calls (e.g. Binance's server time).
        return planners.computeIfAbsent(exchange, e -> new PollPlanner(new PollPlanner.Settings(
                reader.weightPerMinute(), settings.headroom(), Duration.ofMinutes(1), settings.maxAge()),
                reader.accountWeight(), 1));
    }

    private void poll(KeyedAccountReader reader, long id, Instant now) {
        book.polled(id, now);
        ExchangeAccountSnapshot snapshot;
        try {
            snapshot = reader.account(book.key(id).orElseThrow());
        } catch (KeyedSourceUnavailable e) {
            recorder.failed(id, e, now);
            return;
        }
        recorder.answered(id, snapshot, now);
    }
}
