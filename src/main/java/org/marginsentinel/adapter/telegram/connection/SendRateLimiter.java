package org.marginsentinel.adapter.telegram.connection;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Telegram's flood limits as one shared budget for every call the bot makes:
 * <ul>
 *   <li>globally at most {@code perSecond} calls in any second,</li>
 *   <li>per chat one call at a time and at least {@code chatInterval} between two calls,</li>
 *   <li>per group (negative chat id) at most {@code groupPerMinute} calls in any minute,</li>
 *   <li>per chat a pause after a 429 (until {@code retry_after} has passed).</li>
 * </ul>
 *
 * <p>Slots are taken when a call starts and counted until one window <em>after the call
 * finished</em> (a send reaches Telegram somewhere between start and finish, so counting from
 * the finish keeps the limits true as Telegram sees them even when network latency varies).
 * The chat gap is measured from the end of the previous call for the same reason.
 *
 * <p>Thread-safe. {@link #tryAcquire} never blocks; {@link #acquire} waits.
 */
public final class SendRateLimiter {

    /** Chat id used for calls that count only against the global budget (answerCallbackQuery). */
    public static final long NO_CHAT = 0;

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60_000;
    /** Hint returned while the chat has a call in flight; a release wakes waiters earlier. */
    private static final long IN_FLIGHT_HINT = 250;

    private final int perSecond;
    private final long chatIntervalMillis;
    private final int groupPerMinute;
    private final LongSupplier clock;
    /** Added to the end of a call before counting from it, for a clock coarser than the calls it times. */
    private final long releaseMarginMillis;

    private int globalInFlight;
    private final ArrayDeque<Long> globalSlotsFreeAt = new ArrayDeque<>();
    private final Map<Long, ChatState> chats = new HashMap<>();
    private long nextCleanup;

    private static final class ChatState {
        boolean inFlight;
        long nextAllowedAt;
        long pausedUntil;
        final ArrayDeque<Long> groupSlotsFreeAt = new ArrayDeque<>();
    }

    public SendRateLimiter(int perSecond, Duration chatInterval, int groupPerMinute) {
        // The real clock truncates nanoseconds to milliseconds: a call that ended at 10.9 ms would free its
        // slot at 1,010 ms, 0.9 ms early, and Telegram (like the benchmark's fake) counts by arrival time.
        this(perSecond, chatInterval, groupPerMinute, SendRateLimiter::monotonicMillis, 1);
    }

    /** @param clock milliseconds from any fixed origin (tests pass a fake clock) */
    public SendRateLimiter(int perSecond, Duration chatInterval, int groupPerMinute, LongSupplier clock) {
        this(perSecond, chatInterval, groupPerMinute, clock, 0);
    }

    private SendRateLimiter(int perSecond, Duration chatInterval, int groupPerMinute, LongSupplier clock,
                            long releaseMarginMillis) {
        if (perSecond < 1 || groupPerMinute < 1 || chatInterval.isNegative()) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
        this.perSecond = perSecond;
        this.chatIntervalMillis = chatInterval.toMillis();
        this.groupPerMinute = groupPerMinute;
        this.clock = clock;
        this.releaseMarginMillis = releaseMarginMillis;
    }

    /** Calls allowed in any second over all chats: also the most that can be in flight at once. */
    public int perSecond() {
        return perSecond;
    }

    /**
     * Takes a slot for one call to {@code chatId} ({@link #NO_CHAT}: global budget only) if every
     * limit allows it now. Every successful acquire must be followed by exactly one
     * {@link #release} for the same chat when the call has finished, whatever its outcome.
     *
     * @return 0 if the slot was taken, otherwise how many milliseconds to wait before trying again
     */
    public synchronized long tryAcquire(long chatId) {
        long now = clock.getAsLong();
        cleanup(now);
        ChatState chat = null;
        if (chatId != NO_CHAT) {
            chat = chats.computeIfAbsent(chatId, id -> new ChatState());
            long wait = chatWait(chatId, chat, now);
            if (wait > 0) {
                return wait;
            }
        }
        purge(globalSlotsFreeAt, now);
        if (globalInFlight + globalSlotsFreeAt.size() >= perSecond) {
            return globalSlotsFreeAt.isEmpty() ? IN_FLIGHT_HINT : Math.max(1, globalSlotsFreeAt.peekFirst() - now);
        }
        globalInFlight++;
        if (chat != null) {
            chat.inFlight = true;
        }
        return 0;
    }

    /**
     * How long until the global budget has a free slot (0: now). When it is spent no chat can be served, so
     * a caller going through its queue by urgency stops there instead of letting a later, less urgent chat
     * take the slot that frees up meanwhile.
     */
    public synchronized long globalWait() {
        long now = clock.getAsLong();
        purge(globalSlotsFreeAt, now);
        if (globalInFlight + globalSlotsFreeAt.size() < perSecond) {
            return 0;
        }
        return globalSlotsFreeAt.isEmpty() ? IN_FLIGHT_HINT : Math.max(1, globalSlotsFreeAt.peekFirst() - now);
    }

    /**
     * How long until {@code chatId}'s own limits (a call in flight, the gap between calls, a group's minute,
     * a 429 pause) allow a call, the global budget left aside (0: now). Takes nothing.
     */
    public synchronized long chatWait(long chatId) {
        ChatState chat = chats.get(chatId);
        return chat == null ? 0 : chatWait(chatId, chat, clock.getAsLong());
    }

    private long chatWait(long chatId, ChatState chat, long now) {
        if (chat.inFlight) {
            return IN_FLIGHT_HINT;
        }
        long wait = Math.max(chat.pausedUntil - now, chat.nextAllowedAt - now);
        if (wait > 0) {
            return wait;
        }
        if (isGroup(chatId)) {
            purge(chat.groupSlotsFreeAt, now);
            if (chat.groupSlotsFreeAt.size() >= groupPerMinute) {
                return Math.max(1, chat.groupSlotsFreeAt.peekFirst() - now);
            }
        }
        return 0;
    }

    /** Ends the call started by a successful {@link #tryAcquire} / {@link #acquire} for {@code chatId}. */
    public synchronized void release(long chatId) {
        long now = clock.getAsLong() + releaseMarginMillis;
        globalInFlight = Math.max(0, globalInFlight - 1);
        globalSlotsFreeAt.addLast(now + SECOND);
        if (chatId != NO_CHAT) {
            ChatState chat = chats.computeIfAbsent(chatId, id -> new ChatState());
            chat.inFlight = false;
            chat.nextAllowedAt = Math.max(chat.nextAllowedAt, now + chatIntervalMillis);
            if (isGroup(chatId)) {
                chat.groupSlotsFreeAt.addLast(now + MINUTE);
            }
        }
        notifyAll();
    }

    /** No calls to {@code chatId} before {@code pause} has passed (after a 429 retry_after). */
    public synchronized void pauseChat(long chatId, Duration pause) {
        long until = clock.getAsLong() + pause.toMillis();
        ChatState chat = chats.computeIfAbsent(chatId, id -> new ChatState());
        chat.pausedUntil = Math.max(chat.pausedUntil, until);
    }

    /**
     * Blocking {@link #tryAcquire}: waits up to {@code timeout} for a slot.
     *
     * @return true if the slot was taken (release it later), false on timeout
     */
    public boolean acquire(long chatId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                long wait = tryAcquire(chatId);
                if (wait == 0) {
                    return true;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, Math.min(wait, left)));
            }
        }
    }

    /** Negative chat ids are groups, supergroups and channels. */
    public static boolean isGroup(long chatId) {
        return chatId < 0;
    }

    private static void purge(ArrayDeque<Long> freeAt, long now) {
        while (!freeAt.isEmpty() && freeAt.peekFirst() <= now) {
            freeAt.pollFirst();
        }
    }

    /** Forgets chats that no longer constrain anything, so the map does not grow forever. */
    private void cleanup(long now) {
        if (now < nextCleanup) {
            return;
        }
        nextCleanup = now + MINUTE;
        Iterator<ChatState> it = chats.values().iterator();
        while (it.hasNext()) {
            ChatState chat = it.next();
            purge(chat.groupSlotsFreeAt, now);
            if (!chat.inFlight && chat.nextAllowedAt <= now && chat.pausedUntil <= now
                    && chat.groupSlotsFreeAt.isEmpty()) {
                it.remove();
            }
        }
    }

    private static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }
}
