package org.marginsentinel.adapter.telegram.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.telegram.connection.SendRateLimiter;
import org.marginsentinel.application.port.Durability;
import org.marginsentinel.adapter.telegram.store.ChatDirectory;
import org.marginsentinel.adapter.telegram.store.OutboxRow;
import org.marginsentinel.adapter.telegram.store.OutboxStore;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Delivers PENDING outbox rows. One scheduler thread picks the most urgent due row of every chat
 * the {@link SendRateLimiter} allows right now and hands it to the sender threads (at
 * most one call per chat at a time, so a chat's messages keep their order). It wakes up after
 * every commit that queued something, when a call finishes, when a rate limit frees up, and at
 * least every {@value #SWEEP_MILLIS} ms.
 *
 * <p>Several PENDING plain rows for one chat go out as one message when they fit ({@link BotApiCalls#mergeable}).
 *
 * <p>Errors: the pure {@link DeliveryFailurePolicy} decides what a failed call means (retry after a back-off, wait
 * for Telegram, hold until the chat is opened, plain text, split, give up) and {@link DeliveryOutcomes} records it.
 * After Telegram failed, the first call that succeeds makes every row waiting for it due at once.
 *
 * <p>In flight: one call per chat, and as many at once as the global rate allows in a second (or
 * {@code sender-threads} if more), so slow answers do not hold every other chat back.
 *
 * <p>A row with a picture (a chart) goes out with sendPhoto, its html as the caption, and is never merged.
 *
 * <p>Delivery is at-least-once: if the process dies between Telegram accepting a message and the
 * row being marked SENT, that message is sent again after the restart.
 *
 * <p>Rows go out only once they are on disk ({@link Durability#flush()} after each read, covering the commits
 * that queued them), and the SENT marks of the calls that ended meanwhile are flushed together at the next pass:
 * one write for many messages (group commit), while a restart re-sends at most what ended since that pass.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    static final long SWEEP_MILLIS = 1_000;
    private static final int BATCH = 500;
    private static final int MAX_ROWS_PER_PASS = 10_000;

    @Inject
    OutboxStore store;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    Durability durability;

    @Inject
    Clock clock;

    /** Calls ended (their rows marked) since the last flush. */
    private final AtomicBoolean marksToFlush = new AtomicBoolean();

    private final Object signal = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread scheduler;
    private ThreadPoolExecutor workers;
    private int workerCount;
    private final AtomicInteger busyWorkers = new AtomicInteger();
    private final Set<Long> chatsInFlight = ConcurrentHashMap.newKeySet();
    // Due rows read by the scheduler thread and not handed out yet, by chat (most urgent first).
    private Map<Long, List<OutboxRow>> dueByChat = new LinkedHashMap<>();
    private long dueReadAt;
    private Instant nextDue;
    private volatile boolean cacheStale = true;
    /** Commits queued rows since the last read, none more urgent than the cache's least urgent row. */
    private volatile boolean freshRows;
    /** The least urgent send order (priority, rank) among the rows of the last read. */
    private volatile SendOrder cachedUpTo = SendOrder.MOST_URGENT;
    /** The last pass stopped (all workers busy, global limit) before it had looked at every cached chat. */
    private boolean servableBacklog;
    /** Chats whose rows were left out of the last read because a call was in flight: read again when it ends. */
    private final Set<Long> skippedWhileInFlight = ConcurrentHashMap.newKeySet();
    private volatile BotApiCalls calls;
    private volatile SendRateLimiter limiter;

    /**
     * Starts delivering through {@code client}; no-op if already running. Up to {@code threads} calls run at once,
     * or as many as the global rate allows in a second if that is more (the limiter never lets more start), so slow
     * answers do not hold the other chats back; threads idle for a minute end.
     */
    public synchronized void start(TelegramClient telegramClient, SendRateLimiter rateLimiter, int threads) {
        if (running) {
            return;
        }
        this.calls = new BotApiCalls(telegramClient, store::photo);
        this.limiter = rateLimiter;
        this.workerCount = Math.max(Math.max(1, threads), rateLimiter.perSecond());
        AtomicInteger n = new AtomicInteger();
        // busyWorkers keeps the tasks at most workerCount: the queue never holds one that waits for a thread
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "telegram-sender-" + n.incrementAndGet()));
        this.workers.allowCoreThreadTimeOut(true);
        this.running = true;
        this.scheduler = daemon(this::loop, "telegram-outbox");
        this.scheduler.start();
    }

    /** Stops picking rows and waits briefly for calls in flight. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            scheduler.join(5_000);
            workers.shutdown();
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        chatsInFlight.clear();
        skippedWhileInFlight.clear();
        dueByChat = new LinkedHashMap<>();
        cacheStale = true;
        freshRows = false;
        servableBacklog = false;
        busyWorkers.set(0);
    }

    public boolean isRunning() {
        return running;
    }

    /** Makes the scheduler look at the outbox now. */
    public void wake() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    /** A user opened the private chat: the rows held for them are due now. */
    void onChatOpened(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatDirectory.ChatOpened event) {
        cacheStale = true;
        if (running) {
            wake();
        }
    }

    /** Rows were dropped or superseded: the cache may hold some of them. */
    void onWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxStore.RowsWithdrawn event) {
        cacheStale = true;
        if (running) {
            wake();
        }
    }

    /**
     * A commit queued rows. They must be read before the cached rows are handed out only when they are more urgent
     * than one of them; otherwise they come after every cached row anyway, and reading them can wait until the
     * cache has nothing left to hand out now ({@link #dispatchDueRows}). (Not reading up to 500 rows again after
     * every commit took the CPU of the handlers when commands pour in.)
     */
    void onEnqueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEnqueued event) {
        if (new SendOrder(event.priority(), event.sendRank()).compareTo(cachedUpTo) < 0) {
            cacheStale = true;
        } else {
            freshRows = true;
        }
        if (running) {
            wake();
        }
    }

    private void loop() {
        while (running) {
            long sleep = SWEEP_MILLIS;
            try {
                sleep = Math.min(sleep, dispatchDueRows());
            } catch (Exception e) {
                LOG.errorf(e, "Outbox scheduling failed; trying again in %d ms", SWEEP_MILLIS);
            }
            awaitSignal(Math.max(1, sleep));
        }
    }

    /**
     * Starts every call the limits allow now; returns how long to wait before looking again. The due rows
     * read from the database are kept and handed out over several rounds, and read again only when something
     * changed (a commit queued rows, a call failed, a chat had more rows than went out, a row became due) or after
     * {@value #SWEEP_MILLIS} ms: one query per call made the reading, not the sending, the limit once the
     * global rate is raised.
     */
    private long dispatchDueRows() throws SQLException {
        if (marksToFlush.getAndSet(false)) {
            try {
                durability.flush(); // the SENT marks of the calls that ended since the last pass, in one write
            } catch (SQLException e) {
                marksToFlush.set(true);
                throw e;
            }
        }
        if (busyWorkers.get() >= workerCount) {
            return SWEEP_MILLIS; // nothing can start now; a finishing call wakes us up (and then we read if need be)
        }
        if (cacheStale || dueByChat.isEmpty() || System.nanoTime() - dueReadAt > SWEEP_MILLIS * 1_000_000
                || nextDue != null && !clock.instant().isBefore(nextDue) || freshRows && !servableBacklog) {
            readDueRows(); // (rows that were not due at the last read are now: a group's batch, a retry)
        }
        long sleep = handOut();
        if (!servableBacklog && freshRows) {
            // every cached chat that could be served has been: the rows queued meanwhile come next
            readDueRows();
            sleep = Math.min(sleep, handOut());
        }
        if (nextDue != null) {
            sleep = Math.min(sleep, Math.max(1, Duration.between(clock.instant(), nextDue).toMillis() + 1));
        }
        return sleep;
    }

    /** Hands cached rows to the workers, most urgent chat first, until the workers or the limits say stop. */
    private long handOut() {
        long sleep = SWEEP_MILLIS;
        servableBacklog = true;
        Iterator<Map.Entry<Long, List<OutboxRow>>> chats = dueByChat.entrySet().iterator();
        while (chats.hasNext()) {
            Map.Entry<Long, List<OutboxRow>> entry = chats.next();
            long chatId = entry.getKey();
            if (chatsInFlight.contains(chatId)) {
                continue;
            }
            if (busyWorkers.get() >= workerCount) {
                return sleep; // a finishing call wakes us up; servableBacklog stays set
            }
            long globalWait = limiter.globalWait();
            if (globalWait > 0) {
                // most urgent first: no later chat may take the slot that frees up while we go on
                return Math.min(sleep, globalWait);
            }
            long wait = limiter.tryAcquire(chatId);
            if (wait > 0) {
                sleep = Math.min(sleep, wait);
                continue;
            }
            List<OutboxRow> rows = entry.getValue();
            List<OutboxRow> batch = BotApiCalls.mergeable(rows);
            if (batch.size() == rows.size()) {
                chats.remove();
            } else {
                // a successful call changes only its own rows: the chat's next rows stay valid
                entry.setValue(new ArrayList<>(rows.subList(batch.size(), rows.size())));
            }
            chatsInFlight.add(chatId);
            busyWorkers.incrementAndGet();
            try {
                workers.execute(() -> deliver(batch));
            } catch (RuntimeException e) {
                chatsInFlight.remove(chatId);
                busyWorkers.decrementAndGet();
                limiter.release(chatId);
                cacheStale = true;
                throw e;
            }
        }
        servableBacklog = false;
        return sleep;
    }

    /**
     * Reads the due rows page by page until {@value #BATCH} chats could be served now, or up to
     * {@value #MAX_ROWS_PER_PASS} rows: a backlog of chats that must wait (one chat at its message a second, a
     * group at its 20 a minute, a chat paused by a 429) never hides the chats behind it that could be served.
     * In a storm of one row per chat the first page is enough.
     */
    private void readDueRows() throws SQLException {
        cacheStale = false; // before reading: a commit during the read marks the rows stale again
        freshRows = false;
        cachedUpTo = SendOrder.LEAST_URGENT; // during the read, any commit marks the cache stale
        Instant now = clock.instant();
        dueReadAt = System.nanoTime();
        // Rows of a chat with a call in flight may be the very rows being sent: not taken now, read again
        // when that call ends. (Only this thread starts calls, so no chat starts one during the read.)
        Set<Long> busy = Set.copyOf(chatsInFlight);
        dueByChat = new LinkedHashMap<>();
        int servableChats = 0;
        OutboxRow last = null;
        for (int read = 0; read < MAX_ROWS_PER_PASS && servableChats < BATCH; ) {
            List<OutboxRow> page = store.due(now, last, BATCH);
            for (OutboxRow row : page) {
                long chatId = row.chatId();
                if (busy.contains(chatId)) {
                    skippedWhileInFlight.add(chatId);
                    continue;
                }
                List<OutboxRow> rows = dueByChat.get(chatId);
                if (rows == null) {
                    rows = new ArrayList<>();
                    dueByChat.put(chatId, rows);
                    if (limiter.chatWait(chatId) == 0) {
                        servableChats++;
                    }
                }
                rows.add(row);
            }
            if (page.size() < BATCH) {
                break;
            }
            read += page.size();
            last = page.get(page.size() - 1);
        }
        if (outcomes.settleStale(dueByChat)) {
            cacheStale = true; // notices replacing out-of-date rows were queued: read at the next pass
        }
        if (!dueByChat.isEmpty()) {
            try {
                durability.flush(); // what goes out must survive a crash: the commits that queued these rows
            } catch (SQLException e) {
                dueByChat = new LinkedHashMap<>(); // none of them may go out before a flush succeeds
                cacheStale = true;
                throw e;
            }
        }
        nextDue = store.nextDue(now).orElse(null);
        cachedUpTo = dueByChat.values().stream().flatMap(List::stream)
                .map(row -> new SendOrder(row.priority(), row.sendRank()))
                .max(Comparator.naturalOrder()).orElse(SendOrder.MOST_URGENT);
    }

    private void deliver(List<OutboxRow> batch) {
        OutboxRow head = batch.get(0);
        long chatId = head.chatId();
        try {
            TelegramAnswer failure = null;
            Integer messageId = null;
            try {
                messageId = calls.deliver(batch);
            } catch (Exception e) {
                failure = BotApiCalls.answerOf(e);
            }
            if (outcomes.callEnded(batch, messageId, failure, limiter)) {
                cacheStale = true;
            }
        } finally {
            limiter.release(chatId);
            chatsInFlight.remove(chatId);
            if (skippedWhileInFlight.remove(chatId)) {
                cacheStale = true;
            }
            marksToFlush.set(true);
            busyWorkers.decrementAndGet();
            wake();
        }
    }

    private void awaitSignal(long millis) {
        synchronized (signal) {
            if (!wakeRequested && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
