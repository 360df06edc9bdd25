package org.marginsentinel.adapter.keyed.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.marginsentinel.adapter.keyed.KeyedHttp;
import org.marginsentinel.adapter.keyed.KeyedRequestBudget;
import org.marginsentinel.adapter.keyed.LenientJson;
import org.marginsentinel.adapter.keyed.Signatures;
import org.marginsentinel.application.port.KeyedAccountReader;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.application.port.KeyedSourceUnavailable.Kind;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * Bybit v5's signed account endpoints on {@code sentinel.prices.bybit-url}: {@code GET /v5/user/query-api} (what the
 * key may do), {@code /v5/account/wallet-balance} and {@code /v5/position/list?category=linear&settleCoin=USDT}
 * (paged). Each request carries {@code X-BAPI-SIGN} = hex HMAC-SHA256 of timestamp + key + recvWindow + query.
 * Bybit allows 10–50 requests a second per account and endpoint group; each key here gets 5 a second over all
 * endpoints. Timestamps follow Bybit's clock (its answers carry {@code time}), since Bybit refuses a request
 * stamped more than a second ahead of it.
 */
@ApplicationScoped
public class BybitAccountReader implements KeyedAccountReader {

    static final String RECV_WINDOW = "5000";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PROFILE_TTL = Duration.ofHours(1);
    private static final int MAX_PAGES = 20;

    @ConfigProperty(name = "sentinel.prices.bybit-url")
    String baseUrl;

    @Inject
    Clock clock;

    private KeyedHttp http;
    private KeyedRequestBudget budget;
    private final Map<String, CachedProfile> profiles = new ConcurrentHashMap<>();
    private volatile long serverOffsetMillis;

    private record CachedProfile(BybitPayloads.Profile profile, Instant fetched) {
    }

    BybitAccountReader() {
    }

    /** Outside CDI (tests): this host, clock and request budget. */
    public BybitAccountReader(URI baseUrl, Clock clock, KeyedRequestBudget budget) {
        this.clock = clock;
        this.http = new KeyedHttp("Bybit", baseUrl, TIMEOUT);
        this.budget = budget;
    }

    @PostConstruct
    void init() {
        http = new KeyedHttp("Bybit", URI.create(baseUrl), TIMEOUT);
        budget = KeyedRequestBudget.sleeping(5, Duration.ofSeconds(1), Duration.ofSeconds(2), clock);
    }

    @Override
    public KeyedExchange exchange() {
        return KeyedExchange.BYBIT;
    }

    @Override
    public KeyPermissions permissions(ApiKey key) {
        return BybitPayloads.permissions(queryApi(key));
    }

    @Override
    public ExchangeAccountSnapshot account(ApiKey key) {
        BybitPayloads.Profile profile = profile(key);
        BybitPayloads.Wallet wallet = BybitPayloads.wallet(
                call(key, "/v5/account/wallet-balance", "accountType=" + (profile.unified() ? "UNIFIED" : "CONTRACT")));
        List<ExchangePosition> positions = new ArrayList<>();
        Instant time = null;
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            String query = "category=linear&limit=200&settleCoin=USDT" + (cursor.isEmpty() ? "" : "&cursor=" + cursor);
            JsonNode root = callRoot(key, "/v5/position/list", query);
            time = time == null ? BybitPayloads.time(root, clock.instant()) : time;
            for (JsonNode row : root.path("result").path("list")) {
                ExchangePosition position = BybitPayloads.position(row, profile);
                if (position != null) {
                    positions.add(position);
                }
            }
            cursor = cursorParameter(LenientJson.text(root.path("result"), "nextPageCursor"));
            if (cursor.isEmpty()) {
                return new ExchangeAccountSnapshot(time, wallet.walletBalance(), wallet.marginBalance(),
                        wallet.maintenanceMargin(), wallet.marginRatio(), wallet.available(), positions,
                        profile.portfolioMargin());
            }
        }
        throw new KeyedSourceUnavailable(Kind.UNAVAILABLE, "Bybit position list still paging after " + MAX_PAGES
                + " pages", null, null);
    }

    /** Unified or classic, and the unified account's margin mode: asked once an hour per key. */
    private BybitPayloads.Profile profile(ApiKey key) {
        CachedProfile cached = profiles.get(key.keyId());
        Instant now = clock.instant();
        if (cached != null && cached.fetched().plus(PROFILE_TTL).isAfter(now)) {
            return cached.profile();
        }
        boolean unified = BybitPayloads.unified(queryApi(key));
        String marginMode = unified ? LenientJson.text(call(key, "/v5/account/info", ""), "marginMode") : "";
        BybitPayloads.Profile profile = new BybitPayloads.Profile(unified, marginMode);
        profiles.put(key.keyId(), new CachedProfile(profile, now));
        return profile;
    }

    private JsonNode queryApi(ApiKey key) {
        return call(key, "/v5/user/query-api", "");
    }

    private JsonNode call(ApiKey key, String path, String query) {
        return callRoot(key, path, query).path("result");
    }

    /** One signed GET; the whole answer when {@code retCode} is 0, else {@link KeyedSourceUnavailable}. */
    private JsonNode callRoot(ApiKey key, String path, String query) {
        requireSecret(key);
        budget.acquire(key.keyId());
        String timestamp = String.valueOf(clock.millis() + serverOffsetMillis);
        String signature = Signatures.hmacSha256Hex(key.secret(), timestamp + key.keyId() + RECV_WINDOW + query);
        KeyedHttp.Answer answer = http.get(path, query, Map.of("X-BAPI-API-KEY", key.keyId(),
                "X-BAPI-TIMESTAMP", timestamp, "X-BAPI-RECV-WINDOW", RECV_WINDOW, "X-BAPI-SIGN", signature));
        JsonNode root = BybitErrors.check(answer, clock.instant());
        long serverTime = root.path("time").asLong(0);
        if (serverTime > 0) {
            serverOffsetMillis = serverTime - clock.millis();
        }
        return root;
    }

    /** Bybit's cursor comes already URL-encoded ("BTCUSDT%3A1657711949945"): sent as given, otherwise encoded. */
    static String cursorParameter(String cursor) {
        if (cursor.isEmpty() || cursor.matches("[A-Za-z0-9%._~-]+")) {
            return cursor;
        }
        return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static void requireSecret(ApiKey key) {
        if (key.exchange() != KeyedExchange.BYBIT || key.secret() == null) {
            throw new IllegalArgumentException("not a Bybit HMAC key: " + key);
        }
    }
}
