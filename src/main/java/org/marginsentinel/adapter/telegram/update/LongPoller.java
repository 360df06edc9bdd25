package org.marginsentinel.adapter.telegram.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jboss.logging.Logger;

/**
 * The getUpdates loop, on its own daemon thread. TelegramBots 10.x keeps the last update id in an
 * {@code AtomicInteger} and parses {@code update_id} as Integer, so from Telegram's update 2³¹ on its poller wedges;
 * this loop carries the offset as a long and reads updates through {@link ReceivedUpdate}.
 *
 * <ul>
 *   <li>Each batch goes to the consumer, which stores it durably before returning; only then does the next poll ask
 *       for {@code offset = last + 1}, which confirms the batch to Telegram. A batch not stored when the bot stops is
 *       never confirmed, so Telegram delivers it again to the next start (which begins at offset 1).</li>
 *   <li>An update that cannot be read is logged and stepped over (it would come back forever otherwise).</li>
 *   <li>Failures (no answer, 5xx, 409 "terminated by other getUpdates request" from a second instance) wait an
 *       exponential back-off ({@value #FIRST_BACKOFF_MILLIS} ms × 1.5, at most {@value #MAX_BACKOFF_MILLIS} ms, with
 *       jitter); a 429 waits its {@code retry_after}. A new kind of failure is logged at WARN, repeats at DEBUG.</li>
 *   <li>{@link #close()} aborts the waiting long poll and the back-off without interrupting a batch being stored,
 *       and waits for the thread to end.</li>
 * </ul>
 */
public final class LongPoller implements AutoCloseable {

    static final long FIRST_BACKOFF_MILLIS = 500;
    static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(LongPoller.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 100;
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final OkHttpClient http;
    private final HttpUrl getUpdates;
    private final int timeoutSeconds;
    private final List<String> allowedUpdates;
    private final Consumer<List<ReceivedUpdate>> consumer;
    private final Object sleeper = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Call inFlight;
    /** Written by the poller thread only. */
    private volatile long lastReceived;
    // Read and written by the poller thread only.
    private long backoffMillis;
    private String lastProblem;

    /**
     * Starts polling at once.
     *
     * @param botApi   the Bot API's base for this bot: {@code <scheme>://<host>:<port>/bot<token>/}
     * @param consumer gets every batch; must store it durably before returning and never throw
     */
    public LongPoller(OkHttpClient http, HttpUrl botApi, int timeoutSeconds, List<String> allowedUpdates,
            Consumer<List<ReceivedUpdate>> consumer) {
        this.http = http;
        this.getUpdates = Objects.requireNonNull(botApi.resolve("getUpdates"), "getUpdates URL");
        this.timeoutSeconds = timeoutSeconds;
        this.allowedUpdates = List.copyOf(allowedUpdates);
        this.consumer = consumer;
        this.thread = new Thread(this::run, "telegram-poller");
        thread.setDaemon(true);
        thread.start();
    }

    /** The highest update id received so far (0 before the first), for tests and logs. */
    public long lastReceived() {
        return lastReceived;
    }

    /** Whether the poll thread has ended (after {@link #close()}). */
    public boolean ended() {
        return !thread.isAlive();
    }

    private void run() {
        while (running) {
            long waitMillis;
            try {
                waitMillis = pollOnce();
            } catch (IOException e) {
                if (!running) {
                    break; // our own close() cancelled the call
                }
                waitMillis = failed("no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", 0);
            } catch (RuntimeException e) {
                LOG.errorf(e, "The Telegram poll loop failed unexpectedly; retrying");
                waitMillis = failed("unexpected " + e, 0);
            }
            if (waitMillis > 0) {
                pause(waitMillis);
            }
        }
        LOG.debug("Telegram poll loop ended");
    }

    /** One getUpdates call; returns how long to wait before the next one. */
    private long pollOnce() throws IOException {
        Call call = http.newCall(request(lastReceived + 1));
        inFlight = call;
        if (!running) {
            call.cancel();
        }
        try (Response response = call.execute()) {
            JsonNode body = parse(response.body());
            if (response.isSuccessful() && body.path("ok").asBoolean(false) && body.path("result").isArray()) {
                recovered();
                deliver(body.get("result"));
                return 0;
            }
            int code = body.path("error_code").asInt(response.code());
            String description = body.path("description").asText(response.message());
            long retryAfterSeconds = body.path("parameters").path("retry_after").asLong(0);
            String problem = "HTTP " + code + (description.isBlank() ? "" : " " + description)
                    + (code == 409 ? " (another process polls with this token, or a webhook is set)" : "");
            return failed(problem, retryAfterSeconds * 1000);
        } finally {
            inFlight = null;
        }
    }

    private Request request(long offset) {
        ObjectNode params = JSON.createObjectNode()
                .put("offset", offset)
                .put("limit", LIMIT)
                .put("timeout", timeoutSeconds);
        allowedUpdates.forEach(params.putArray("allowed_updates")::add);
        return new Request.Builder().url(getUpdates).post(RequestBody.create(params.toString(), JSON_TYPE)).build();
    }

    private static JsonNode parse(ResponseBody body) {
        try {
            return body == null ? JSON.createObjectNode() : JSON.readTree(body.string());
        } catch (IOException e) {
            return JSON.createObjectNode(); // not JSON (a proxy's HTML page): judged by the HTTP status
        }
    }

    /** Hands the new updates of one answer to the consumer; steps over those it cannot read. */
    private void deliver(JsonNode result) {
        List<ReceivedUpdate> batch = new ArrayList<>(result.size());
        long highest = lastReceived;
        for (JsonNode node : result) {
            long id = ReceivedUpdate.idOf(node);
            if (id >= 0 && id <= lastReceived) {
                continue; // received before (an answer racing a restart of the loop): the dispatcher has it
            }
            try {
                batch.add(ReceivedUpdate.of(node));
            } catch (IOException | RuntimeException e) {
                LOG.errorf("Update %d from getUpdates could not be read and is skipped: %s", id, e.getMessage());
            }
            highest = Math.max(highest, id);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
        lastReceived = highest;
    }

    private void recovered() {
        backoffMillis = 0;
        if (lastProblem != null) {
            LOG.infof("getUpdates works again (after: %s)", lastProblem);
            lastProblem = null;
        }
    }

    /** Logs a new problem once and returns the wait: Telegram's retry_after if given, else the next back-off. */
    private long failed(String problem, long retryAfterMillis) {
        backoffMillis = backoffMillis == 0 ? FIRST_BACKOFF_MILLIS
                : Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 3 / 2);
        long jittered = backoffMillis / 2 + ThreadLocalRandom.current().nextLong(backoffMillis / 2 + 1);
        long wait = Math.max(retryAfterMillis, jittered);
        if (!problem.equals(lastProblem)) {
            LOG.warnf("getUpdates failed: %s; retrying with back-off (logged again when the reason changes)", problem);
            lastProblem = problem;
        } else {
            LOG.debugf("getUpdates failed again: %s; next try in %d ms", problem, wait);
        }
        return wait;
    }

    private void pause(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (sleeper) {
            while (running) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                try {
                    sleeper.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                    return;
                }
            }
        }
    }

    /**
     * Stops polling: cancels the long poll waiting at Telegram and any back-off, lets a batch being handed over finish
     * (it is stored, or left unconfirmed for the next start), and waits for the thread to end.
     */
    @Override
    public void close() {
        running = false;
        Call call = inFlight;
        if (call != null) {
            call.cancel();
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warnf("The Telegram poll loop did not end within %d s", STOP_WAIT.toSeconds());
        }
    }
}
