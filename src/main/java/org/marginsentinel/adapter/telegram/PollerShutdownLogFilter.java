package org.marginsentinel.adapter.telegram;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the two lines TelegramBots' long-polling session logs when we stop it: stopping cancels the
 * long poll still waiting at Telegram (it would otherwise hold shutdown for up to 50 s), and the
 * library reports that cancel as an ERROR with a stack trace ("[Error Occurred After Shutdown]") and
 * the interrupted back-off as a WARN. Both say only that the bot stopped, which we log ourselves;
 * every other line of that logger is kept. Installed on the console by {@code quarkus.log.console.filter}.
 */
@LoggingFilter(name = PollerShutdownLogFilter.NAME)
public final class PollerShutdownLogFilter implements Filter {

    public static final String NAME = "telegram-poller-shutdown";
    private static final String SESSION_LOGGER = "org.telegram.telegrambots.longpolling.BotSession";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!SESSION_LOGGER.equals(record.getLoggerName()) || record.getMessage() == null) {
            return true;
        }
        String message = record.getMessage();
        return !(message.contains("[Error Occurred After Shutdown]")
                || message.contains("got interrupted while sleeping in backoff mode"));
    }
}
