package org.marginsentinel.adapter.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.marginsentinel.adapter.telegram.connection.TelegramStatus;
import org.marginsentinel.adapter.telegram.delivery.TelegramMetrics;

/**
 * Sits in the bot's OkHttp clients and watches every Bot API call at the HTTP level, where all of
 * them pass (TelegramBots' poller swallows its own errors): it times calls, counts 429s, and tells
 * {@link TelegramStatus} how getUpdates went. It never changes a request or a response, and what it
 * records never contains the token (only the method name, the last path segment).
 */
@ApplicationScoped
public class ApiCallObserver implements Interceptor {

    private static final String GET_UPDATES = "getupdates";
    private static final Pattern DESCRIPTION = Pattern.compile("\"description\"\\s*:\\s*\"([^\"]{1,200})");

    @Inject
    TelegramMetrics metrics;
    @Inject
    TelegramStatus status;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String method = methodOf(request);
        boolean poll = method.equals(GET_UPDATES);
        if (poll) {
            status.pollStarted();
        }
        long started = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            metrics.apiCall(method, 0, Duration.ofNanos(System.nanoTime() - started));
            if (poll && !chain.call().isCanceled()) { // cancelled: our own shutdown, not a Telegram problem
                status.pollFailed(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            throw e;
        }
        metrics.apiCall(method, response.code(), Duration.ofNanos(System.nanoTime() - started));
        if (poll) {
            if (response.isSuccessful()) {
                status.pollSucceeded();
            } else {
                status.pollFailed("HTTP " + response.code() + describe(response));
            }
        }
        return response;
    }

    /** The Bot API's "description" ("Conflict: terminated by other getUpdates request; …"), if any. */
    private static String describe(Response response) {
        try {
            Matcher matcher = DESCRIPTION.matcher(response.peekBody(2048).string());
            return matcher.find() ? " " + matcher.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static String methodOf(Request request) {
        List<String> segments = request.url().pathSegments();
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        return last.isEmpty() || last.startsWith("bot") ? "unknown" : last.toLowerCase(Locale.ROOT);
    }
}
