package org.marginsentinel.adapter.telegram.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.marginsentinel.application.port.Durability;
import org.marginsentinel.adapter.telegram.TelegramMetrics;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.format.MessageChunker;
import org.marginsentinel.adapter.telegram.store.OutboxRow;
import org.marginsentinel.adapter.telegram.store.OutboxStore;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Delivers PENDING outbox rows. One scheduler thread picks the most urgent due row of every chat
 * the {@link SendRateLimiter} allows right now and hands it to a small pool of sender threads (at
 * most one call per chat at a time, so a chat's messages keep their order). It wakes up after
 * every commit that queued something, when a call finishes, when a rate limit frees up, and at
 * least every {@value #SWEEP_MILLIS} ms.
 *
 * <p>Several PENDING plain rows for one chat (no buttons, no edit, same thread and reply target)
 * go out as one message when they fit into 4,096 characters.
 *
 * <p>Errors: 429 pauses the chat for {@code retry_after} and retries; 403 marks the chat inactive
 * and drops its pending rows; 400 "message is not modified" on an edit counts as sent; a 400 with
 * {@code migrate_to_chat_id} moves the rows to the new chat; any other 400 fails the row (a merged
 * message is retried row by row first); 5xx, network and other errors retry with exponential back-off
 * (2 s, 4 s, … up to 5 min) until {@value #MAX_ATTEMPTS} attempts, then the row is FAILED.
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
    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 500;
    private static final int MAX_ROWS_PER_PASS = 10_000;
    private static final String SEPARATOR = "\n\n";
    private static final long MAX_BACKOFF_SECONDS = 300;

    @Inject
    OutboxStore store;

    @Inject
    TelegramMetrics metrics;

    @Inject
    Durability durability;

    /** Calls ended (their rows marked) since the last flush. */
    private final AtomicBoolean marksToFlush = new AtomicBoolean();

    private final Object signal = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread scheduler;
    private ExecutorService workers;
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
    /** The least urgent priority among the rows of the last read. */
    private volatile int cachedUpToPriority = Integer.MIN_VALUE;
    /** The last pass stopped (all workers busy, global limit) before it had looked at every cached chat. */
    private boolean servableBacklog;
    /** Chats whose rows were left out of the last read because a call was in flight: read again when it ends. */
    private final Set<Long> skippedWhileInFlight = ConcurrentHashMap.newKeySet();
    private volatile TelegramClient client;
    private volatile SendRateLimiter limiter;

    /** Starts delivering through {@code client}; no-op if already running. */
    public synchronized void start(TelegramClient telegramClient, SendRateLimiter rateLimiter, int threads) {
        if (running) {
            return;
        }
        this.client = telegramClient;
        this.limiter = rateLimiter;
        this.workerCount = Math.max(1, threads);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, r -> daemon(r, "telegram-sender-" + n.incrementAndGet()));
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
        if (event.priority() < cachedUpToPriority) {
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
                || nextDue != null && !Instant.now().isBefore(nextDue) || freshRows && !servableBacklog) {
            readDueRows(); // (rows that were not due at the last read are now: a group's batch, a retry)
        }
        long sleep = handOut();
        if (!servableBacklog && freshRows) {
            // every cached chat that could be served has been: the rows queued meanwhile come next
            readDueRows();
            sleep = Math.min(sleep, handOut());
        }
        if (nextDue != null) {
            sleep = Math.min(sleep, Math.max(1, Duration.between(Instant.now(), nextDue).toMillis() + 1));
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
            List<OutboxRow> batch = mergeable(rows);
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
        cachedUpToPriority = Integer.MAX_VALUE; // during the read, any commit marks the cache stale
        Instant now = Instant.now();
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
        int leastUrgent = Integer.MIN_VALUE;
        for (List<OutboxRow> rows : dueByChat.values()) {
            for (OutboxRow row : rows) {
                leastUrgent = Math.max(leastUrgent, row.priority());
            }
        }
        cachedUpToPriority = leastUrgent;
    }

    /** The head row plus the following rows that can share its message. */
    static List<OutboxRow> mergeable(List<OutboxRow> rowsOfOneChat) {
        OutboxRow head = rowsOfOneChat.get(0);
        List<OutboxRow> batch = new ArrayList<>();
        batch.add(head);
        int length = head.html().length();
        for (int i = 1; i < rowsOfOneChat.size(); i++) {
            OutboxRow next = rowsOfOneChat.get(i);
            int merged = length + SEPARATOR.length() + next.html().length();
            if (!next.mergeableWith(head) || merged > MessageChunker.TELEGRAM_LIMIT) {
                break;
            }
            batch.add(next);
            length = merged;
        }
        return batch;
    }

    private void deliver(List<OutboxRow> batch) {
        OutboxRow head = batch.get(0);
        long chatId = head.chatId();
        List<Long> ids = batch.stream().map(OutboxRow::id).toList();
        try {
            Integer messageId = call(batch);
            store.markSent(ids, messageId, Instant.now(), head.hasPhoto());
            countSent(batch);
        } catch (TelegramApiRequestException e) {
            cacheStale = true;
            afterFailure(head, ids, () -> handleTelegramError(batch, ids, e));
        } catch (Exception e) {
            cacheStale = true;
            afterFailure(head, ids, () -> retryWithBackOff(head, ids, e.getClass().getSimpleName() + ": " + e.getMessage()));
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

    /**
     * Records a failed call. If even that fails (the database refuses), the row stays PENDING and is tried
     * again at the next sweep; the worker thread lives on.
     */
    private void afterFailure(OutboxRow head, List<Long> ids, Runnable record) {
        try {
            record.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record the failed delivery of outbox message(s) %s for chat %d", ids,
                    head.chatId());
        }
    }

    private Integer call(List<OutboxRow> batch) throws TelegramApiException {
        OutboxRow head = batch.get(0);
        InlineKeyboardMarkup markup = keyboard(head.buttonsJson());
        LinkPreviewOptions noPreview = LinkPreviewOptions.builder().isDisabled(true).build();
        if (head.editMessageId() != null) {
            EditMessageText edit = EditMessageText.builder()
                    .chatId(head.chatId())
                    .messageId(head.editMessageId())
                    .text(head.html())
                    .parseMode(ParseMode.HTML)
                    .linkPreviewOptions(noPreview)
                    .replyMarkup(markup)
                    .build();
            Serializable result = client.execute(edit);
            return result instanceof Message message ? message.getMessageId() : head.editMessageId();
        }
        if (head.hasPhoto()) {
            Optional<byte[]> png = store.photo(head.id());
            if (png.isPresent()) {
                return sendPhoto(head, png.get(), markup);
            }
            LOG.warnf("The picture of outbox message %d is gone; sending its caption as text", head.id());
        }
        String text = batch.size() == 1 ? head.html()
                : String.join(SEPARATOR, batch.stream().map(OutboxRow::html).toList());
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
                .chatId(head.chatId())
                .text(text)
                .parseMode(ParseMode.HTML)
                .linkPreviewOptions(noPreview)
                .messageThreadId(head.messageThreadId())
                .replyMarkup(markup);
        if (head.silent()) {
            send.disableNotification(true);
        }
        if (head.replyToMessageId() != null) {
            send.replyParameters(ReplyParameters.builder()
                    .messageId(head.replyToMessageId()).allowSendingWithoutReply(true).build());
        }
        Message sent = client.execute(send.build());
        return sent == null ? null : sent.getMessageId();
    }

    private Integer sendPhoto(OutboxRow row, byte[] png, InlineKeyboardMarkup markup) throws TelegramApiException {
        SendPhoto.SendPhotoBuilder<?, ?> send = SendPhoto.builder()
                .chatId(row.chatId())
                .photo(new InputFile(new ByteArrayInputStream(png), "chart-" + row.id() + ".png"))
                .caption(row.html())
                .parseMode(ParseMode.HTML)
                .messageThreadId(row.messageThreadId())
                .replyMarkup(markup);
        if (row.silent()) {
            send.disableNotification(true);
        }
        if (row.replyToMessageId() != null) {
            send.replyParameters(ReplyParameters.builder()
                    .messageId(row.replyToMessageId()).allowSendingWithoutReply(true).build());
        }
        Message sent = client.execute(send.build());
        return sent == null ? null : sent.getMessageId();
    }

    private void handleTelegramError(List<OutboxRow> batch, List<Long> ids, TelegramApiRequestException e) {
        OutboxRow head = batch.get(0);
        long chatId = head.chatId();
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = e.getApiResponse() == null ? String.valueOf(e.getMessage()) : e.getApiResponse();
        String error = code + " " + description;
        if (code == 429) {
            int retryAfter = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                    ? Math.max(1, e.getParameters().getRetryAfter()) : 5;
            limiter.pauseChat(chatId, Duration.ofSeconds(retryAfter));
            store.retryLater(ids, Instant.now().plusSeconds(retryAfter), error, false, MAX_ATTEMPTS);
            LOG.warnf("Telegram asked to slow down (429) for chat %d; retrying in %d s", chatId, retryAfter);
        } else if (code == 403) {
            int dropped = store.chatUnreachable(chatId, error, Instant.now());
            LOG.infof("Chat %d is unreachable (%s); marked inactive, dropped %d pending message(s)",
                    chatId, description, dropped);
        } else if (code == 400 && head.editMessageId() != null
                && description.toLowerCase(Locale.ROOT).contains("message is not modified")) {
            store.markSent(ids, head.editMessageId(), Instant.now(), head.hasPhoto());
            countSent(batch);
        } else if (code == 400 && e.getParameters() != null && e.getParameters().getMigrateToChatId() != null) {
            long newChatId = e.getParameters().getMigrateToChatId();
            store.moveChat(chatId, newChatId);
            LOG.infof("Group %d became supergroup %d; its pending messages moved there", chatId, newChatId);
        } else if (code == 400 && batch.size() > 1) {
            // One of the merged rows is probably malformed: retry them one by one (attempts > 0 stops merging).
            store.retryLater(ids, Instant.now(), error, true, MAX_ATTEMPTS);
        } else if (code == 400) {
            store.markFailed(ids, error);
            LOG.warnf("Telegram refused outbox message(s) %s for chat %d: %s", ids, chatId, error);
        } else {
            retryWithBackOff(head, ids, error);
        }
    }

    private void countSent(List<OutboxRow> batch) {
        for (OutboxRow row : batch) {
            metrics.sent(row.priority(), 1);
        }
    }

    private void retryWithBackOff(OutboxRow head, List<Long> ids, String error) {
        int attempt = head.attempts() + 1;
        long delay = Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(attempt, 20));
        store.retryLater(ids, Instant.now().plusSeconds(delay), error, true, MAX_ATTEMPTS);
        if (attempt >= MAX_ATTEMPTS) {
            LOG.errorf("Giving up on outbox message(s) %s for chat %d after %d attempts: %s",
                    ids, head.chatId(), attempt, error);
        } else {
            LOG.warnf("Sending outbox message(s) %s to chat %d failed (attempt %d): %s; retrying in %d s",
                    ids, head.chatId(), attempt, error, delay);
        }
    }

    private static InlineKeyboardMarkup keyboard(String buttonsJson) {
        List<List<Button>> rows = ButtonsJson.read(buttonsJson);
        if (rows.isEmpty()) {
            return null;
        }
        InlineKeyboardMarkup.InlineKeyboardMarkupBuilder<?, ?> markup = InlineKeyboardMarkup.builder();
        for (List<Button> row : rows) {
            InlineKeyboardRow keyboardRow = new InlineKeyboardRow();
            for (Button button : row) {
                keyboardRow.add(button.isLink()
                        ? InlineKeyboardButton.builder().text(button.label()).url(button.url()).build()
                        : InlineKeyboardButton.builder().text(button.label()).callbackData(button.callbackData()).build());
            }
            markup.keyboardRow(keyboardRow);
        }
        return markup.build();
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
