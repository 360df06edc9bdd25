package org.marginsentinel.adapter.keyed.okx;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.keyed.KeyedHttp;
import org.marginsentinel.adapter.keyed.KeyedRequestBudget;
import org.marginsentinel.adapter.keyed.LenientJson;
import org.marginsentinel.adapter.keyed.Signatures;
import org.marginsentinel.application.port.KeyedAccountReader;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * OKX v5's signed account endpoints on {@code sentinel.okx.url}: {@code GET /api/v5/account/config} (what the key
 * may do, and the account mode), {@code /api/v5/account/balance} and {@code /api/v5/account/positions?instType=SWAP};
 * contract sizes become coins with the public instruments' contract value, and the held swaps' public position tiers
 * are refreshed ({@link OkxPositionTiers}). Each request carries
 * {@code OK-ACCESS-SIGN} = base64 HMAC-SHA256 of timestamp + method + path and query + body, the timestamp in ISO
 * 8601 with milliseconds (UTC), and the key's passphrase. OKX allows 10 requests per 2 s per user and endpoint;
 * each key here gets 5 per 2 s over all endpoints.
 */
@ApplicationScoped
public class OkxAccountReader implements KeyedAccountReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PROFILE_TTL = Duration.ofHours(1);
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(OkxAccountReader.class);

    @ConfigProperty(name = "sentinel.okx.url")
    String baseUrl;

    @Inject
    Clock clock;

    private KeyedHttp http;
    private KeyedRequestBudget budget;
    private OkxInstruments instruments;
    private OkxPositionTiers positionTiers;
    private final Map<String, CachedLevel> accountLevels = new ConcurrentHashMap<>();

    private record CachedLevel(String acctLv, Instant fetched) {
    }

    OkxAccountReader() {
    }

    /** Outside CDI (tests): this host, clock and request budget. */
    public OkxAccountReader(URI baseUrl, Clock clock, KeyedRequestBudget budget) {
        this.clock = clock;
        this.budget = budget;
        this.http = new KeyedHttp("OKX", baseUrl, TIMEOUT);
        this.instruments = new OkxInstruments(http, clock);
        this.positionTiers = new OkxPositionTiers(http, instruments, budget, clock);
    }

    @PostConstruct
    void init() {
        http = new KeyedHttp("OKX", URI.create(baseUrl), TIMEOUT);
        budget = KeyedRequestBudget.sleeping(5, Duration.ofSeconds(2), Duration.ofSeconds(3), clock);
        instruments = new OkxInstruments(http, clock);
        positionTiers = new OkxPositionTiers(http, instruments, budget, clock);
    }

    @Override
    public KeyedExchange exchange() {
        return KeyedExchange.OKX;
    }

    @Override
    public KeyPermissions permissions(ApiKey key) {
        return OkxPayloads.permissions(config(key));
    }

    @Override
    public ExchangeAccountSnapshot account(ApiKey key) {
        boolean portfolioMargin = OkxPayloads.PORTFOLIO_MARGIN_LEVEL.equals(accountLevel(key));
        OkxPayloads.Balance balance = OkxPayloads.balance(signedGet(key, "/api/v5/account/balance", "").path(0),
                clock.instant());
        List<ExchangePosition> positions = new ArrayList<>();
        for (JsonNode row : signedGet(key, "/api/v5/account/positions", "instType=SWAP")) {
            String instId = LenientJson.text(row, "instId");
            if (!"SWAP".equals(LenientJson.text(row, "instType"))) {
                continue;
            }
            ExchangePosition position = OkxPayloads.position(row, instruments.coinsPerContract(instId));
            if (position != null) {
                positions.add(position);
            } else if (LenientJson.decimal(row, "pos") != null && LenientJson.decimal(row, "pos").signum() != 0) {
                LOG.warnf("OKX position in %s left out: not a USDT linear swap OKX lists, or no entry price", instId);
            }
        }
        positionTiers.refresh(positions.stream().map(ExchangePosition::symbol).toList());
        return new ExchangeAccountSnapshot(balance.time(), balance.walletBalance(), balance.marginBalance(),
                balance.maintenanceMargin(), balance.marginRatio(), balance.available(), positions, portfolioMargin);
    }

    /**
     * OKX's public position tiers of {@code instId} ("BTC-USDT-SWAP"), size bounds in coins, as fetched when an account
     * holding it was last read (daily); empty when never read or unreadable. Memory only: no request.
     */
    public Optional<ListedTiers> positionTiers(String instId) {
        return positionTiers.listed(instId);
    }

    /** The account mode ({@code acctLv}): asked once an hour per key. */
    private String accountLevel(ApiKey key) {
        CachedLevel cached = accountLevels.get(key.keyId());
        if (cached != null && cached.fetched().plus(PROFILE_TTL).isAfter(clock.instant())) {
            return cached.acctLv();
        }
        return LenientJson.text(config(key), "acctLv");
    }

    private JsonNode config(ApiKey key) {
        JsonNode config = signedGet(key, "/api/v5/account/config", "").path(0);
        accountLevels.put(key.keyId(), new CachedLevel(LenientJson.text(config, "acctLv"), clock.instant()));
        return config;
    }

    /** One signed GET; the answer's {@code data} when {@code code} is "0", else {@code KeyedSourceUnavailable}. */
    private JsonNode signedGet(ApiKey key, String path, String query) {
        if (key.exchange() != KeyedExchange.OKX || key.secret() == null) {
            throw new IllegalArgumentException("not an OKX key: " + key);
        }
        budget.acquire(key.keyId());
        String timestamp = TIMESTAMP.format(clock.instant());
        String requestPath = path + (query.isEmpty() ? "" : "?" + query);
        String signature = Signatures.hmacSha256Base64(key.secret(), timestamp + "GET" + requestPath);
        return OkxErrors.check(http.get(path, query, Map.of("OK-ACCESS-KEY", key.keyId(), "OK-ACCESS-SIGN", signature,
                "OK-ACCESS-TIMESTAMP", timestamp, "OK-ACCESS-PASSPHRASE", key.passphrase())));
    }
}
