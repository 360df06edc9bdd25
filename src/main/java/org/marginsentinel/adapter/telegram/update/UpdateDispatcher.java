package org.marginsentinel.adapter.telegram.update;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;
import org.marginsentinel.application.port.Durability;
import org.marginsentinel.adapter.telegram.store.Inbox;

/**
 * Receives update batches from the {@link LongPoller}'s thread (or single updates from the webhook
 * endpoint, see {@link #dispatch}) and hands each update to
 * {@link UpdateHandler} on a worker: updates of one chat in order, different chats in parallel,
 * so one slow command never delays other chats. Never throws. One instance per bot session.
 *
 * <p>Nothing received is lost: Telegram considers a batch delivered as soon as this method
 * returns and the next poll starts, so the batch is first written to the {@link Inbox} (the poller
 * waits, retrying, while the database is unreachable); {@link #replayPending()} hands what a crash
 * left there to the handlers at the next start.
 *
 * <p>Floods are cut here, before they cost a transaction: each user's messages and button presses
 * pass an {@link InboundRateLimiter}; skipped updates are dropped (the user is told once per flood).
 */
public final class UpdateDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UpdateDispatcher.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    private static final long MAX_STORE_BACKOFF_MILLIS = 30_000;

    private final UpdateHandler handler;
    private final Inbox inbox;
    private final Durability durability;
    private final InboundRateLimiter limiter;
    private final KeyedSerialExecutor executor;
    private volatile boolean closed;

    /**
     * @param userBurst commands one user may send at once (0: no flood limit)
     * @param userRate  commands per second one user may keep sending after the burst
     */
    public UpdateDispatcher(UpdateHandler handler, Inbox inbox, Durability durability, int threads, int userBurst,
            double userRate) {
        this(handler, inbox, durability, threads, new InboundRateLimiter(userBurst, userRate, System::nanoTime));
    }

    UpdateDispatcher(UpdateHandler handler, Inbox inbox, Durability durability, int threads, InboundRateLimiter limiter) {
        this.handler = handler;
        this.inbox = inbox;
        this.durability = durability;
        this.limiter = limiter;
        this.executor = new KeyedSerialExecutor(threads, "telegram-handler-");
    }

    private record Task(long key, Runnable work) {
    }

    /** A batch from the long poll: stored in the inbox, then handed to the workers. */
    public void consume(List<ReceivedUpdate> updates) {
        List<Task> tasks = new ArrayList<>(updates.size());
        Map<Long, String> durable = new LinkedHashMap<>();
        for (ReceivedUpdate update : updates) {
            try {
                Inbound in = Inbound.from(update);
                Task task = admit(update, in, tasks);
                if (task == null) {
                    continue;
                }
                if (in.kind() != Inbound.Kind.IGNORED && KeyMaterial.carried(in.text())) {
                    LOG.debugf("Update %d carries an API key: handled without the inbox", in.updateId());
                } else if (in.kind() != Inbound.Kind.IGNORED) {
                    String payload = update.json();
                    if (payload.length() <= Inbox.MAX_PAYLOAD) {
                        durable.put(in.updateId(), payload);
                    } else {
                        LOG.warnf("Update %d is too large for the inbox (%d characters); handling it without",
                                in.updateId(), payload.length());
                    }
                }
                tasks.add(task);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not dispatch update %d", update.updateId());
            }
        }
        storeDurably(durable);
        for (Task task : tasks) {
            if (!executor.submit(task.key(), task.work())) {
                LOG.debug("Bot is stopping; the rest of the batch waits in the inbox for the next start");
                return;
            }
        }
    }

    /**
     * The flood check: the task that handles {@code update}, or null when the sender is over their limit
     * (then, once per flood, a task telling them so is added to {@code notices}).
     */
    private Task admit(ReceivedUpdate update, Inbound in, List<Task> notices) {
        if (in.kind() != Inbound.Kind.IGNORED && in.kind() != Inbound.Kind.MEMBERSHIP) {
            InboundRateLimiter.Verdict verdict = limiter.admit(in.userId());
            if (verdict == InboundRateLimiter.Verdict.SKIP_AND_TELL) {
                LOG.infof("User %d sends too fast; skipping their updates for a while", in.userId());
                notices.add(new Task(in.orderingKey(), () -> handler.tooFast(in)));
            }
            if (verdict != InboundRateLimiter.Verdict.ACCEPT) {
                return null;
            }
        }
        return new Task(in.orderingKey(), () -> handler.handle(update));
    }

    /**
     * One update from the webhook, queued behind the earlier ones of its chat, under the same flood limit.
     * No inbox: Telegram redelivers until the endpoint answers 200, which it does once this completes.
     *
     * @return completes once the update was handled or skipped (handling records failures itself, so
     *         "handled" includes a refused or failed command) and its effects are on disk; completes exceptionally
     *         with a {@link RejectedExecutionException} when the bot is stopping and the update was not taken, or
     *         with the error when the database could not write
     */
    public CompletableFuture<Void> dispatch(ReceivedUpdate update) {
        CompletableFuture<Void> handled = new CompletableFuture<>();
        try {
            List<Task> tasks = new ArrayList<>(2);
            Task task = admit(update, Inbound.from(update), tasks);
            if (task != null) {
                tasks.add(task);
            }
            if (tasks.isEmpty()) {
                handled.complete(null);
                return handled;
            }
            Task last = tasks.get(tasks.size() - 1);
            for (Task each : tasks) {
                Runnable work = each != last ? each.work() : () -> {
                    try {
                        each.work().run();
                        durability.flush(); // Telegram forgets the update once answered: its effects must be on disk
                        handled.complete(null);
                    } catch (SQLException | RuntimeException e) {
                        handled.completeExceptionally(e); // answered 503: Telegram sends it again
                    }
                };
                if (!executor.submit(each.key(), work)) {
                    LOG.debugf("Bot is stopping; update %d left for Telegram to redeliver", update.updateId());
                    handled.completeExceptionally(new RejectedExecutionException("the bot is stopping"));
                    break;
                }
            }
        } catch (RuntimeException e) {
            // An update we cannot even read would fail again on every redelivery: skip it.
            LOG.errorf(e, "Could not dispatch update %d", update.updateId());
            handled.complete(null);
        }
        return handled;
    }

    /** Hands the updates a previous run stored but never handled to the workers, oldest first. */
    public int replayPending() {
        int replayed = 0;
        for (String payload : inbox.pending()) {
            try {
                ReceivedUpdate update = ReceivedUpdate.read(payload);
                if (executor.submit(Inbound.from(update).orderingKey(), () -> handler.handle(update))) {
                    replayed++;
                }
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "An update in the inbox could not be read; it stays there");
            }
        }
        if (replayed > 0) {
            LOG.infof("Handling %d update(s) received before the last stop but never handled", replayed);
        }
        return replayed;
    }

    /** Writes the batch to the inbox; while the database refuses, waits and retries (the poll waits too). */
    private void storeDurably(Map<Long, String> payloadById) {
        long backoff = 500;
        while (!closed) {
            try {
                inbox.store(payloadById);
                durability.flush(); // the next poll confirms the batch to Telegram: it must be on disk first
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Could not store %d received update(s) (%s); retrying in %d ms", payloadById.size(),
                        e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(MAX_STORE_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    /** Called when the bot stops, after the poll loop: finishes running updates, then stops. */
    @Override
    public void close() {
        closed = true;
        executor.close(CLOSE_GRACE);
    }
}
