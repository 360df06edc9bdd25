package org.marginsentinel.adapter.telegram.update;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives update batches from TelegramBots' poller thread (or single updates from the webhook
 * endpoint) and hands each update to {@link UpdateHandler} on a worker: updates of one chat in
 * order, different chats in parallel, so one slow command never delays other chats. Never blocks
 * the caller and never throws. One instance per bot session.
 */
public final class UpdateDispatcher implements LongPollingUpdateConsumer {

    private static final Logger LOG = Logger.getLogger(UpdateDispatcher.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final UpdateHandler handler;
    private final KeyedSerialExecutor executor;

    public UpdateDispatcher(UpdateHandler handler, int threads) {
        this.handler = handler;
        this.executor = new KeyedSerialExecutor(threads, "telegram-handler-");
    }

    @Override
    public void consume(List<Update> updates) {
        for (Update update : updates) {
            dispatch(update);
        }
    }

    /**
     * Queues one update behind the earlier ones of its chat.
     *
     * @return completes once the update was handled (handling records failures itself, so "handled"
     *         includes a refused or failed command); completes exceptionally with a
     *         {@link RejectedExecutionException} when the bot is stopping and the update was not taken
     */
    public CompletableFuture<Void> dispatch(Update update) {
        CompletableFuture<Void> handled = new CompletableFuture<>();
        try {
            long key = Inbound.from(update).orderingKey();
            boolean taken = executor.submit(key, () -> {
                try {
                    handler.handle(update);
                } finally {
                    handled.complete(null);
                }
            });
            if (!taken) {
                LOG.debugf("Bot is stopping; update %s left for the next start", update.getUpdateId());
                handled.completeExceptionally(new RejectedExecutionException("the bot is stopping"));
            }
        } catch (RuntimeException e) {
            // An update we cannot even read would fail again on every redelivery: skip it.
            LOG.errorf(e, "Could not dispatch update %s", update.getUpdateId());
            handled.complete(null);
        }
        return handled;
    }

    /** Called by TelegramBots when the session closes: finishes running updates, then stops. */
    @Override
    public void close() {
        executor.close(CLOSE_GRACE);
    }
}
