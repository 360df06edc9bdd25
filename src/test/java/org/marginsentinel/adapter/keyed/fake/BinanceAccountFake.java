package org.marginsentinel.adapter.keyed.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake Binance on WireMock (127.0.0.1) that VERIFIES every signed request as Binance does: the query up to
 * {@code &signature=} signed with the key registered under {@code X-MBX-APIKEY}, HMAC-SHA256 (hex) with its secret
 * or Ed25519 (base64) with the public half the user registered, and {@code recvWindow} and {@code timestamp}
 * present. A request that fails any check gets Binance's 401 {@code -2015}; a revoked key {@code -2015} too. Serves
 * the official example payloads (fixtures/accounts/). Own server, or attached to a shared one.
 */
public final class BinanceAccountFake {

    public static final String RESTRICTIONS = "/sapi/v1/account/apiRestrictions";
    public static final String ACCOUNT = "/fapi/v3/account";
    public static final String POSITIONS = "/fapi/v3/positionRisk";
    public static final String INVALID_KEY = "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}";

    private final WireMockServer server;
    private final boolean ownsServer;
    private final Map<String, String> hmacSecrets = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> ed25519Keys = new ConcurrentHashMap<>();

    private BinanceAccountFake(WireMockServer server, boolean ownsServer) {
        this.server = server;
        this.ownsServer = ownsServer;
    }

    public static BinanceAccountFake start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return new BinanceAccountFake(server, true).serveDefaults();
    }

    /** On a server that also serves other paths (the price fake's: the same Binance host, as in production). */
    public static BinanceAccountFake attachTo(WireMockServer server) {
        return new BinanceAccountFake(server, false).serveDefaults();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public void stop() {
        if (ownsServer) {
            server.stop();
        }
    }

    /** Registers an HMAC key with its permissions (an apiRestrictions body). */
    public BinanceAccountFake acceptsHmac(String apiKey, String secret, String restrictionsBody) {
        hmacSecrets.put(apiKey, secret);
        return restrictions(apiKey, restrictionsBody);
    }

    /** Registers an Ed25519 key: the public half as the user pasted it (PEM). */
    public BinanceAccountFake acceptsEd25519(String apiKey, String publicPem, String restrictionsBody) {
        try {
            String body = publicPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            ed25519Keys.put(apiKey, KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
        return restrictions(apiKey, restrictionsBody);
    }

    private BinanceAccountFake restrictions(String apiKey, String body) {
        server.stubFor(get(urlPathEqualTo(RESTRICTIONS)).atPriority(1).withHeader("X-MBX-APIKEY", equalTo(apiKey))
                .andMatching(this::verified).willReturn(json(body)));
        return this;
    }

    /** The key is deleted on Binance: every request with it gets 401 -2015. */
    public void revoke(String apiKey) {
        hmacSecrets.remove(apiKey);
        ed25519Keys.remove(apiKey);
    }

    public void servesPositions(String body) {
        signed(POSITIONS, body);
    }

    public void servesAccount(String body) {
        signed(ACCOUNT, body);
    }

    /** Signed requests that passed verification, per path. */
    public int verifiedRequests(String path) {
        return (int) server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(path) && e.getResponse().getStatus() == 200).count();
    }

    /** Signed requests with this key that passed verification, per path. */
    public int verifiedRequests(String path, String apiKey) {
        return (int) server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(path) && e.getResponse().getStatus() == 200
                        && apiKey.equals(e.getRequest().getHeader("X-MBX-APIKEY"))).count();
    }

    public int requests(String path) {
        return (int) server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(path)).count();
    }

    private BinanceAccountFake serveDefaults() {
        server.stubFor(get(urlPathEqualTo("/fapi/v1/time")).willReturn(json("{\"serverTime\":1789824000000}")));
        for (String path : new String[] {RESTRICTIONS, ACCOUNT, POSITIONS}) {
            server.stubFor(get(urlPathEqualTo(path)).atPriority(9)
                    .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                            .withBody(INVALID_KEY)));
        }
        servesAccount(read("binance-fapi-v3-account.single-asset.official.jsonc"));
        servesPositions(read("binance-fapi-v3-positionRisk.hedge.official.jsonc"));
        return this;
    }

    private void signed(String path, String body) {
        server.stubFor(get(urlPathEqualTo(path)).atPriority(1).andMatching(this::verified).willReturn(json(body)));
    }

    /** Binance's check of a signed request. */
    private MatchResult verified(Request request) {
        String apiKey = request.getHeader("X-MBX-APIKEY");
        String url = request.getUrl();
        int q = url.indexOf('?');
        int s = url.indexOf("&signature=");
        if (apiKey == null || q < 0 || s < 0) {
            return MatchResult.noMatch();
        }
        String payload = url.substring(q + 1, s);
        String signature = URLDecoder.decode(url.substring(s + "&signature=".length()), StandardCharsets.UTF_8);
        if (!payload.contains("recvWindow=") || !payload.contains("timestamp=")) {
            return MatchResult.noMatch();
        }
        return MatchResult.of(verifies(apiKey, payload, signature));
    }

    private boolean verifies(String apiKey, String payload, String signature) {
        try {
            String secret = hmacSecrets.get(apiKey);
            if (secret != null) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8))).equals(signature);
            }
            PublicKey publicKey = ed25519Keys.get(apiKey);
            if (publicKey != null) {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(publicKey);
                verifier.update(payload.getBytes(StandardCharsets.UTF_8));
                return verifier.verify(Base64.getDecoder().decode(signature));
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static String read(String name) {
        try (InputStream in = BinanceAccountFake.class.getClassLoader()
                .getResourceAsStream("fixtures/accounts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
