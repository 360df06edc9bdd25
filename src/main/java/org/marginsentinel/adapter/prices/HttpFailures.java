package org.marginsentinel.adapter.prices;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What every exchange's HTTP errors share: {@code Retry-After} headers, 408/5xx as transient, and short body
 * snippets for logs. Each exchange maps its own statuses (a 451, a 403) in its package.
 */
public final class HttpFailures {

    private static final int SNIPPET_LENGTH = 160;

    private HttpFailures() {
    }

    /** Any other status: 408 and 5xx are worth a quick retry, the rest is a plain refusal. */
    public static PriceSourceException other(String source, int status, String body) {
        if (status == 408 || status >= 500) {
            return new TransientSourceException(source, "HTTP " + status + ": " + snippet(body));
        }
        return new PriceSourceException(source, "HTTP " + status + ": " + snippet(body));
    }

    /** {@code Retry-After: 30} gives 30 s; anything else gives null. */
    public static Duration retryAfterSeconds(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }

    /** {@code Retry-After: Wed, 21 Oct 2026 07:28:00 GMT} gives that instant; anything else null. */
    public static Instant retryAfterDate(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The later of two optional instants. */
    public static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }

    /** The start of a body, on one line, for log messages. */
    public static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= SNIPPET_LENGTH ? oneLine : oneLine.substring(0, SNIPPET_LENGTH) + "…";
    }
}
