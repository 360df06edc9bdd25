package org.marginsentinel.adapter.telegram.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.telegram.store.ChatDirectory;

/**
 * Every Telegram meter in one place (Prometheus names in brackets):
 * <ul>
 *   <li>{@code sentinel.telegram.messages.queued{kind}} [sentinel_telegram_messages_queued_total]: outbox rows
 *       committed, by kind: {@code critical} (imminent liquidation, liquidated), {@code warning}, {@code reply}
 *       (answers and button edits), {@code other};</li>
 *   <li>{@code sentinel.telegram.messages.sent{kind}} [sentinel_telegram_messages_sent_total]: rows Telegram
 *       accepted (a merged message counts each row);</li>
 *   <li>{@code sentinel.telegram.messages.undelivered{kind,reason}} [sentinel_telegram_messages_undelivered_total]:
 *       rows that will never go out: {@code refused} (Telegram refused them even as plain text), {@code expired}
 *       (failed for over a day), {@code out-of-date} (warnings held through an outage, replaced by a notice);</li>
 *   <li>{@code sentinel.telegram.rate.limited{method}} [sentinel_telegram_rate_limited_total]: 429 answers;</li>
 *   <li>{@code sentinel.telegram.api{method,outcome}} [sentinel_telegram_api_seconds_*]: Bot API calls and their
 *       duration (getUpdates long polls included, so their time is mostly waiting);</li>
 *   <li>{@code sentinel.telegram.updates{source}} [sentinel_telegram_updates_total]: updates received by long
 *       polling or webhook;</li>
 *   <li>{@code sentinel.telegram.chats.active{type}} [sentinel_telegram_chats_active]: chats that have not
 *       blocked or removed the bot, {@code private} (users) and {@code group}; counted in the database at
 *       start-up and every minute.</li>
 * </ul>
 */
@ApplicationScoped
public class TelegramMetrics {

    private static final Logger LOG = Logger.getLogger(TelegramMetrics.class);

    @Inject
    MeterRegistry registry;
    @Inject
    ChatDirectory chats;

    private final AtomicLong activeUsers = new AtomicLong();
    private final AtomicLong activeGroups = new AtomicLong();
    private List<Gauge> gauges = List.of();

    void registerGauges(@Observes StartupEvent event) {
        gauges = List.of(
                Gauge.builder("sentinel.telegram.chats.active", activeUsers, AtomicLong::get)
                        .description("Chats the bot may write to").tag("type", "private").register(registry),
                Gauge.builder("sentinel.telegram.chats.active", activeGroups, AtomicLong::get)
                        .description("Chats the bot may write to").tag("type", "group").register(registry));
        countActiveChats();
    }

    /** Micrometer's global registry outlives the application in tests: a gauge must not keep reading old beans. */
    @PreDestroy
    void unregister() {
        gauges.forEach(registry::remove);
    }

    @Scheduled(identity = "count-active-chats", every = "1m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCount() {
        try {
            countActiveChats();
        } catch (RuntimeException e) {
            LOG.warnf("Counting active chats failed: %s", e.getMessage());
        }
    }

    /** Counts active chats in the database now (a scheduled job does it every minute). */
    public void countActiveChats() {
        ChatDirectory.ActiveCounts counts = chats.countActive();
        activeUsers.set(counts.privateChats());
        activeGroups.set(counts.groups());
    }

    /** The kind tag of an outbox row with this priority. */
    public static String kindOf(int priority) {
        return switch (priority) {
            case OutgoingMessage.PRIORITY_CRITICAL -> "critical";
            case OutgoingMessage.PRIORITY_FIRST_WARNING, OutgoingMessage.PRIORITY_DANGER,
                 OutgoingMessage.PRIORITY_WARNING -> "warning";
            case OutgoingMessage.PRIORITY_REPLY -> "reply";
            default -> "other";
        };
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEnqueued queued) {
        counter("sentinel.telegram.messages.queued", "Outbox messages queued (committed)", queued.priority())
                .increment(queued.rows());
    }

    /** Telegram accepted {@code rows} outbox rows of this priority. */
    public void sent(int priority, int rows) {
        counter("sentinel.telegram.messages.sent", "Outbox messages Telegram accepted", priority).increment(rows);
    }

    /** {@code rows} outbox rows of this priority will never go out, for {@code reason} (see the class comment). */
    public void undelivered(int priority, String reason, int rows) {
        Counter.builder("sentinel.telegram.messages.undelivered").description("Outbox messages that never went out")
                .tag("kind", kindOf(priority)).tag("reason", reason).register(registry).increment(rows);
    }

    /** One Bot API call ended with this HTTP status (0: no answer). */
    public void apiCall(String method, int status, Duration took) {
        String outcome = status == 0 ? "io-error" : status / 100 == 2 ? "ok" : String.valueOf(status);
        registry.timer("sentinel.telegram.api", "method", method, "outcome", outcome).record(took);
        if (status == 429) {
            Counter.builder("sentinel.telegram.rate.limited").description("429 Too Many Requests from Telegram")
                    .tag("method", method).register(registry).increment();
        }
    }

    /** Updates handed to the dispatcher, by how they came in ("polling" or "webhook"). */
    public void updatesReceived(String source, int count) {
        Counter.builder("sentinel.telegram.updates").description("Telegram updates received")
                .tag("source", source).register(registry).increment(count);
    }

    private Counter counter(String name, String description, int priority) {
        return Counter.builder(name).description(description).tag("kind", kindOf(priority).toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
