package org.marginsentinel.adapter.keyed.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;

/**
 * A fake OKX v5 on 127.0.0.1 (random port) that answers a private request only when {@code OK-ACCESS-SIGN} is the
 * base64 HMAC-SHA256 of timestamp + "GET" + path and query (exactly as sent) under {@link #SECRET}, the timestamp is
 * ISO 8601 with milliseconds in UTC and the passphrase is {@link #PASSPHRASE}; otherwise OKX's own 401 answers
 * (50113 invalid sign, 50105 wrong passphrase). The public instruments need no signature. Serves the fixtures by
 * default: a read-only single-currency-margin account with a cross BTC and an isolated ETH swap. Own server, or
 * attached to a shared one.
 */
public final class OkxAccountFake {

    public static final String KEY = "okx-test-key-0001";
    public static final String SECRET = "okx-test-secret-0001";
    public static final String PASSPHRASE = "okx-test-Passphrase1";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    /** OKX's API paths: only these get OKX's error answers, so a shared server's other paths stay. */
    private static final String API_PATHS = "/api/v5/.*";

    private final WireMockServer server;
    private final boolean ownsServer;

    private OkxAccountFake(WireMockServer server, boolean ownsServer) {
        this.server = server;
        this.ownsServer = ownsServer;
    }

    public static OkxAccountFake start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        OkxAccountFake fake = new OkxAccountFake(server, true);
        fake.reset();
        return fake;
    }

    /** On a server that also serves other paths; the defaults served anew (a later stub wins over an earlier one). */
    public static OkxAccountFake attachTo(WireMockServer server) {
        OkxAccountFake fake = new OkxAccountFake(server, false);
        fake.serveDefaults();
        return fake;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public Map<String, String> configProperties() {
        return Map.of("sentinel.okx.url", baseUrl());
    }

    public void stop() {
        if (ownsServer) {
            server.stop();
        }
    }

    /** Own server only: everything forgotten, the defaults served. */
    public void reset() {
        server.resetAll();
        serveDefaults();
    }

    private void serveDefaults() {
        server.stubFor(any(urlPathMatching(API_PATHS)).atPriority(100).willReturn(error(401, "50113", "Invalid Sign")));
        server.stubFor(any(urlPathMatching(API_PATHS)).atPriority(50).andMatching(OkxAccountFake::wrongPassphrase)
                .willReturn(error(401, "50105", "Invalid OK-ACCESS-PASSPHRASE")));
        server.stubFor(get(urlPathEqualTo("/api/v5/public/instruments")).atPriority(1)
                .willReturn(json(AccountFixtures.read("okx-public-instruments.swap.synthetic.json"))));
        serves("/api/v5/account/config", AccountFixtures.read("okx-account-config.read-only.synthetic.json"));
        serves("/api/v5/account/balance", AccountFixtures.read("okx-account-balance.single-currency.synthetic.json"));
        serves("/api/v5/account/positions", AccountFixtures.read("okx-account-positions.swap.synthetic.json"));
    }

    /** A correctly signed GET of {@code path} gets {@code body} (HTTP 200). */
    public void serves(String path, String body) {
        answers(path, json(body));
    }

    public void answers(String path, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(path)).atPriority(5).andMatching(OkxAccountFake::signedByTheKey)
                .willReturn(response));
    }

    public List<LoggedRequest> requests(String path) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path)));
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"" + code + "\",\"msg\":\"" + message + "\",\"data\":[]}");
    }

    private static MatchResult signedByTheKey(Request request) {
        String timestamp = header(request, "OK-ACCESS-TIMESTAMP");
        String signature = header(request, "OK-ACCESS-SIGN");
        if (!KEY.equals(header(request, "OK-ACCESS-KEY")) || !PASSPHRASE.equals(header(request, "OK-ACCESS-PASSPHRASE"))
                || timestamp == null || !timestamp.matches(TIMESTAMP) || signature == null) {
            return MatchResult.noMatch();
        }
        String expected = AccountFixtures.base64(AccountFixtures.hmac(SECRET,
                timestamp + request.getMethod().getName() + request.getUrl()));
        return MatchResult.of(expected.equals(signature));
    }

    private static MatchResult wrongPassphrase(Request request) {
        String passphrase = header(request, "OK-ACCESS-PASSPHRASE");
        return MatchResult.of(KEY.equals(header(request, "OK-ACCESS-KEY")) && passphrase != null
                && !PASSPHRASE.equals(passphrase));
    }

    private static String header(Request request, String name) {
        HttpHeader header = request.header(name);
        return header.isPresent() ? header.firstValue() : null;
    }
}
