package org.marginsentinel.adapter.telegram.connection;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * How the bot's link to Telegram is doing right now, for the readiness check: whether the bot is
 * meant to run, why it does not, and how the last getUpdates calls (long polling) or the webhook
 * registration went. {@link org.marginsentinel.adapter.telegram.TelegramBot TelegramBot},
 * {@link org.marginsentinel.adapter.telegram.ApiCallObserver ApiCallObserver} and the webhook endpoint write
 * it; nothing here talks to Telegram. Ages use the monotonic clock, so a test that moves the
 * application clock cannot make polling look stuck.
 */
@ApplicationScoped
public class TelegramStatus {

    /** How updates reach the bot. */
    public enum Mode { DISABLED, POLLING, WEBHOOK }

    private Mode mode = Mode.DISABLED;
    private boolean running;
    private String problem;
    private long lastPollOk;
    private long lastPollActivity;
    private long pollInFlightSince;
    private String lastPollError;
    private int failedPollsInARow;
    private boolean webhookSet;
    private long lastWebhookUpdate;
    private WebhookHealth webhookHealth;

    /**
     * What Telegram last said about its deliveries to our webhook (getWebhookInfo).
     *
     * @param pendingUpdates  updates Telegram holds for us
     * @param recentError     its last failed delivery, when that was within the last minutes; else null
     * @param registeredUrl   the URL Telegram delivers to
     * @param urlAsConfigured whether that is ours (another process may have set another webhook, or deleted it)
     */
    public record WebhookHealth(int pendingUpdates, String recentError, String registeredUrl, boolean urlAsConfigured) {
    }

    /**
     * One consistent copy for the readiness check. Ages are null when the event never happened.
     *
     * @param problem why a bot that should run does not (start failure, rejected token, stopped)
     */
    public record Snapshot(Mode mode, boolean running, String problem, Duration sinceLastPollOk,
                           Duration sinceLastPollActivity, Duration pollInFlightFor, String lastPollError,
                           int failedPollsInARow, boolean webhookSet, Duration sinceLastWebhookUpdate,
                           WebhookHealth webhookHealth) {
    }

    public synchronized Snapshot snapshot() {
        long now = System.nanoTime();
        return new Snapshot(mode, running, problem, age(lastPollOk, now), age(lastPollActivity, now),
                age(pollInFlightSince, now), lastPollError, failedPollsInARow, webhookSet, age(lastWebhookUpdate, now),
                webhookHealth);
    }

    public synchronized void configured(Mode newMode) {
        mode = newMode;
    }

    public synchronized void started() {
        running = true;
        problem = null;
        failedPollsInARow = 0;
        lastPollError = null;
        lastPollActivity = System.nanoTime();
    }

    /** The bot is not running (any more), and why. */
    public synchronized void notRunning(String why) {
        running = false;
        problem = why;
        webhookSet = false;
        webhookHealth = null;
    }

    public synchronized void webhookRegistered() {
        webhookSet = true;
    }

    public synchronized void pollStarted() {
        lastPollActivity = System.nanoTime();
        pollInFlightSince = lastPollActivity;
    }

    public synchronized void pollSucceeded() {
        lastPollOk = System.nanoTime();
        lastPollActivity = lastPollOk;
        pollInFlightSince = 0;
        failedPollsInARow = 0;
        lastPollError = null;
    }

    public synchronized void pollFailed(String error) {
        lastPollActivity = System.nanoTime();
        pollInFlightSince = 0;
        lastPollError = error;
        failedPollsInARow++;
    }

    public synchronized void webhookChecked(WebhookHealth health) {
        webhookHealth = health;
    }

    /** A webhook request with the right secret arrived. */
    public synchronized void webhookUpdateReceived() {
        lastWebhookUpdate = System.nanoTime();
    }

    private static Duration age(long at, long now) {
        return at == 0 ? null : Duration.ofNanos(Math.max(0, now - at));
    }
}
