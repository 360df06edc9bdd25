package org.marginsentinel.adapter.telegram.connection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code sentinel.telegram.*}; every key is documented in application.properties. */
@ConfigMapping(prefix = "sentinel.telegram")
public interface TelegramConfig {

    /** Bot token from @BotFather. Empty: the bot does not start (the rest of the service does). */
    Optional<String> token();

    /** Bot API base, scheme://host[:port] without a path (TelegramBots has no base path). */
    @WithDefault("https://api.telegram.org")
    String apiUrl();

    /** Global send budget across all chats. */
    @WithDefault("30")
    int maxMessagesPerSecond();

    /** Minimum gap between two messages to the same chat. */
    @WithDefault("1s")
    Duration chatInterval();

    /** At most this many messages per sliding minute to one group (negative chat id). */
    @WithDefault("20")
    int groupMessagesPerMinute();

    /** Workers that run command handlers; one chat is always handled in order on one of them. */
    @WithDefault("8")
    int handlerThreads();

    /** How long a Confirm / Cancel question stays answerable. */
    @WithDefault("2m")
    Duration confirmationTtl();

    /** How long the action buttons under a warning (add margin, close, deposit, snooze) stay usable; once each. */
    @WithDefault("5m")
    Duration warningButtonTtl();

    /**
     * Flood limit per user: messages and button presses one user may send at once (over all chats)
     * before the bot skips them. 0 turns the limit off.
     */
    @WithDefault("20")
    int userBurst();

    /** Flood limit per user: messages and button presses per second a user may keep sending after the burst. */
    @WithDefault("2")
    double userRate();

    /** Outbox calls in flight at once: this or {@link #maxMessagesPerSecond()}, whichever is more. */
    @WithDefault("4")
    int senderThreads();

    /** Webhook mode instead of long polling ({@code sentinel.telegram.webhook.*}). */
    Webhook webhook();

    interface Webhook {

        /**
         * The public HTTPS URL Telegram posts updates to; it must reach {@code POST /telegram/webhook}
         * of this service. Empty: long polling.
         */
        Optional<String> url();

        /** Sent back by Telegram in {@code X-Telegram-Bot-Api-Secret-Token}; required with {@link #url()}. */
        Optional<String> secret();

        /** Most simultaneous webhook connections Telegram may open (1–100). */
        @WithDefault("40")
        int maxConnections();
    }
}
