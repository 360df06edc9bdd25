package org.marginsentinel.adapter.telegram;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.telegram.store.Confirmations;
import org.marginsentinel.adapter.telegram.store.HandledUpdates;
import org.marginsentinel.adapter.telegram.store.OutboxStore;

/**
 * Keeps the Telegram tables small: handled update ids older than two days (Telegram redelivers
 * for at most 24 h), finished outbox rows older than a week and confirmations a day past expiry.
 */
@ApplicationScoped
public class TelegramHousekeeping {

    private static final Logger LOG = Logger.getLogger(TelegramHousekeeping.class);

    static final Duration HANDLED_UPDATE_RETENTION = Duration.ofDays(2);
    static final Duration OUTBOX_RETENTION = Duration.ofDays(7);
    static final Duration CONFIRMATION_RETENTION = Duration.ofDays(1);

    @Inject
    HandledUpdates handledUpdates;
    @Inject
    OutboxStore outbox;
    @Inject
    Confirmations confirmations;
    @Inject
    Clock clock;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        try {
            pruneNow(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Pruning the Telegram tables failed; trying again in an hour");
        }
    }

    /** Deletes what is older than the retention periods; returns how many rows went. */
    public int pruneNow(Instant now) {
        int updates = handledUpdates.deleteHandledBefore(now.minus(HANDLED_UPDATE_RETENTION));
        int messages = outbox.deleteFinishedBefore(now.minus(OUTBOX_RETENTION));
        int questions = confirmations.deleteExpiredBefore(now.minus(CONFIRMATION_RETENTION));
        if (updates + messages + questions > 0) {
            LOG.debugf("Pruned %d handled update ids, %d outbox rows, %d confirmations", updates, messages, questions);
        }
        return updates + messages + questions;
    }
}
