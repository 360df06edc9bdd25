package org.marginsentinel.adapter.keyed.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
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
 * A fake Bybit v5 on 127.0.0.1 (random port) that answers a signed request only when its {@code X-BAPI-SIGN} is
 * the hex HMAC-SHA256 of timestamp + key + recvWindow + query (the query exactly as sent) under {@link #SECRET};
 * anything else gets Bybit's own "error sign" answer (retCode 10004). Serves the fixture payloads by default: a
 * read-only unified key, regular margin mode, the official wallet balance and two pages of linear positions. Own
 * server, or attached to a shared one (the price fake's: the same Bybit host, as in production).
 */
public final class BybitAccountFake {

    public static final String KEY = "bybit-test-key-0001";
    public static final String SECRET = "bybit-test-secret-0001";
    public static final String PAGE2_CURSOR = "BTCUSDT%3A1796371000000%2CBTCUSDT%3A1796371000000";
    static final String BAD_SIGN = """
            {"retCode":10004,"retMsg":"error sign! origin_string[...]","result":{},"retExtInfo":{},"time":1796371200000}""";

    /** Bybit's private paths: only these get the "error sign" answer, so a shared server's other paths stay. */
    private static final String PRIVATE_PATHS = "/v5/(user|account|position)/.*";

    private final WireMockServer server;
    private final boolean ownsServer;

    private BybitAccountFake(WireMockServer server, boolean ownsServer) {
        this.server = server;
        this.ownsServer = ownsServer;
    }

    public static BybitAccountFake start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        BybitAccountFake fake = new BybitAccountFake(server, true);
        fake.reset();
        return fake;
    }

    /** On a server that also serves other paths; the defaults served anew (a later stub wins over an earlier one). */
    public static BybitAccountFake attachTo(WireMockServer server) {
        BybitAccountFake fake = new BybitAccountFake(server, false);
        fake.serveDefaults();
        return fake;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public Map<String, String> configProperties() {
        return Map.of("sentinel.prices.bybit-url", baseUrl());
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
        server.stubFor(any(urlPathMatching(PRIVATE_PATHS)).atPriority(100).willReturn(json(BAD_SIGN)));
        serves("/v5/user/query-api", AccountFixtures.read("bybit-user-query-api.read-only-uta.synthetic.json"));
        serves("/v5/account/info", AccountFixtures.read("bybit-account-info.regular-margin.synthetic.json"));
        serves("/v5/account/wallet-balance", AccountFixtures.read("bybit-account-wallet-balance.official.json"));
        serves("/v5/position/list", AccountFixtures.read("bybit-position-list.linear-page1.synthetic.json"));
        server.stubFor(get(urlPathEqualTo("/v5/position/list")).atPriority(1)
                .withQueryParam("cursor", matching(".+")).andMatching(BybitAccountFake::signedByTheKey)
                .willReturn(json(AccountFixtures.read("bybit-position-list.linear-page2.synthetic.json"))));
    }

    /** A correctly signed GET of {@code path} gets {@code body} (HTTP 200). */
    public void serves(String path, String body) {
        answers(path, json(body));
    }

    /** A correctly signed GET of {@code path} gets this answer. */
    public void answers(String path, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(path)).atPriority(5).andMatching(BybitAccountFake::signedByTheKey)
                .willReturn(response));
    }

    public List<LoggedRequest> requests(String path) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path)));
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static MatchResult signedByTheKey(Request request) {
        String key = header(request, "X-BAPI-API-KEY");
        String timestamp = header(request, "X-BAPI-TIMESTAMP");
        String recvWindow = header(request, "X-BAPI-RECV-WINDOW");
        String signature = header(request, "X-BAPI-SIGN");
        if (!KEY.equals(key) || timestamp == null || recvWindow == null || signature == null) {
            return MatchResult.noMatch();
        }
        String url = request.getUrl();
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        String expected = AccountFixtures.hex(AccountFixtures.hmac(SECRET, timestamp + key + recvWindow + query));
        return MatchResult.of(expected.equals(signature));
    }

    private static String header(Request request, String name) {
        HttpHeader header = request.header(name);
        return header.isPresent() ? header.firstValue() : null;
    }
}
