package org.marginsentinel.adapter.telegram.update;

import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives update batches from TelegramBots' poller thread and hands each update to
 * {@link UpdateHandler} on a worker: updates of one chat in order, different chats in parallel,
 * so one slow command never delays other chats. Never blocks the poller and never throws.
 * One instance per bot session.
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
            try {
                long key = Inbound.from(update).orderingKey();
                if (!executor.submit(key, () -> handler.handle(update))) {
                    LOG.debugf("Bot is stopping; update %s left for the next start", update.getUpdateId());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not dispatch update %s", update.getUpdateId());
            }
        }
    }

    /** Called by TelegramBots when the session closes: finishes running updates, then stops. */
    @Override
    public void close() {
        executor.close(CLOSE_GRACE);
    }
}
