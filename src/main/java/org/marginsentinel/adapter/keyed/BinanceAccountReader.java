package org.marginsentinel.adapter.keyed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.marginsentinel.application.port.KeyedAccountReader;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * Binance's signed USER_DATA endpoints, read-only: {@code GET /sapi/v1/account/apiRestrictions} on the spot host
 * ({@code sentinel.binance.spot-url}), {@code GET /fapi/v3/account} and {@code /fapi/v3/positionRisk} (weight 5
 * each) on the futures host ({@code sentinel.prices.binance-url}). Each query carries {@code recvWindow} and a
 * {@code timestamp} on Binance's clock (offset from {@code /fapi/v1/time}, synced every 10 minutes and after a
 * -1021), signed with HMAC-SHA256 (hex) or Ed25519 (base64); the key id travels in {@code X-MBX-APIKEY}. Nothing
 * of a key is ever logged.
 */
@ApplicationScoped
public class BinanceAccountReader implements KeyedAccountReader {

    private static final Logger LOG = Logger.getLogger(BinanceAccountReader.class);
    private static final Duration TIME_SYNC_EVERY = Duration.ofMinutes(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @ConfigProperty(name = "sentinel.prices.binance-url")
    String futuresUrl;

    @ConfigProperty(name = "sentinel.binance.spot-url", defaultValue = "https://api.binance.com")
    String spotUrl;

    @ConfigProperty(name = "sentinel.binance.recv-window", defaultValue = "5000")
    long recvWindow;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile long offsetMillis;
    private volatile Instant syncedAt;

    @Override
    public KeyedExchange exchange() {
        return KeyedExchange.BINANCE;
    }

    @Override
    public int weightPerMinute() {
        return 2400;
    }

    /** positionRisk (5) + account (5). */
    @Override
    public int accountWeight() {
        return 10;
    }

    @Override
    public KeyPermissions permissions(ApiKey key) {
        syncTimeIfDue(); // one Binance clock for the spot and the futures hosts
        return parse(() -> BinanceAccountParser.permissions(signedGet(spotUrl, "/sapi/v1/account/apiRestrictions", key)));
    }

    @Override
    public ExchangeAccountSnapshot account(ApiKey key) {
        syncTimeIfDue();
        String account = signedGet(futuresUrl, "/fapi/v3/account", key);
        String positions = signedGet(futuresUrl, "/fapi/v3/positionRisk", key);
        return parse(() -> BinanceAccountParser.snapshot(account, positions, clock.instant()));
    }

    private String signedGet(String base, String path, ApiKey key) {
        String query = "recvWindow=" + recvWindow + "&timestamp=" + (clock.millis() + offsetMillis);
        String signature = key.signsWithEd25519()
                ? URLEncoder.encode(Signatures.ed25519Base64(key.ed25519PrivateKey(), query), StandardCharsets.UTF_8)
                : Signatures.hmacSha256Hex(key.secret(), query);
        HttpRequest request = HttpRequest.newBuilder(URI.create(trim(base) + path + "?" + query + "&signature="
                        + signature))
                .timeout(TIMEOUT).header("X-MBX-APIKEY", key.keyId()).GET().build();
        HttpResponse<String> response = send(request, path);
        if (response.statusCode() / 100 == 2) {
            return response.body();
        }
        KeyedSourceUnavailable failure = BinanceErrors.of(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
        if (BinanceErrors.isTimestampProblem(response.body())) {
            syncedAt = null;
        }
        LOG.debugf("Binance %s answered %s", path, failure.reason());
        throw failure;
    }

    private void syncTimeIfDue() {
        Instant now = clock.instant();
        if (syncedAt != null && now.isBefore(syncedAt.plus(TIME_SYNC_EVERY))) {
            return;
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(trim(futuresUrl) + "/fapi/v1/time"))
                .timeout(TIMEOUT).GET().build(), "/fapi/v1/time");
        if (response.statusCode() / 100 != 2) {
            throw BinanceErrors.of(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        }
        long serverTime = parse(() -> LenientJson.parse(response.body()).path("serverTime").asLong());
        offsetMillis = serverTime - clock.millis();
        syncedAt = now;
    }

    private HttpResponse<String> send(HttpRequest request, String path) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeyedSourceUnavailable(KeyedSourceUnavailable.Kind.UNAVAILABLE,
                    "no answer from Binance " + path + " (" + e.getClass().getSimpleName() + ")", null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyedSourceUnavailable(KeyedSourceUnavailable.Kind.UNAVAILABLE, "interrupted", null, null);
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            if (e instanceof KeyedSourceUnavailable unavailable) {
                throw unavailable;
            }
            throw new KeyedSourceUnavailable(KeyedSourceUnavailable.Kind.UNAVAILABLE,
                    "unreadable answer from Binance", null, null);
        }
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
