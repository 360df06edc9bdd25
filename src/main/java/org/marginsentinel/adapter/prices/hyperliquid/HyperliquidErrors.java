package org.marginsentinel.adapter.prices.hyperliquid;

import org.marginsentinel.adapter.prices.HttpFailures;
import org.marginsentinel.adapter.prices.PriceSourceException;
import org.marginsentinel.adapter.prices.RateLimitedException;

/**
 * Hyperliquid's HTTP errors: 429 is its weight limit (body not documented); 422 with
 * "Failed to deserialize the JSON body into the target type" a request it cannot read (a malformed address);
 * 408/5xx transient.
 */
final class HyperliquidErrors {

    private HyperliquidErrors() {
    }

    static PriceSourceException of(int status, String retryAfterHeader, String body) {
        if (status == 429) {
            return new RateLimitedException(HyperliquidJson.SOURCE, status,
                    HttpFailures.retryAfterSeconds(retryAfterHeader), HttpFailures.retryAfterDate(retryAfterHeader),
                    "HTTP 429: " + HttpFailures.snippet(body));
        }
        if (status == 422) {
            return new UnreadableRequestException("HTTP 422: " + HttpFailures.snippet(body));
        }
        return HttpFailures.other(HyperliquidJson.SOURCE, status, body);
    }

    /** HTTP 422: Hyperliquid could not deserialize our request body. */
    static final class UnreadableRequestException extends PriceSourceException {

        UnreadableRequestException(String message) {
            super(HyperliquidJson.SOURCE, message);
        }

        @Override
        public String reason() {
            return "unreadable-request";
        }
    }
}
