package org.marginsentinel.adapter.keyed.okx;

import static org.marginsentinel.adapter.keyed.LenientJson.positiveOrNull;
import static org.marginsentinel.adapter.keyed.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.marginsentinel.adapter.keyed.KeyedHttp;

/**
 * Coins per contract of every USDT-settled linear swap ({@code ctVal} × {@code ctMult} of the public
 * {@code GET /api/v5/public/instruments?instType=SWAP}), fetched at most every six hours, or again (at most once a
 * minute) when a position names a swap the cache does not know yet.
 */
final class OkxInstruments {

    static final String PATH = "/api/v5/public/instruments";
    private static final Duration TTL = Duration.ofHours(6);
    private static final Duration MISSING_RETRY = Duration.ofMinutes(1);

    private final KeyedHttp http;
    private final Clock clock;
    private Map<String, BigDecimal> coinsPerContract = Map.of();
    private Instant fetched = Instant.MIN;

    OkxInstruments(KeyedHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Coins per contract of {@code instId}; null when OKX lists no such USDT swap. */
    synchronized BigDecimal coinsPerContract(String instId) {
        Instant now = clock.instant();
        boolean stale = fetched.plus(TTL).isBefore(now);
        boolean missing = !coinsPerContract.containsKey(instId) && fetched.plus(MISSING_RETRY).isBefore(now);
        if (stale || missing) {
            coinsPerContract = parse(OkxErrors.check(http.get(PATH, "instType=SWAP", Map.of())));
            fetched = now;
        }
        return coinsPerContract.get(instId);
    }

    static Map<String, BigDecimal> parse(JsonNode data) {
        Map<String, BigDecimal> parsed = new HashMap<>();
        for (JsonNode instrument : data) {
            BigDecimal value = positiveOrNull(instrument, "ctVal");
            BigDecimal multiplier = positiveOrNull(instrument, "ctMult");
            boolean linearUsdt = "linear".equals(text(instrument, "ctType")) && "USDT".equals(text(instrument, "settleCcy"));
            if (linearUsdt && value != null) {
                parsed.put(text(instrument, "instId"), multiplier == null ? value : value.multiply(multiplier));
            }
        }
        return parsed;
    }
}
