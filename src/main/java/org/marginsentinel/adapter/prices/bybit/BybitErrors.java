package org.marginsentinel.adapter.prices.bybit;

import java.time.Duration;
import java.util.Locale;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.HttpFailures;
import org.marginsentinel.adapter.prices.PriceSourceException;
import org.marginsentinel.adapter.prices.RateLimitedException;
import org.marginsentinel.adapter.prices.RegionBlockedException;
import org.marginsentinel.adapter.prices.TransientSourceException;

/**
 * Bybit v5 errors: HTTP 403 is a region block (CloudFront HTML) or the IP limit, 429 a rate limit; and the
 * {@code retCode} of an HTTP 200 envelope.
 */
public final class BybitErrors {

    /** How long Bybit asks us to stay away after its IP limit answered 403 "access too frequent". */
    static final Duration IP_LIMIT_PAUSE = Duration.ofMinutes(10);

    private BybitErrors() {
    }

    public static PriceSourceException of(int status, String retryAfterHeader, String body) {
        String source = BybitMarkSource.NAME;
        if (status == 403) {
            if (body != null && body.toLowerCase(Locale.ROOT).contains("too frequent")) {
                return new RateLimitedException(source, status, IP_LIMIT_PAUSE, null,
                        "HTTP 403 (IP rate limit): " + HttpFailures.snippet(body));
            }
            return new RegionBlockedException(source, status, "HTTP 403 (region blocked): " + HttpFailures.snippet(body));
        }
        if (status == 429) {
            return new RateLimitedException(source, status, HttpFailures.retryAfterSeconds(retryAfterHeader),
                    HttpFailures.retryAfterDate(retryAfterHeader), "HTTP 429: " + HttpFailures.snippet(body));
        }
        return HttpFailures.other(source, status, body);
    }

    /** A non-zero {@code retCode}: 10006 rate limit, 10009 region, 10016 server error, anything else a refusal. */
    static PriceSourceException envelope(int retCode, String retMsg) {
        String source = BybitMarkSource.NAME;
        String message = "retCode " + retCode + " (" + retMsg + ")";
        return switch (retCode) {
            case 10006 -> new RateLimitedException(source, 200, null, null, message);
            case 10009 -> new RegionBlockedException(source, 200, message);
            case 10016 -> new TransientSourceException(source, message);
            default -> new BadPayloadException(source, message);
        };
    }
}
