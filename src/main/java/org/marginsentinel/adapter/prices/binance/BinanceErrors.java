package org.marginsentinel.adapter.prices.binance;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marginsentinel.adapter.prices.HttpFailures;
import org.marginsentinel.adapter.prices.PriceSourceException;
import org.marginsentinel.adapter.prices.RateLimitedException;
import org.marginsentinel.adapter.prices.RegionBlockedException;

/** Binance USDⓈ-M futures HTTP errors: 451 geo-block, 429/418 rate limits, 408/5xx transient. */
public final class BinanceErrors {

    private static final Pattern BAN_UNTIL = Pattern.compile("banned until (\\d{10,13})");

    private BinanceErrors() {
    }

    public static PriceSourceException of(int status, String retryAfterHeader, String body) {
        String source = BinanceMarkSource.NAME;
        if (status == 451) {
            return new RegionBlockedException(source, status, "HTTP 451 (restricted location): " + HttpFailures.snippet(body));
        }
        if (status == 429 || status == 418) {
            return new RateLimitedException(source, status, HttpFailures.retryAfterSeconds(retryAfterHeader),
                    HttpFailures.latest(HttpFailures.retryAfterDate(retryAfterHeader), banUntil(body)),
                    "HTTP " + status + ": " + HttpFailures.snippet(body));
        }
        return HttpFailures.other(source, status, body);
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
}
