package org.marginsentinel.adapter.prices;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an HTTP error response of a price API into the matching {@link PriceSourceException}. */
public final class HttpFailures {

    /** How long Bybit asks us to stay away after its IP limit answered 403 "access too frequent". */
    static final Duration BYBIT_IP_LIMIT_PAUSE = Duration.ofMinutes(10);

    private static final Pattern BAN_UNTIL = Pattern.compile("banned until (\\d{10,13})");
    private static final int SNIPPET_LENGTH = 160;

    private HttpFailures() {
    }

    /** Binance USDⓈ-M futures: 451 geo-block, 429/418 rate limits, 408/5xx transient. */
    public static PriceSourceException binance(int status, String retryAfterHeader, String body) {
        String source = "binance";
        if (status == 451) {
            return new RegionBlockedException(source, status, "HTTP 451 (restricted location): " + snippet(body));
        }
        if (status == 429 || status == 418) {
            return new RateLimitedException(source, status, retryAfterSeconds(retryAfterHeader),
                    latest(retryAfterDate(retryAfterHeader), banUntil(body)), "HTTP " + status + ": " + snippet(body));
        }
        return common(source, status, body);
    }

    /** Bybit v5: 403 is a region block (CloudFront HTML) or the IP limit, 429 a rate limit. */
    public static PriceSourceException bybit(int status, String retryAfterHeader, String body) {
        String source = "bybit";
        if (status == 403) {
            if (body != null && body.toLowerCase(Locale.ROOT).contains("too frequent")) {
                return new RateLimitedException(source, status, BYBIT_IP_LIMIT_PAUSE, null,
                        "HTTP 403 (IP rate limit): " + snippet(body));
            }
            return new RegionBlockedException(source, status, "HTTP 403 (region blocked): " + snippet(body));
        }
        if (status == 429) {
            return new RateLimitedException(source, status, retryAfterSeconds(retryAfterHeader),
                    retryAfterDate(retryAfterHeader), "HTTP 429: " + snippet(body));
        }
        return common(source, status, body);
    }

    private static PriceSourceException common(String source, int status, String body) {
        if (status == 408 || status >= 500) {
            return new TransientSourceException(source, "HTTP " + status + ": " + snippet(body));
        }
        return new PriceSourceException(source, "HTTP " + status + ": " + snippet(body));
    }

    /** {@code Retry-After: 30} gives 30 s; anything else gives null. */
    static Duration retryAfterSeconds(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }

    /** {@code Retry-After: Wed, 21 Oct 2026 07:28:00 GMT} gives that instant; anything else null. */
    static Instant retryAfterDate(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Binance 418 bodies say "IP banned until 1789824420000" (epoch millis). */
    static Instant banUntil(String body) {
        if (body == null) {
            return null;
        }
        Matcher matcher = BAN_UNTIL.matcher(body);
        if (!matcher.find()) {
            return null;
        }
        String digits = matcher.group(1);
        long value = Long.parseLong(digits);
        return digits.length() > 10 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    private static Instant latest(Instant a, Instant b) {
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
