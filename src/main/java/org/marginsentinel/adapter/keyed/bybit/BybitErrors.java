package org.marginsentinel.adapter.keyed.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.marginsentinel.adapter.keyed.KeyedHttp;
import org.marginsentinel.adapter.keyed.LenientJson;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.application.port.KeyedSourceUnavailable.Kind;

/**
 * What Bybit's answers mean for the watcher. Bybit reports most refusals in a 200 body's {@code retCode}: the key
 * codes stop watching (the user is told once), the rate-limit codes wait until {@code X-Bapi-Limit-Reset-Timestamp}.
 * An HTTP 403 from Bybit is its IP ban for too many requests (or a restricted region), lifted after about ten
 * minutes, not a key problem.
 */
final class BybitErrors {

    private static final Map<Integer, String> KEY_CODES = Map.of(
            10003, "API key invalid or deleted",
            10004, "signature rejected: wrong secret",
            10005, "permission denied for this key",
            10007, "user authentication failed",
            10009, "IP banned for this key",
            10010, "request IP not in the key's IP whitelist",
            33004, "API key expired");
    private static final Map<Integer, String> RATE_CODES = Map.of(
            10006, "too many requests for this account",
            10018, "too many requests from this IP");
    private static final Duration IP_BAN = Duration.ofMinutes(10);
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private BybitErrors() {
    }

    /** The answer's JSON when it is a success ({@code retCode} 0); otherwise the matching refusal. */
    static JsonNode check(KeyedHttp.Answer answer, Instant now) {
        int status = answer.status();
        if (status == 401) {
            throw new KeyedSourceUnavailable(Kind.KEY_REJECTED, "HTTP 401 (API key rejected)", null, null);
        }
        if (status == 403) {
            throw new KeyedSourceUnavailable(Kind.RATE_LIMITED,
                    "HTTP 403 (Bybit refuses this IP: too many requests or a restricted region)", IP_BAN, null);
        }
        if (status == 429) {
            throw new KeyedSourceUnavailable(Kind.RATE_LIMITED, "HTTP 429 (rate limited)", resetIn(answer, now), null);
        }
        JsonNode root = LenientJson.read(answer.body());
        if (status != 200 || root == null) {
            throw new KeyedSourceUnavailable(Kind.UNAVAILABLE, "HTTP " + status
                    + (root == null ? " without a readable body" : ""), null, null);
        }
        int code = root.path("retCode").asInt(-1);
        if (code == 0) {
            return root;
        }
        String reason = "Bybit retCode " + code;
        if (KEY_CODES.containsKey(code)) {
            throw new KeyedSourceUnavailable(Kind.KEY_REJECTED, reason + " (" + KEY_CODES.get(code) + ")", null, null);
        }
        if (RATE_CODES.containsKey(code)) {
            throw new KeyedSourceUnavailable(Kind.RATE_LIMITED, reason + " (" + RATE_CODES.get(code) + ")",
                    resetIn(answer, now), null);
        }
        String message = LenientJson.text(root, "retMsg");
        throw new KeyedSourceUnavailable(Kind.UNAVAILABLE, reason + (code == 10002
                ? " (request time outside Bybit's receive window: clocks differ)"
                : message.isEmpty() ? "" : " (" + message.substring(0, Math.min(80, message.length())) + ")"), null, null);
    }

    /** Until Bybit's {@code X-Bapi-Limit-Reset-Timestamp} (epoch ms), at least a second; 5 s when absent. */
    private static Duration resetIn(KeyedHttp.Answer answer, Instant now) {
        return answer.header("X-Bapi-Limit-Reset-Timestamp").map(String::strip).filter(t -> t.matches("\\d{10,16}"))
                .map(t -> Duration.between(now, Instant.ofEpochMilli(Long.parseLong(t))))
                .map(wait -> wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait)
                .orElse(DEFAULT_WAIT);
    }
}
