package org.marginsentinel.adapter.telegram.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.telegram.connection.BotConnection;
import org.marginsentinel.adapter.telegram.connection.TelegramConfig;
import org.marginsentinel.adapter.telegram.connection.TelegramStatus;
import org.marginsentinel.adapter.telegram.connection.TelegramStatus.WebhookHealth;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;

/**
 * In webhook mode, asks Telegram every minute how its deliveries to us go (getWebhookInfo): a webhook Telegram
 * cannot reach (TLS, proxy, firewall) fails quietly on Telegram's side while it keeps the updates. The answer goes
 * to readiness ({@link TelegramStatus}) and, once per new failure, to the log.
 */
@ApplicationScoped
public class WebhookWatch {

    private static final Logger LOG = Logger.getLogger(WebhookWatch.class);
    /** A failed delivery counts as current for this long (Telegram retries a failing webhook for up to a day). */
    static final Duration RECENT = Duration.ofMinutes(5);

    @Inject
    BotConnection connection;
    @Inject
    TelegramStatus status;
    @Inject
    TelegramConfig config;
    @Inject
    Clock clock;

    private long lastLoggedErrorDate;
    private String lastLoggedUrl;

    @Scheduled(identity = "telegram-webhook-watch", every = "60s", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check();
    }

    /** One look now; empty when not in webhook mode, not running, or Telegram could not be asked. */
    public synchronized Optional<WebhookHealth> check() {
        TelegramStatus.Snapshot now = status.snapshot();
        BotConnection.Link link = connection.link();
        String ours = config.webhook().url().map(String::strip).orElse(null);
        if (now.mode() != TelegramStatus.Mode.WEBHOOK || !now.running() || link == null || ours == null) {
            return Optional.empty();
        }
        WebhookInfo info;
        try {
            info = link.client().execute(new GetWebhookInfo());
        } catch (Exception e) {
            LOG.debugf("getWebhookInfo failed (%s); trying again in a minute", e.getMessage());
            return Optional.empty();
        }
        long errorDate = info.getLastErrorDate() == null ? 0 : info.getLastErrorDate();
        boolean recent = errorDate > 0 && clock.instant().getEpochSecond() - errorDate <= RECENT.toSeconds();
        int pending = info.getPendingUpdatesCount() == null ? 0 : info.getPendingUpdatesCount();
        WebhookHealth health = new WebhookHealth(pending, recent ? info.getLastErrorMessage() : null, info.getUrl(),
                ours.equals(info.getUrl()));
        status.webhookChecked(health);
        if (recent && errorDate != lastLoggedErrorDate) {
            lastLoggedErrorDate = errorDate;
            LOG.warnf("Telegram could not deliver to the webhook: \"%s\" (%d update(s) waiting). Check that %s is"
                    + " reachable from the internet over HTTPS.", info.getLastErrorMessage(), pending, ours);
        }
        if (!health.urlAsConfigured() && !Objects.equals(info.getUrl(), lastLoggedUrl)) {
            lastLoggedUrl = info.getUrl();
            LOG.errorf("Telegram delivers this bot's updates to \"%s\", not to %s: another process changed the"
                    + " webhook. Restart this one to register it again.", info.getUrl(), ours);
        }
        return Optional.of(health);
    }
}
