package org.marginsentinel.adapter.telegram;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Why the bot could not start, in words an operator can act on. TelegramBots wraps every network
 * failure in "Unable to execute getme method" and keeps the real cause (unknown host, refused
 * connection, TLS, timeout) deeper in the chain; this finds it and names the host. The token is
 * never part of the text.
 */
public final class StartFailure {

    private StartFailure() {
    }

    /** True when Telegram itself answered that the token is not valid: retrying cannot help. */
    public static boolean tokenRejected(Throwable failure) {
        return failure instanceof TelegramApiRequestException request && request.getErrorCode() != null
                && request.getErrorCode() == 401;
    }

    /**
     * One sentence naming the cause.
     *
     * @param apiHost the Bot API host (and port) the bot tried to reach, for the message
     * @param token   redacted wherever a library message repeats it
     */
    public static String explain(Throwable failure, String apiHost, String token) {
        String text = describe(failure, apiHost);
        return token == null || token.isEmpty() ? text : text.replace(token, "<token>");
    }

    private static String describe(Throwable failure, String apiHost) {
        if (tokenRejected(failure)) {
            return "Telegram rejected the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN";
        }
        if (failure instanceof TelegramApiRequestException request && request.getErrorCode() != null) {
            String answer = "Telegram answered " + request.getErrorCode() + " " + request.getApiResponse();
            return request.getErrorCode() == 404
                    ? answer + ": the token is malformed (it looks like 123456789:AAE..., from @BotFather) or "
                    + "sentinel.telegram.api-url is not a Bot API server"
                    : answer;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "unknown host " + apiHost + ": DNS cannot resolve it (no internet access, or a wrong "
                        + "sentinel.telegram.api-url)";
            }
            if (cause instanceof SSLException) {
                return "TLS handshake with " + apiHost + " failed (" + cause.getMessage() + "): a proxy that "
                        + "intercepts HTTPS, missing CA certificates, or a plain-HTTP server behind https://";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to " + apiHost + " (" + cause.getMessage() + "): network or firewall";
            }
            if (cause instanceof ConnectException) {
                return "cannot connect to " + apiHost + " (" + cause.getMessage() + "): nothing listens there, "
                        + "or a firewall refuses";
            }
            if (cause instanceof InterruptedIOException) {
                return "no answer from " + apiHost + " in time (" + cause.getMessage() + "): a slow network or a "
                        + "firewall that drops the packets";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure
                ? failure.toString()
                : failure.getMessage() + ", caused by " + root;
    }
}
