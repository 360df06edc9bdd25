package org.marginsentinel.adapter.keyed;

import java.time.Duration;
import java.util.Set;
import org.marginsentinel.application.port.KeyedSourceUnavailable;

/**
 * Binance's refusals sorted by what the watcher should do: a rejected key (401/403, -2014 bad key format, -2015
 * invalid key/IP/permissions, -1022 bad signature, -2008 bad key id) stops polling; 429/418 (and -1003) wait for
 * Retry-After; the rest is tried again later.
 */
final class BinanceErrors {

    private static final Set<Integer> KEY_CODES = Set.of(-2014, -2015, -1022, -2008, -1002);

    private BinanceErrors() {
    }

    static KeyedSourceUnavailable of(int status, String body, String retryAfter) {
        Integer code = code(body);
        String reason = "HTTP " + status + (code == null ? "" : ", code " + code);
        if (status == 401 || status == 403 || (code != null && KEY_CODES.contains(code))) {
            return new KeyedSourceUnavailable(KeyedSourceUnavailable.Kind.KEY_REJECTED, reason + " (API key rejected)",
                    null, null);
        }
        if (status == 429 || status == 418 || (code != null && code == -1003)) {
            return new KeyedSourceUnavailable(KeyedSourceUnavailable.Kind.RATE_LIMITED, reason + " (rate limited)",
                    seconds(retryAfter), null);
        }
        return new KeyedSourceUnavailable(KeyedSourceUnavailable.Kind.UNAVAILABLE, reason, null, null);
    }

    /** -1021: the timestamp was outside recvWindow (our clock drifted from Binance's). */
    static boolean isTimestampProblem(String body) {
        Integer code = code(body);
        return code != null && code == -1021;
    }

    private static Integer code(String body) {
        try {
            var node = LenientJson.parse(body == null || body.isBlank() ? "{}" : body).get("code");
            return node == null || !node.canConvertToInt() ? null : node.asInt();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Duration seconds(String retryAfter) {
        try {
            return retryAfter == null ? null : Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
