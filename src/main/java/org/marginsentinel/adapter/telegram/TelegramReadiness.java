package org.marginsentinel.adapter.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.marginsentinel.adapter.telegram.connection.TelegramStatus;

/**
 * "Telegram" in {@code /q/health/ready}.
 * <ul>
 *   <li>No token: UP with {@code mode=disabled}. Running without a bot is a choice, and the risk API
 *       this instance serves works; a deployment that needs the bot checks {@code mode}.</li>
 *   <li>Token set but the bot is not running (rejected token, Telegram unreachable at start, webhook
 *       misconfigured, stopped): DOWN with the reason.</li>
 *   <li>Long polling: DOWN after {@value #FAILED_POLLS_DOWN} failed getUpdates calls in a row (e.g. 409
 *       when a second instance polls the same token), until a poll succeeds or has been waiting for
 *       updates for {@link #HELD_POLL} (Telegram answers errors at once; a poll it holds is a healthy
 *       one on a quiet bot). Also DOWN when no poll has started or ended for {@link #STUCK_AFTER} (a
 *       long poll lasts at most 50 s plus its read timeout).</li>
 *   <li>Webhook: UP once setWebhook succeeded; {@code lastUpdateSecondsAgo} shows traffic. DOWN when Telegram
 *       (asked every minute by {@link org.marginsentinel.adapter.telegram.webhook.WebhookWatch}) holds updates
 *       after a failed delivery in the last minutes, or delivers to another URL.</li>
 * </ul>
 */
@Readiness
@ApplicationScoped
public class TelegramReadiness implements HealthCheck {

    static final String NAME = "Telegram";
    static final int FAILED_POLLS_DOWN = 3;
    static final Duration STUCK_AFTER = Duration.ofMinutes(3);
    static final Duration HELD_POLL = Duration.ofSeconds(15);

    @Inject
    TelegramStatus status;

    @Override
    public HealthCheckResponse call() {
        TelegramStatus.Snapshot now = status.snapshot();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("mode", now.mode().name().toLowerCase(java.util.Locale.ROOT));
        if (now.mode() == TelegramStatus.Mode.DISABLED) {
            return response.up().withData("reason", "no bot token: the bot is off, the risk API serves").build();
        }
        if (!now.running()) {
            return response.down().withData("reason", now.problem() == null ? "starting" : now.problem()).build();
        }
        if (now.mode() == TelegramStatus.Mode.WEBHOOK) {
            boolean up = now.webhookSet();
            if (now.sinceLastWebhookUpdate() != null) {
                response.withData("lastUpdateSecondsAgo", now.sinceLastWebhookUpdate().toSeconds());
            }
            TelegramStatus.WebhookHealth health = now.webhookHealth();
            if (health != null) {
                response.withData("pendingUpdates", health.pendingUpdates());
                if (!health.urlAsConfigured()) {
                    up = false;
                    response.withData("reason", "Telegram delivers to another URL: " + health.registeredUrl());
                } else if (health.recentError() != null) {
                    response.withData("lastDeliveryError", health.recentError());
                    // Telegram holds updates it could not deliver: that is an outage for the users.
                    if (health.pendingUpdates() > 0) {
                        up = false;
                        response.withData("reason", "Telegram cannot deliver to the webhook");
                    }
                }
            }
            return response.status(up).build();
        }
        boolean held = now.pollInFlightFor() != null && now.pollInFlightFor().compareTo(HELD_POLL) >= 0;
        boolean failing = now.failedPollsInARow() >= FAILED_POLLS_DOWN && !held;
        boolean stuck = now.sinceLastPollActivity() != null && now.sinceLastPollActivity().compareTo(STUCK_AFTER) > 0;
        response.status(!failing && !stuck).withData("failedPollsInARow", now.failedPollsInARow());
        if (now.sinceLastPollOk() != null) {
            response.withData("lastPollOkSecondsAgo", now.sinceLastPollOk().toSeconds());
        }
        if (now.lastPollError() != null) {
            response.withData("lastPollError", now.lastPollError());
        }
        if (stuck) {
            response.withData("reason", "no getUpdates call for " + now.sinceLastPollActivity().toSeconds() + " s");
        } else if (failing) {
            response.withData("reason", "getUpdates failed " + now.failedPollsInARow() + " times in a row: "
                    + now.lastPollError());
        }
        return response.build();
    }
}
