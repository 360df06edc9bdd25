package org.marginsentinel.adapter.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests with the real TelegramBots
 * library, plus a small user-level DSL.
 *
 * <p>Server side: {@code POST /bot<token>/<method>} with case-insensitive method names, JSON,
 * form or multipart bodies, Telegram's {@code {"ok":…}} envelope with the HTTP status equal to
 * {@code error_code}. Implemented: getMe, deleteWebhook, getUpdates (real long poll honouring
 * offset/limit/timeout; a newer poll ends an older one with 409 like Telegram), sendMessage,
 * editMessageText, editMessageReplyMarkup (400 "message is not modified" when nothing changes),
 * answerCallbackQuery, setMyCommands, deleteMyCommands, getMyCommands, sendPhoto (multipart),
 * getChatMember (per-group admins and creators), sendChatAction, setWebhook / deleteWebhook (while a
 * webhook is set, updates are POSTed to it one by one with the secret_token header until it answers 2xx,
 * and getUpdates gets 409 like Telegram). Per chat it can answer 403 (blocked, or a user who never started
 * the bot), 429 with retry_after, or 5xx, or drop the connection (before or after handling the call);
 * getUpdates calls can be dropped or made to fail. Groups: plain groups, forum supergroups with topics
 * ({@code message_thread_id}), the bot being added to or removed from a group (my_chat_member).
 * Every call is recorded with its arrival time.
 *
 * <p>Test side (all waits poll with a timeout, never sleep blindly):
 * <pre>{@code
 * long user = telegram.newUser();
 * telegram.userSays(user, "/help");
 * SentMessage reply = telegram.awaitReplyTo(user);
 * assertThat(reply.plainText()).contains("/learn");
 * }</pre>
 *
 * <p>Ids (users, groups, update ids) come from JVM-wide counters, so tests never share a chat and
 * a restarted app never sees an old update id again by accident.
 */
public final class FakeTelegram implements AutoCloseable {

