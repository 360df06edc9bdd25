package org.marginsentinel.adapter.keyed.okx;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.marginsentinel.adapter.keyed.KeyedHttp;
import org.marginsentinel.adapter.keyed.LenientJson;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.application.port.KeyedSourceUnavailable.Kind;

/**
 * What OKX's answers mean for the watcher: {@code code} "0" is success; the 501xx authentication codes stop
 * watching (the user is told once); 50011 and HTTP 429 are its rate limit (10 requests per 2 s per user and
 * endpoint), which resets within two seconds.
 */
final class OkxErrors {

    private static final Map<String, String> KEY_CODES = Map.ofEntries(
            Map.entry("50100", "API key frozen"),
            Map.entry("50101", "API key made for another OKX environment (demo or live)"),
            Map.entry("50105", "wrong passphrase"),
            Map.entry("50110", "request IP not in the key's IP whitelist"),
            Map.entry("50111", "API key invalid"),
            Map.entry("50113", "signature rejected: wrong secret"),
            Map.entry("50114", "authorization invalid"),
            Map.entry("50119", "API key does not exist"),
            Map.entry("50120", "API key lacks the permission"));
    private static final Map<String, String> RATE_CODES = Map.of(
            "50011", "too many requests",
            "50061", "too many requests for this sub-account");
    private static final Duration RATE_WAIT = Duration.ofSeconds(2);

    private OkxErrors() {
    }

    /** The answer's {@code data} when it is a success; otherwise the matching refusal. */
    static JsonNode check(KeyedHttp.Answer answer) {
        JsonNode root = LenientJson.read(answer.body());
        String code = root == null ? "" : LenientJson.text(root, "code");
        if (answer.status() == 200 && "0".equals(code)) {
            return root.path("data");
        }
        if (KEY_CODES.containsKey(code)) {
            throw new KeyedSourceUnavailable(Kind.KEY_REJECTED, "OKX code " + code + " (" + KEY_CODES.get(code) + ")",
                    null, null);
        }
        if (RATE_CODES.containsKey(code) || answer.status() == 429) {
            throw new KeyedSourceUnavailable(Kind.RATE_LIMITED, code.isEmpty() ? "HTTP 429 (rate limited)"
                    : "OKX code " + code + " (" + RATE_CODES.getOrDefault(code, "rate limited") + ")", RATE_WAIT, null);
        }
        if (answer.status() == 401) {
            throw new KeyedSourceUnavailable(Kind.KEY_REJECTED, "HTTP 401 (API key rejected)", null, null);
        }
        String reason = code.isEmpty() ? "HTTP " + answer.status() + (root == null ? " without a readable body" : "")
                : "OKX code " + code + ("50102".equals(code) ? " (request timestamp expired: clocks differ)" : "");
        throw new KeyedSourceUnavailable(Kind.UNAVAILABLE, reason, null, null);
    }
}