    public static final long BOT_ID = 7_000_000_001L;
    public static final String TOKEN = BOT_ID + ":fake-test-token";
    public static final String BOT_USERNAME = "SentinelBot";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final int MAX_POLL_SECONDS = 50;
    private static final AtomicLong UPDATE_IDS =
            new AtomicLong(1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
    private static final AtomicLong USER_IDS = new AtomicLong(100_000 + ThreadLocalRandom.current().nextInt(100_000));
    private static final AtomicLong GROUP_IDS = new AtomicLong(-1_000 - ThreadLocalRandom.current().nextInt(100_000));
    private static final AtomicInteger CALLBACK_IDS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HttpServer server;
    private final ExecutorService httpThreads;

    // Everything below is guarded by "this"; waiters are woken with notifyAll().
    private final List<ObjectNode> queue = new ArrayList<>();
    private final Map<Long, ObjectNode> pushed = new HashMap<>();
    private final Map<Long, Long> lastUpdateIdByChat = new HashMap<>();
    private int pollGeneration;
    private boolean closed;
    private final List<RecordedCall> calls = new ArrayList<>();
    private final Map<Long, Integer> nextMessageId = new HashMap<>();
    private final Map<Long, Map<Integer, SentMessage>> botMessages = new HashMap<>();
    private final Map<Long, List<SentMessage>> sends = new HashMap<>();
    private final Map<Long, Integer> sendCursor = new HashMap<>();
    private final Map<String, List<SentMessage>> edits = new HashMap<>();
    private final Map<String, Integer> editCursor = new HashMap<>();
    private final Map<String, CallbackAnswer> callbackAnswers = new LinkedHashMap<>();
    private final Set<Long> blocked = new HashSet<>();
    /** Users who never pressed Start in a private chat: the bot may not write to them first. */
    private final Set<Long> neverStarted = new HashSet<>();
    /** groupId -> (userId -> status) for getChatMember; everyone else is a plain "member". */
    private final Map<Long, Map<Long, String>> memberStatus = new HashMap<>();
    private final Set<Long> forums = new HashSet<>();
    private final Map<Long, ArrayDeque<Integer>> rateLimited = new HashMap<>();
    private final Map<Long, ArrayDeque<Integer>> serverErrors = new HashMap<>();
    private final Map<Long, ArrayDeque<String>> badRequests = new HashMap<>();
    /** Non-zero: every send, edit and photo to any chat fails with this status (Telegram is down). */
    private int outageStatus;
    /** Sends and edits are answered only once released (Telegram answering slowly). */
    private boolean answersHeld;
    private int answersWaiting;
    private final Map<Long, String> userNames = new HashMap<>();
    /** Each user's Telegram app language ({@code language_code}); "en" unless a test says otherwise. */
    private final Map<Long, String> userLanguages = new HashMap<>();
    private final Map<Long, ArrayDeque<Boolean>> droppedConnections = new HashMap<>();
    private int droppedPolls;
    private long confirmedBelow;
    private int pollsStarted;
    private final List<PhotoUpload> photos = new ArrayList<>();
    private TelegramLimits limits;
    private final Map<Long, Integer> photoCursor = new HashMap<>();
    private final ArrayDeque<Integer> pollFailures = new ArrayDeque<>();
    private String webhookUrl;
    private String webhookSecret;
    private String webhookRoute;
    private Thread webhookPusher;
    private final List<WebhookDelivery> webhookDeliveries = new ArrayList<>();
    /** Like Telegram: the time (Unix seconds) and text of the last failed webhook delivery, if any. */
    private long webhookLastErrorDate;
    private String webhookLastErrorMessage;

    /** One POST of an update to the bot's webhook and the HTTP status it got (0: no answer). */
    public record WebhookDelivery(long updateId, int status) {
    }

    /**
     * A sendPhoto call: the caption and the uploaded bytes' size; {@code png} if they start with the PNG magic;
     * {@code data} the uploaded bytes themselves.
     */
    public record PhotoUpload(long chatId, String caption, int bytes, boolean png, Instant at, byte[] data) {
    }

    private FakeTelegram() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger n = new AtomicInteger();
        httpThreads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-telegram-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(httpThreads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake on a free loopback port. */
    public static FakeTelegram start() {
        try {
            return new FakeTelegram();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the fake Telegram server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, the value for {@code sentinel.telegram.api-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        if (webhookPusher != null) {
            webhookPusher.interrupt();
        }
        server.stop(0);
        httpThreads.shutdownNow();
    }

    // =========================================================================================
    // Test DSL: identities and incoming traffic
    // =========================================================================================

    /** A user id no other test uses; its private chat has the same id. */
    public long newUser() {
        return USER_IDS.incrementAndGet();
    }

    /** A group chat id (negative) no other test uses. */
    public long newGroup() {
        return GROUP_IDS.decrementAndGet();
    }

    /** Gives a user a first name (default "User &lt;id&gt;"). */
    /** The user's Telegram app is in this language from now on ({@code "ru"}), or sends none ({@code null}). */
    public synchronized void userSpeaks(long userId, String languageCode) {
        userLanguages.put(userId, languageCode);
    }

    public synchronized void nameUser(long userId, String firstName) {
        userNames.put(userId, firstName);
    }

    /** The user writes {@code text} in the private chat with the bot. Returns the message id. */
    public int userSays(long userId, String text) {
        synchronized (this) {
            neverStarted.remove(userId); // writing to the bot opens the private chat
        }
        return userWrites(userId, userId, null, text, false).messageId;
    }

    /** The user writes {@code text} in a group the bot is in. Returns the message id. */
    public int userSaysInGroup(long userId, long groupId, String text) {
        return userWrites(userId, groupId, null, text, false).messageId;
    }

    /**
     * The user writes {@code text} in forum topic {@code threadId} of a forum supergroup (the message carries
     * {@code message_thread_id} and {@code is_topic_message}). Returns the message id.
     */
    public int userSaysInTopic(long userId, long groupId, int threadId, String text) {
        synchronized (this) {
            forums.add(groupId);
        }
        return userWrites(userId, groupId, threadId, text, false).messageId;
    }

    /** A forum supergroup chat id (negative, below −10^12 like Telegram's) no other test uses. */
    public long newForum() {
        long id = -1_000_000_000_000L + GROUP_IDS.decrementAndGet();
        synchronized (this) {
            forums.add(id);
        }
        return id;
    }

    /**
     * The user writes in the private chat and Telegram delivers that same update (same update_id)
     * twice in one getUpdates batch. Returns the update id.
     */
    public long userSaysDeliveredTwice(long userId, String text) {
        return userWrites(userId, userId, null, text, true).updateId;
    }

    /** The update id of the last update pushed for this chat (message, button press, membership change). */
    public synchronized long lastUpdateIdIn(long chatId) {
        Long id = lastUpdateIdByChat.get(chatId);
        if (id == null) {
            throw new AssertionError("No update was pushed for chat " + chatId);
        }
        return id;
    }

    /**
     * Puts a copy of an already pushed update back into the queue, as Telegram does when the bot
     * restarts before confirming it. Combine with stopping and starting the bot.
     */
    public synchronized void redeliver(long updateId) {
        ObjectNode update = pushed.get(updateId);
        if (update == null) {
            throw new IllegalArgumentException("No update " + updateId + " was pushed through this fake");
        }
        enqueue(update.deepCopy());
    }

    /**
     * The user presses an inline button of the bot's message. Returns the callback query id for
     * {@link #awaitCallbackAnswer(String)}.
     */
    public String press(long userId, long chatId, int messageId, String callbackData) {
        String queryId = "cbq-" + CALLBACK_IDS.incrementAndGet();
        synchronized (this) {
            SentMessage shown = botMessages.getOrDefault(chatId, Map.of()).get(messageId);
            ObjectNode message = shown != null ? messageJson(shown, false)
                    : minimalMessage(chatId, messageId);
            ObjectNode query = NODES.objectNode();
            query.put("id", queryId);
            query.set("from", userJson(userId));
            query.set("message", message);
            query.put("chat_instance", "ci" + chatId);
            query.put("data", callbackData);
            ObjectNode update = NODES.objectNode();
            update.set("callback_query", query);
            push(update);
        }
        return queryId;
    }

    /** The user blocks the bot: a my_chat_member "kicked" update, and sends to the chat get 403 from now on. */
    public void userBlocksBot(long userId) {
        synchronized (this) {
            blocked.add(userId);
            push(memberUpdate(userId, userId, "member", "kicked"));
        }
    }

    /**
     * The user adds the bot to a group (my_chat_member "left" → "member"); sends to the group work again.
     * Returns the update id.
     */
    public long botAddedToGroup(long userId, long groupId) {
        synchronized (this) {
            blocked.remove(groupId);
            return push(memberUpdate(userId, groupId, "left", "member"));
        }
    }

    /**
     * Like Telegram for a user who never pressed Start: sends to their private chat get 403 "bot can't
     * initiate conversation with a user" until they write to the bot privately ({@link #userSays}).
     */
    public synchronized void userNeverStartedBot(long userId) {
        neverStarted.add(userId);
    }

    /** getChatMember answers "administrator" for this user in this group from now on. */
    public synchronized void makeAdmin(long groupId, long userId) {
        memberStatus.computeIfAbsent(groupId, id -> new HashMap<>()).put(userId, "administrator");
    }

    /** getChatMember answers "creator" for this user in this group. */
    public synchronized void makeCreator(long groupId, long userId) {
        memberStatus.computeIfAbsent(groupId, id -> new HashMap<>()).put(userId, "creator");
    }

    /** The bot is removed from a group (my_chat_member "left"); sends to it get 403 from now on. */
    public void botRemovedFromGroup(long userId, long groupId) {
        synchronized (this) {
            blocked.add(groupId);
            push(memberUpdate(userId, groupId, "member", "left"));
        }
    }

    /** Pushes a raw update; {@code update_id} is assigned. Returns it. */
    public long pushUpdate(ObjectNode updateWithoutId) {
        synchronized (this) {
            return push(updateWithoutId.deepCopy());
        }
    }

    /**
     * The next update pushed through any fake gets id {@code first}, and ids count on from there: Telegram's ids
     * are sequential but may jump (after a week without updates the next one is random) and pass 2³¹. Ids only
     * move forward, so no test ever sees an old id again.
     */
    public static void nextUpdateIdsFrom(long first) {
        long before = UPDATE_IDS.getAndUpdate(current -> Math.max(current, first - 1));
        if (before >= first) {
            throw new IllegalStateException("Update ids are already at " + before + ", past " + first);
        }
    }

    // =========================================================================================
    // Test DSL: failure switches
    // =========================================================================================

    /** Every send or edit to the chat gets 403 "bot was blocked by the user" (no update is pushed). */
    public synchronized void blockBy(long chatId) {
        blocked.add(chatId);
    }

    public synchronized void unblock(long chatId) {
        blocked.remove(chatId);
    }

    /** The next {@code times} sends/edits to the chat get 429 with {@code retry_after}. */
    public synchronized void rateLimitNext(long chatId, int times, int retryAfterSeconds) {
        ArrayDeque<Integer> queue = rateLimited.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(retryAfterSeconds);
        }
    }

    /**
     * The next {@code times} sends/edits to the chat lose their connection: the server closes it
     * without an answer, before handling the call or, with {@code afterHandling}, after it (the
     * message is then delivered but the bot never hears so, as when a connection drops on the way back).
     */
    public synchronized void dropConnections(long chatId, int times, boolean afterHandling) {
        ArrayDeque<Boolean> queue = droppedConnections.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(afterHandling);
        }
    }

    /** The next {@code times} getUpdates calls lose their connection before they are answered. */
    public synchronized void dropPolls(int times) {
        droppedPolls += times;
    }

    /**
     * Waits until a getUpdates call confirmed {@code updateId}: its offset was higher, so Telegram
     * forgets the update (the call is recorded only when it returns; this watches its arrival).
     */
    public synchronized void awaitConfirmed(long updateId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (confirmedBelow <= updateId) {
            if (!waitUntil(deadline)) {
                throw new AssertionError("No getUpdates confirmed update " + updateId + " within "
                        + timeout.toMillis() + " ms (highest offset seen: " + confirmedBelow + ")");
            }
        }
    }

    /** How many getUpdates calls have arrived so far (a long poll is recorded only when it returns). */
    public synchronized int pollsStarted() {
        return pollsStarted;
    }

    /** The next {@code times} getUpdates calls (including one waiting now) fail with this HTTP status. */
    public synchronized void failNextPolls(int times, int httpStatus) {
        for (int i = 0; i < times; i++) {
            pollFailures.add(httpStatus);
        }
        notifyAll();
    }

    /** The next {@code times} sends/edits to the chat fail with this 5xx status. */
    public synchronized void failNext(long chatId, int times, int httpStatus) {
        ArrayDeque<Integer> queue = serverErrors.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(httpStatus);
        }
    }

    /** From now on every send, edit and photo to any chat fails with this status, until {@link #outageEnds()}. */
    public synchronized void outage(int httpStatus) {
        outageStatus = httpStatus;
    }

    public synchronized void outageEnds() {
        outageStatus = 0;
    }

    /** The next {@code times} sends/edits to the chat get 400 with this description ("Bad Request: …"). */
    public synchronized void refuseNext(long chatId, int times, String description) {
        ArrayDeque<String> queue = badRequests.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(description);
        }
    }

    /**
     * From now on sends and edits wait for {@link #releaseAnswers()} (at most 20 s) before they are handled: Telegram
     * answering slowly. {@link #answersWaiting()} tells how many calls wait at once.
     */
    public synchronized void holdAnswers() {
        answersHeld = true;
    }

    public synchronized void releaseAnswers() {
        answersHeld = false;
        notifyAll();
    }

    /** Calls waiting for {@link #releaseAnswers()} right now. */
    public synchronized int answersWaiting() {
        return answersWaiting;
    }

    private synchronized void awaitRelease(String method) throws InterruptedException {
        if (!answersHeld || !(method.equals("sendmessage") || method.startsWith("editmessage"))) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        answersWaiting++;
        try {
            while (answersHeld && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } finally {
            answersWaiting--;
        }
    }

    // =========================================================================================
    // Test DSL: what the bot did
    // =========================================================================================

    /** Waits up to {@link #DEFAULT_TIMEOUT} for the next message to the chat not returned before. */
    public SentMessage awaitReplyTo(long chatId) {
        return awaitReplyTo(chatId, DEFAULT_TIMEOUT);
    }

    public synchronized SentMessage awaitReplyTo(long chatId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<SentMessage> list = sends.getOrDefault(chatId, List.of());
            int cursor = sendCursor.getOrDefault(chatId, 0);
            if (cursor < list.size()) {
                sendCursor.put(chatId, cursor + 1);
                return list.get(cursor);
            }
            if (!waitUntil(deadline)) {
                throw new AssertionError("No new message to chat " + chatId + " within " + timeout.toMillis()
                        + " ms.\n" + describeChat(chatId));
            }
        }
    }

    /**
     * Waits for the next message to the chat whose plain text contains {@code fragment}; messages
     * before it are skipped (and count as returned).
     */
    public SentMessage awaitReplyContaining(long chatId, String fragment) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        synchronized (this) {
            while (true) {
                List<SentMessage> list = sends.getOrDefault(chatId, List.of());
                int cursor = sendCursor.getOrDefault(chatId, 0);
                for (int i = cursor; i < list.size(); i++) {
                    if (list.get(i).plainText().contains(fragment)) {
                        sendCursor.put(chatId, i + 1);
                        return list.get(i);
                    }
                }
                if (!waitUntil(deadline)) {
                    throw new AssertionError("No message containing '" + fragment + "' to chat " + chatId
                            + " within " + DEFAULT_TIMEOUT.toMillis() + " ms.\n" + describeChat(chatId));
                }
            }
        }
    }

    /** Waits for the next edit of the bot's message {@code messageId}; returns the message as edited. */
    public synchronized SentMessage awaitEdit(long chatId, int messageId) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        String key = chatId + ":" + messageId;
        while (true) {
            List<SentMessage> list = edits.getOrDefault(key, List.of());
            int cursor = editCursor.getOrDefault(key, 0);
            if (cursor < list.size()) {
                editCursor.put(key, cursor + 1);
                return list.get(cursor);
            }
            if (!waitUntil(deadline)) {
                throw new AssertionError("No edit of message " + messageId + " in chat " + chatId + " within "
                        + DEFAULT_TIMEOUT.toMillis() + " ms.\n" + describeChat(chatId));
            }
        }
    }

    /** Waits for the bot's answerCallbackQuery for a {@link #press}. */
    public synchronized CallbackAnswer awaitCallbackAnswer(String callbackQueryId) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (!callbackAnswers.containsKey(callbackQueryId)) {
            if (!waitUntil(deadline)) {
                throw new AssertionError("No answerCallbackQuery for " + callbackQueryId + " within "
                        + DEFAULT_TIMEOUT.toMillis() + " ms. Answers so far: " + callbackAnswers.values());
            }
        }
        return callbackAnswers.get(callbackQueryId);
    }

    /** Waits until {@code condition} holds for the recorded calls; returns the matching calls. */
    public synchronized List<RecordedCall> awaitCalls(Predicate<RecordedCall> condition, int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<RecordedCall> matching = calls.stream().filter(condition).toList();
            if (matching.size() >= atLeast) {
                return matching;
            }
            if (!waitUntil(deadline)) {
                throw new AssertionError("Expected at least " + atLeast + " matching calls within "
                        + timeout.toMillis() + " ms, got " + matching.size() + ": " + matching);
            }
        }
    }

    /**
     * Asserts that nothing new was sent to the chat during {@code quietPeriod}. This one must wait
     * the whole period; where possible prefer sending a follow-up command and checking that its
     * reply is the next message (updates of one chat are handled in order).
     */
    public synchronized void assertNoReplyTo(long chatId, Duration quietPeriod) {
        long deadline = System.nanoTime() + quietPeriod.toNanos();
        while (waitUntil(deadline)) {
            int cursor = sendCursor.getOrDefault(chatId, 0);
            if (sends.getOrDefault(chatId, List.of()).size() > cursor) {
                throw new AssertionError("Expected no message to chat " + chatId + ", but got: "
                        + sends.get(chatId).get(cursor).summary() + "\n" + describeChat(chatId));
            }
        }
        int cursor = sendCursor.getOrDefault(chatId, 0);
        if (sends.getOrDefault(chatId, List.of()).size() > cursor) {
            throw new AssertionError("Expected no message to chat " + chatId + ", but got: "
                    + sends.get(chatId).get(cursor).summary());
        }
    }

    /** Every message successfully sent to the chat so far (returned by an await or not). */
    public synchronized List<SentMessage> sentTo(long chatId) {
        return List.copyOf(sends.getOrDefault(chatId, List.of()));
    }

    /** The current state of one of the bot's messages. */
    public synchronized SentMessage message(long chatId, int messageId) {
        SentMessage message = botMessages.getOrDefault(chatId, Map.of()).get(messageId);
        if (message == null) {
            throw new AssertionError("The bot never sent message " + messageId + " to chat " + chatId);
        }
        return message;
    }

    /**
     * Delivers webhook updates to {@code url} instead of the URL the bot registered, as the reverse
     * proxy behind a public webhook URL would (the test's own port is only known once it runs).
     */
    public synchronized void routeWebhookTo(String url) {
        webhookRoute = url;
        notifyAll();
    }

    /** Another process called setWebhook with {@code url} for this bot's token (null: deleteWebhook). */
    public synchronized void webhookSetElsewhere(String url) {
        webhookUrl = url;
        notifyAll();
    }

    /** The URL the bot registered with setWebhook; null when none is set. */
    public synchronized String webhookUrl() {
        return webhookUrl;
    }

    /** Every POST to the bot's webhook so far, in order. */
    public synchronized List<WebhookDelivery> webhookDeliveries() {
        return List.copyOf(webhookDeliveries);
    }

    /** Every call, in arrival order. */
    public synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    /** Calls of one method (case-insensitive), in arrival order. */
    public synchronized List<RecordedCall> calls(String method) {
        String wanted = method.toLowerCase(Locale.ROOT);
        return calls.stream().filter(c -> c.method().equals(wanted)).toList();
    }

    /** Calls whose chat_id is {@code chatId}, in arrival order. */
    public synchronized List<RecordedCall> callsTo(long chatId) {
        return calls.stream().filter(c -> c.chatId() != null && c.chatId() == chatId).toList();
    }

    /** The commands of the last setMyCommands call for the default scope as {@code name -> description}, in order. */
    public synchronized Map<String, String> commandMenu() {
        return commandMenu("default");
    }

    /** Likewise for one scope type ({@code default}, {@code all_group_chats}, ...), for users of any language. */
    public synchronized Map<String, String> commandMenu(String scopeType) {
        return commandMenu(scopeType, "");
    }

    /** Likewise for users whose app is in {@code languageCode} ({@code ""}: the menu for every other language). */
    public synchronized Map<String, String> commandMenu(String scopeType, String languageCode) {
        List<RecordedCall> set = calls("setmycommands").stream()
                .filter(call -> scopeType.equals(call.params().path("scope").path("type").asText("default")))
                .filter(call -> languageCode.equals(call.params().path("language_code").asText(""))).toList();
        if (set.isEmpty()) {
            throw new AssertionError("The bot never called setMyCommands for scope " + scopeType
                    + (languageCode.isEmpty() ? "" : " and language " + languageCode));
        }
        Map<String, String> menu = new LinkedHashMap<>();
        for (JsonNode command : set.get(set.size() - 1).params().path("commands")) {
            menu.put(command.path("command").asText(), command.path("description").asText());
        }
        return menu;
    }

    public synchronized List<PhotoUpload> photos() {
        return List.copyOf(photos);
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for the next photo sent to the chat that no earlier call returned. */
    public synchronized PhotoUpload awaitPhotoTo(long chatId) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (true) {
            List<PhotoUpload> toChat = photos.stream().filter(p -> p.chatId() == chatId).toList();
            int cursor = photoCursor.getOrDefault(chatId, 0);
            if (cursor < toChat.size()) {
                photoCursor.put(chatId, cursor + 1);
                return toChat.get(cursor);
            }
            if (!waitUntil(deadline)) {
                throw new AssertionError("No new photo to chat " + chatId + " within " + DEFAULT_TIMEOUT.toMillis()
                        + " ms.\n" + describeChat(chatId));
            }
        }
    }

    // =========================================================================================
    // Server side
    // =========================================================================================

    private record Reply(int status, JsonNode body) {
        static Reply ok(JsonNode result) {
            ObjectNode body = NODES.objectNode().put("ok", true);
            body.set("result", result);
            return new Reply(200, body);
        }

        static Reply error(int code, String description) {
            return error(code, description, null);
        }

        static Reply error(int code, String description, ObjectNode parameters) {
            ObjectNode body = NODES.objectNode().put("ok", false).put("error_code", code).put("description", description);
            if (parameters != null) {
                body.set("parameters", parameters);
            }
            return new Reply(code, body);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        long nanos = System.nanoTime();
        Reply reply;
        String method = "";
        JsonNode params = NODES.objectNode();
        try {
            String[] segments = exchange.getRequestURI().getPath().split("/");
            // "", "bot<token>", "<method>"
            if (segments.length != 3 || !segments[1].startsWith("bot")) {
                reply = Reply.error(404, "Not Found");
            } else if (!segments[1].equals("bot" + TOKEN)) {
                reply = Reply.error(401, "Unauthorized");
            } else {
                method = segments[2].toLowerCase(Locale.ROOT);
                params = readParams(exchange);
                Boolean dropAfter = takeDrop(method, params);
                if (dropAfter != null && !dropAfter) {
                    exchange.close(); // connection lost before the call was handled
                    return;
                }
                awaitRelease(method);
                synchronized (this) {
                    // State change and call record become visible together to the awaiting test.
                    try {
                        reply = dispatch(method, params, at, nanos);
                    } catch (Exception e) {
                        reply = Reply.error(500, "Internal Server Error: fake failed: " + e);
                    }
                    record(method, params, reply.status(), at, nanos);
                }
                if (dropAfter != null) {
                    exchange.close(); // handled, but the answer never reaches the bot
                    return;
                }
            }
        } catch (Exception e) {
            reply = Reply.error(500, "Internal Server Error: fake failed: " + e);
        }
        byte[] body = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGone) {
            // The bot cancelled the call (e.g. a long poll at shutdown); nothing to do.
        } finally {
            exchange.close();
        }
    }

    /**
     * From now on, sends and edits over Telegram's flood limits (by arrival time) get 429 with retry_after,
     * as the real Bot API answers them; count them with {@code calls()} and {@link RecordedCall#status()}.
     */
    public synchronized void enforceTelegramLimits(int perSecond, Duration chatInterval, int groupPerMinute) {
        limits = new TelegramLimits(perSecond, chatInterval, groupPerMinute);
    }

    /** Null: answer normally; false: drop before handling; true: drop after handling. */
    private synchronized Boolean takeDrop(String method, JsonNode params) {
        if (method.equals("getupdates")) {
            if (droppedPolls > 0) {
                droppedPolls--;
                return false;
            }
            return null;
        }
        if (!params.hasNonNull("chat_id")) {
            return null;
        }
        long chatId;
        try {
            chatId = Long.parseLong(params.get("chat_id").asText());
        } catch (NumberFormatException notNumeric) {
            return null;
        }
        ArrayDeque<Boolean> drops = droppedConnections.get(chatId);
        return drops == null ? null : drops.pollFirst();
    }

    private Reply dispatch(String method, JsonNode params, Instant at, long nanos) throws InterruptedException {
        if (limits != null && (method.equals("sendmessage") || method.startsWith("editmessage")
                || method.equals("sendphoto"))) {
            int retryAfter = limits.admit(chatIdOf(params), nanos);
            if (retryAfter > 0) {
                return Reply.error(429, "Too Many Requests: retry after " + retryAfter,
                        NODES.objectNode().put("retry_after", retryAfter));
            }
        }
        return switch (method) {
            case "getme" -> Reply.ok(botUserJson());
            case "sendchataction", "deletemycommands", "setmycommands", "deletemessage" ->
                    Reply.ok(NODES.booleanNode(true));
            case "setwebhook" -> setWebhook(params);
            case "getwebhookinfo" -> Reply.ok(webhookInfo());
            case "deletewebhook" -> deleteWebhook();
            case "getmycommands" -> Reply.ok(lastCommands());
            case "getupdates" -> getUpdates(params);
            case "sendmessage" -> sendMessage(params, at);
            case "editmessagetext" -> editMessage(params, at, true);
            case "editmessagereplymarkup" -> editMessage(params, at, false);
            case "answercallbackquery" -> answerCallback(params, at);
            case "sendphoto" -> sendPhoto(params, at);
            case "getchatmember" -> getChatMember(params);
            default -> Reply.error(404, "Not Found: method not found");
        };
    }

    private Reply getUpdates(JsonNode params) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        int timeout = Math.max(0, Math.min(MAX_POLL_SECONDS, params.path("timeout").asInt(0)));
        synchronized (this) {
            pollsStarted++;
            if (webhookUrl != null) {
                return Reply.error(409, "Conflict: can't use getUpdates method while webhook is active; "
                        + "use deleteWebhook to delete the webhook first");
            }
            int generation = ++pollGeneration;
            notifyAll(); // ends an older poll with 409, as Telegram does
            // Like Telegram, the offset confirms (drops) older updates when the request arrives.
            queue.removeIf(update -> update.path("update_id").asLong() < offset);
            confirmedBelow = Math.max(confirmedBelow, offset);
            notifyAll();
            long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
            while (true) {
                if (generation != pollGeneration) {
                    return Reply.error(409, "Conflict: terminated by other getUpdates request; "
                            + "make sure that only one bot instance is running");
                }
                if (!pollFailures.isEmpty()) {
                    int status = pollFailures.pollFirst();
                    return Reply.error(status, status == 502 ? "Bad Gateway" : "Internal Server Error");
                }
                if (!queue.isEmpty() || closed) {
                    ArrayNode result = NODES.arrayNode();
                    queue.stream().limit(limit).forEach(update -> result.add(update.deepCopy()));
                    return Reply.ok(result);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Reply.ok(NODES.arrayNode());
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private synchronized Reply setWebhook(JsonNode params) {
        String url = params.path("url").asText("");
        if (url.isEmpty()) {
            return deleteWebhook();
        }
        webhookUrl = url;
        webhookSecret = params.hasNonNull("secret_token") ? params.get("secret_token").asText() : null;
        if (webhookPusher == null) {
            webhookPusher = new Thread(this::pushToWebhook, "fake-telegram-webhook");
            webhookPusher.setDaemon(true);
            webhookPusher.start();
        }
        notifyAll();
        return Reply.ok(NODES.booleanNode(true));
    }

    private synchronized Reply deleteWebhook() {
        webhookUrl = null;
        webhookSecret = null;
        return Reply.ok(NODES.booleanNode(true));
    }

    /** Like Telegram: the oldest pending update goes to the webhook, again and again until it gets a 2xx. */
    /** getWebhookInfo as Telegram answers it: the URL, the updates waiting, the last failed delivery. */
    private synchronized ObjectNode webhookInfo() {
        ObjectNode info = NODES.objectNode();
        info.put("url", webhookUrl == null ? "" : webhookUrl);
        info.put("has_custom_certificate", false);
        info.put("pending_update_count", webhookUrl == null ? 0 : queue.size());
        if (webhookLastErrorDate != 0) {
            info.put("last_error_date", webhookLastErrorDate);
            info.put("last_error_message", webhookLastErrorMessage);
        }
        return info;
    }

    private void pushToWebhook() {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build();
        while (true) {
            ObjectNode update;
            String url;
            String secret;
            synchronized (this) {
                while (!closed && (webhookUrl == null || queue.isEmpty())) {
                    try {
                        wait(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                update = queue.get(0);
                url = webhookRoute != null ? webhookRoute : webhookUrl;
                secret = webhookSecret;
            }
            int status = 0;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(update)));
                if (secret != null) {
                    request.header("X-Telegram-Bot-Api-Secret-Token", secret);
                }
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                status = 0;
            }
            synchronized (this) {
                webhookDeliveries.add(new WebhookDelivery(update.path("update_id").asLong(), status));
                if (status / 100 != 2) {
                    webhookLastErrorDate = Instant.now().getEpochSecond();
                    webhookLastErrorMessage = status == 0 ? "Connection refused"
                            : "Wrong response from the webhook: " + status;
                }
                if (status / 100 == 2) {
                    queue.remove(update);
                }
                notifyAll();
                if (status / 100 != 2) {
                    try {
                        wait(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private synchronized Reply sendMessage(JsonNode params, Instant at) {
        long chatId = chatIdOf(params);
        Reply failure = failureFor(chatId);
        if (failure != null) {
            return failure;
        }
        String text = params.path("text").asText("");
        if (text.isEmpty()) {
            return Reply.error(400, "Bad Request: message text is empty");
        }
        int messageId = nextMessageId(chatId);
        Integer thread = params.hasNonNull("message_thread_id")
                ? Integer.valueOf(params.get("message_thread_id").asInt()) : null;
        Integer replyTo = null;
        if (params.path("reply_parameters").hasNonNull("message_id")) {
            replyTo = params.path("reply_parameters").get("message_id").asInt();
        } else if (params.hasNonNull("reply_to_message_id")) {
            replyTo = params.get("reply_to_message_id").asInt();
        }
        boolean noPreview = params.path("link_preview_options").path("is_disabled").asBoolean(false)
                || params.path("disable_web_page_preview").asBoolean(false);
        SentMessage message = new SentMessage(chatId, messageId, text, params.path("parse_mode").asText(null),
                buttonsOf(params.path("reply_markup")), thread, replyTo, noPreview,
                params.path("disable_notification").asBoolean(false), at);
        botMessages.computeIfAbsent(chatId, id -> new HashMap<>()).put(messageId, message);
        sends.computeIfAbsent(chatId, id -> new ArrayList<>()).add(message);
        notifyAll();
        return Reply.ok(messageJson(message, false));
    }

    private synchronized Reply editMessage(JsonNode params, Instant at, boolean withText) {
        long chatId = chatIdOf(params);
        Reply failure = failureFor(chatId);
        if (failure != null) {
            return failure;
        }
        int messageId = params.path("message_id").asInt();
        SentMessage current = botMessages.getOrDefault(chatId, Map.of()).get(messageId);
        if (current == null) {
            return Reply.error(400, "Bad Request: message to edit not found");
        }
        String text = withText ? params.path("text").asText("") : current.text();
        if (text.isEmpty()) {
            return Reply.error(400, "Bad Request: message text is empty");
        }
        // Like Telegram: an edit without reply_markup removes the inline keyboard.
        List<List<SentButton>> buttons = buttonsOf(params.path("reply_markup"));
        if (text.equals(current.text()) && buttons.equals(current.buttons())) {
            return Reply.error(400, "Bad Request: message is not modified: specified new message content and "
                    + "reply markup are exactly the same as a current content and reply markup of the message");
        }
        SentMessage edited = new SentMessage(chatId, messageId, text,
                withText ? params.path("parse_mode").asText(null) : current.parseMode(), buttons,
                current.messageThreadId(), current.replyToMessageId(),
                withText ? params.path("link_preview_options").path("is_disabled").asBoolean(false)
                        : current.linkPreviewDisabled(), current.silent(), at);
        botMessages.get(chatId).put(messageId, edited);
        edits.computeIfAbsent(chatId + ":" + messageId, k -> new ArrayList<>()).add(edited);
        notifyAll();
        return Reply.ok(messageJson(edited, true));
    }

    private synchronized Reply answerCallback(JsonNode params, Instant at) {
        String id = params.path("callback_query_id").asText();
        callbackAnswers.put(id, new CallbackAnswer(id, params.hasNonNull("text") ? params.get("text").asText() : null,
                params.path("show_alert").asBoolean(false), at));
        notifyAll();
        return Reply.ok(NODES.booleanNode(true));
    }

    private synchronized Reply sendPhoto(JsonNode params, Instant at) {
        long chatId = chatIdOf(params);
        Reply failure = failureFor(chatId);
        if (failure != null) {
            return failure;
        }
        String photo = params.path("photo").asText("");
        String partName = photo.startsWith("attach://") ? photo.substring("attach://".length()) : null;
        int bytes = partName == null ? 0 : params.path("__file_sizes").path(partName).asInt(0);
        boolean png = partName != null && params.path("__file_png").path(partName).asBoolean(false);
        byte[] data = new byte[0];
        try {
            if (partName != null && params.path("__file_data").hasNonNull(partName)) {
                data = params.path("__file_data").get(partName).binaryValue();
            }
        } catch (IOException e) {
            return Reply.error(400, "Bad Request: unreadable photo");
        }
        String caption = params.path("caption").asText(null);
        photos.add(new PhotoUpload(chatId, caption, bytes, png, at, data));
        int messageId = nextMessageId(chatId);
        ObjectNode message = NODES.objectNode();
        message.put("message_id", messageId);
        message.put("date", at.getEpochSecond());
        message.set("chat", chatJson(chatId));
        message.set("from", botUserJson());
        ArrayNode sizes = message.putArray("photo");
        sizes.addObject().put("file_id", "photo-" + chatId + "-" + messageId).put("file_unique_id", "u" + messageId)
                .put("width", 800).put("height", 400).put("file_size", bytes);
        if (caption != null) {
            message.put("caption", caption);
        }
        notifyAll();
        return Reply.ok(message);
    }

    private Reply getChatMember(JsonNode params) {
        long chatId = chatIdOf(params);
        long userId = params.path("user_id").asLong();
        String status = memberStatus.getOrDefault(chatId, Map.of()).getOrDefault(userId, "member");
        ObjectNode member = NODES.objectNode().put("status", status);
        member.set("user", userId == BOT_ID ? botUserJson() : userJson(userId));
        if (status.equals("creator")) {
            member.put("is_anonymous", false);
        } else if (status.equals("administrator")) {
            member.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                    .put("can_delete_messages", true).put("can_manage_video_chats", true)
                    .put("can_restrict_members", true).put("can_promote_members", false)
                    .put("can_change_info", true).put("can_invite_users", true).put("can_post_stories", false)
                    .put("can_edit_stories", false).put("can_delete_stories", false).put("can_pin_messages", true);
        }
        return Reply.ok(member);
    }

    /** Outage / 403 / 429 / 400 / 5xx if a switch is set (for the chat); consumes one-shot switches. */
    private Reply failureFor(long chatId) {
        if (outageStatus != 0) {
            return Reply.error(outageStatus, outageStatus == 502 ? "Bad Gateway" : "Internal Server Error");
        }
        if (neverStarted.contains(chatId)) {
            return Reply.error(403, "Forbidden: bot can't initiate conversation with a user");
        }
        if (blocked.contains(chatId)) {
            return Reply.error(403, chatId < 0 ? "Forbidden: bot was kicked from the group chat"
                    : "Forbidden: bot was blocked by the user");
        }
        ArrayDeque<Integer> limits = rateLimited.get(chatId);
        if (limits != null && !limits.isEmpty()) {
            int retryAfter = limits.pollFirst();
            return Reply.error(429, "Too Many Requests: retry after " + retryAfter,
                    NODES.objectNode().put("retry_after", retryAfter));
        }
        ArrayDeque<String> refusals = badRequests.get(chatId);
        if (refusals != null && !refusals.isEmpty()) {
            return Reply.error(400, refusals.pollFirst());
        }
        ArrayDeque<Integer> errors = serverErrors.get(chatId);
        if (errors != null && !errors.isEmpty()) {
            int status = errors.pollFirst();
            return Reply.error(status, status == 502 ? "Bad Gateway" : "Internal Server Error");
        }
        return null;
    }

    private synchronized JsonNode lastCommands() {
        List<RecordedCall> set = calls("setmycommands").stream()
                .filter(call -> call.params().path("scope").path("type").asText("default").equals("default")).toList();
        return set.isEmpty() ? NODES.arrayNode() : set.get(set.size() - 1).params().path("commands");
    }

    private synchronized void record(String method, JsonNode params, int status, Instant at, long nanos) {
        Long chatId = null;
        if (params.hasNonNull("chat_id")) {
            try {
                chatId = Long.parseLong(params.get("chat_id").asText());
            } catch (NumberFormatException ignored) {
                // "@channelname": not a numeric chat
            }
        }
        calls.add(new RecordedCall(method, chatId, params, status, at, nanos));
        notifyAll();
    }

    // =========================================================================================
    // Request parsing
    // =========================================================================================

    private static JsonNode readParams(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        ObjectNode params = NODES.objectNode();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            formInto(query, params);
        }
        if (body.length == 0) {
            return params;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            multipartInto(body, contentType, params);
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            formInto(new String(body, StandardCharsets.UTF_8), params);
        } else {
            JsonNode json = JSON.readTree(body);
            if (json instanceof ObjectNode object) {
                params.setAll(object);
            }
        }
        return params;
    }

    private static void formInto(String form, ObjectNode params) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            putField(params, key, value);
        }
    }

    /** Fields become strings (JSON-looking ones are parsed); files are recorded by size under "__file_sizes". */
    private static void multipartInto(byte[] body, String contentType, ObjectNode params) throws IOException {
        String boundary = null;
        for (String piece : contentType.split(";")) {
            String p = piece.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                boundary = p.substring("boundary=".length()).replace("\"", "");
            }
        }
        if (boundary == null) {
            throw new IOException("multipart without boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        ObjectNode sizes = params.putObject("__file_sizes");
        ObjectNode pngs = params.putObject("__file_png");
        ObjectNode files = params.putObject("__file_data");
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int partStart = pos + delimiter.length;
            if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
                break; // closing delimiter
            }
            partStart += 2; // CRLF
            int next = indexOf(body, delimiter, partStart);
            if (next < 0) {
                break;
            }
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), partStart);
            String headers = new String(body, partStart, headerEnd - partStart, StandardCharsets.UTF_8);
            int contentStart = headerEnd + 4;
            int contentEnd = next - 2; // CRLF before the delimiter
            String name = headerValue(headers, "name");
            String fileName = headerValue(headers, "filename");
            if (name != null) {
                if (fileName != null) {
                    int length = Math.max(0, contentEnd - contentStart);
                    sizes.put(name, length);
                    files.put(name, java.util.Arrays.copyOfRange(body, contentStart, contentStart + length));
                    pngs.put(name, length >= 8 && (body[contentStart] & 0xff) == 0x89 && body[contentStart + 1] == 'P'
                            && body[contentStart + 2] == 'N' && body[contentStart + 3] == 'G');
                } else {
                    putField(params, name, new String(body, contentStart, Math.max(0, contentEnd - contentStart),
                            StandardCharsets.UTF_8));
                }
            }
            pos = next;
        }
    }

    private static void putField(ObjectNode params, String key, String value) {
        String v = value.strip();
        if ((v.startsWith("{") && v.endsWith("}")) || (v.startsWith("[") && v.endsWith("]"))) {
            try {
                params.set(key, JSON.readTree(v));
                return;
            } catch (IOException notJson) {
                // keep the string
            }
        }
        params.put(key, value);
    }

    private static String headerValue(String headers, String attribute) {
        String marker = " " + attribute + "=\"";
        int start = headers.indexOf(marker);
        if (start < 0) {
            marker = ";" + attribute + "=\"";
            start = headers.indexOf(marker);
        }
        if (start < 0) {
            return null;
        }
        int from = start + marker.length();
        int end = headers.indexOf('"', from);
        return end < 0 ? null : headers.substring(from, end);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long chatIdOf(JsonNode params) {
        if (!params.hasNonNull("chat_id")) {
            throw new IllegalArgumentException("chat_id is missing");
        }
        return Long.parseLong(params.get("chat_id").asText());
    }

    private static List<List<SentButton>> buttonsOf(JsonNode markup) {
        List<List<SentButton>> rows = new ArrayList<>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            List<SentButton> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                buttons.add(new SentButton(button.path("text").asText(),
                        button.hasNonNull("callback_data") ? button.get("callback_data").asText() : null,
                        button.hasNonNull("url") ? button.get("url").asText() : null));
            }
            rows.add(List.copyOf(buttons));
        }
        return List.copyOf(rows);
    }

    // =========================================================================================
    // Update and object JSON
    // =========================================================================================

    private record Pushed(long updateId, int messageId) {
    }

    private Pushed userWrites(long userId, long chatId, Integer threadId, String text, boolean twice) {
        synchronized (this) {
            int messageId = nextMessageId(chatId);
            ObjectNode message = NODES.objectNode();
            message.put("message_id", messageId);
            message.set("from", userJson(userId));
            message.set("chat", chatJson(chatId));
            message.put("date", Instant.now().getEpochSecond());
            message.put("text", text);
            if (threadId != null) {
                message.put("message_thread_id", threadId).put("is_topic_message", true);
            }
            if (text.startsWith("/")) {
                int end = 1;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", end);
            }
            ObjectNode update = NODES.objectNode();
            update.set("message", message);
            long updateId = push(update);
            if (twice) {
                enqueue(update.deepCopy());
            }
            return new Pushed(updateId, messageId);
        }
    }

    private ObjectNode memberUpdate(long userId, long chatId, String oldStatus, String newStatus) {
        ObjectNode member = NODES.objectNode();
        member.set("chat", chatJson(chatId));
        member.set("from", userJson(userId));
        member.put("date", Instant.now().getEpochSecond());
        ObjectNode old = member.putObject("old_chat_member").put("status", oldStatus);
        old.set("user", botUserJson());
        ObjectNode now = member.putObject("new_chat_member").put("status", newStatus);
        now.set("user", botUserJson());
        if (newStatus.equals("kicked")) {
            now.put("until_date", 0);
        }
        ObjectNode update = NODES.objectNode();
        update.set("my_chat_member", member);
        return update;
    }

    /** Assigns the next update id, remembers the update and queues it. Caller holds the lock. */
    private long push(ObjectNode update) {
        long updateId = UPDATE_IDS.incrementAndGet();
        update.put("update_id", updateId);
        pushed.put(updateId, update.deepCopy());
        long chatId = update.path("message").path("chat").path("id").asLong(
                update.path("callback_query").path("message").path("chat").path("id").asLong(
                        update.path("my_chat_member").path("chat").path("id").asLong(0)));
        lastUpdateIdByChat.put(chatId, updateId);
        enqueue(update);
        return updateId;
    }

    private void enqueue(ObjectNode update) {
        queue.add(update);
        queue.sort(Comparator.comparingLong(u -> u.path("update_id").asLong()));
        notifyAll();
    }

    private int nextMessageId(long chatId) {
        int id = nextMessageId.merge(chatId, 1, Integer::sum);
        return id;
    }

    private ObjectNode messageJson(SentMessage message, boolean edited) {
        ObjectNode json = NODES.objectNode();
        json.put("message_id", message.messageId());
        json.put("date", message.at().getEpochSecond());
        if (edited) {
            json.put("edit_date", message.at().getEpochSecond());
        }
        json.set("chat", chatJson(message.chatId()));
        json.set("from", botUserJson());
        json.put("text", message.text());
        if (message.messageThreadId() != null) {
            json.put("message_thread_id", message.messageThreadId());
        }
        if (message.hasButtons()) {
            ArrayNode rows = json.putObject("reply_markup").putArray("inline_keyboard");
            for (List<SentButton> row : message.buttons()) {
                ArrayNode jsonRow = rows.addArray();
                for (SentButton button : row) {
                    ObjectNode b = jsonRow.addObject().put("text", button.text());
                    if (button.callbackData() != null) {
                        b.put("callback_data", button.callbackData());
                    }
                    if (button.url() != null) {
                        b.put("url", button.url());
                    }
                }
            }
        }
        return json;
    }

    private ObjectNode minimalMessage(long chatId, int messageId) {
        ObjectNode json = NODES.objectNode();
        json.put("message_id", messageId);
        json.put("date", Instant.now().getEpochSecond());
        json.set("chat", chatJson(chatId));
        json.set("from", botUserJson());
        json.put("text", "(unknown message)");
        return json;
    }

    private static ObjectNode botUserJson() {
        return NODES.objectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Margin Sentinel")
                .put("username", BOT_USERNAME).put("can_join_groups", true)
                .put("can_read_all_group_messages", false).put("supports_inline_queries", false);
    }

    private ObjectNode userJson(long userId) {
        String first = userNames.getOrDefault(userId, "User");
        ObjectNode user = NODES.objectNode().put("id", userId).put("is_bot", false).put("first_name", first);
        String language = userLanguages.getOrDefault(userId, "en");
        if (language != null) {
            user.put("language_code", language);
        }
        if (!userNames.containsKey(userId)) {
            user.put("last_name", String.valueOf(userId));
        }
        return user;
    }

    private ObjectNode chatJson(long chatId) {
        ObjectNode chat = NODES.objectNode().put("id", chatId);
        if (chatId > 0) {
            chat.put("type", "private").put("first_name", "User").put("last_name", String.valueOf(chatId));
        } else {
            chat.put("type", chatId < -1_000_000_000_000L ? "supergroup" : "group").put("title", "Group " + chatId);
            if (forums.contains(chatId)) {
                chat.put("is_forum", true);
            }
        }
        return chat;
    }

    // =========================================================================================
    // Waiting and failure messages
    // =========================================================================================

    /** Waits on the monitor until notified or the deadline; false once the deadline has passed. */
    private boolean waitUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            wait(Math.max(1, Math.min(left / 1_000_000, 50)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private String describeChat(long chatId) {
        List<SentMessage> sent = sends.getOrDefault(chatId, List.of());
        int cursor = sendCursor.getOrDefault(chatId, 0);
        String messages = sent.isEmpty() ? "  (none)"
                : sent.stream().map(m -> "  " + (sent.indexOf(m) < cursor ? "[returned] " : "") + m.summary())
                .collect(Collectors.joining("\n"));
        List<RecordedCall> chatCalls = callsTo(chatId);
        String callLines = chatCalls.isEmpty() ? "  (none)"
                : chatCalls.stream().map(c -> "  " + c).collect(Collectors.joining("\n"));
        return "Messages sent to chat " + chatId + ":\n" + messages + "\nCalls for chat " + chatId + ":\n" + callLines
                + "\nUpdates still queued: " + queue.size() + ", total calls: " + calls.size();
    }
}
