package org.marginsentinel.adapter.prices.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Iterator;
import java.util.Map;

/**
 * A fake Hyperliquid {@code POST /info} on an in-process WireMock server (127.0.0.1, random port), serving the
 * recorded payloads of {@code fixtures/prices/hyperliquid/}: the market ({@code metaAndAssetCtxs}) by default,
 * an empty account for any address nobody set, and whatever a test sets per address. Point the bot at it with
 * {@link #configProperties()}.
 */
public final class HyperliquidInfoFake {

    public static final String EMPTY_ACCOUNT = """
            {"assetPositions":[],"crossMaintenanceMarginUsed":"0.0",
             "crossMarginSummary":{"accountValue":"0.0","totalMarginUsed":"0.0","totalNtlPos":"0.0","totalRawUsd":"0.0"},
             "marginSummary":{"accountValue":"0.0","totalMarginUsed":"0.0","totalNtlPos":"0.0","totalRawUsd":"0.0"},
             "time":1789824000123,"withdrawable":"0.0"}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    private HyperliquidInfoFake(WireMockServer server) {
        this.server = server;
    }

    public static HyperliquidInfoFake start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        HyperliquidInfoFake fake = new HyperliquidInfoFake(server);
        fake.reset();
        return fake;
    }

    public Map<String, String> configProperties() {
        return Map.of("sentinel.hyperliquid.url", "http://127.0.0.1:" + server.port());
    }

    public void stop() {
        server.stop();
    }

    /** Back to the fixture market and empty accounts. */
    public void reset() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/info")).atPriority(10)
                .withRequestBody(matchingJsonPath("$.type", equalTo("clearinghouseState")))
                .willReturn(json(EMPTY_ACCOUNT)));
        servesMarket(PriceFixtures.read("hyperliquid-metaAndAssetCtxs.json"));
    }

    public void servesMarket(String body) {
        server.stubFor(post(urlEqualTo("/info")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.type", equalTo("metaAndAssetCtxs")))
                .willReturn(json(body)));
    }

    /** {@code meta} (the coins and their size decimals) answers {@code body}; unstubbed it is a 404. */
    public void servesMeta(String body) {
        server.stubFor(post(urlEqualTo("/info")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.type", equalTo("meta")))
                .willReturn(json(body)));
    }

    /** The fixture market with these coins' marks changed. */
    public void servesMarks(Map<String, String> marks) {
        try {
            ArrayNode root = (ArrayNode) JSON.readTree(PriceFixtures.read("hyperliquid-metaAndAssetCtxs.json"));
            ArrayNode universe = (ArrayNode) root.get(0).get("universe");
            for (int i = 0; i < universe.size(); i++) {
                String coin = universe.get(i).get("name").asText();
                if (marks.containsKey(coin)) {
                    ((ObjectNode) root.get(1).get(i)).put("markPx", marks.get(coin));
                }
            }
            servesMarket(JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code clearinghouseState} of {@code address} (any case) answers {@code body}. */
    public void servesAccount(String address, String body) {
        server.stubFor(accountRequest(address).willReturn(json(body)));
    }

    /** {@code clearinghouseState} of {@code address} fails with this status and body. */
    public void failsAccount(String address, int status, String body) {
        server.stubFor(accountRequest(address).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/plain").withBody(body)));
    }

    /** The three-position fixture without {@code coin}, the account value lowered by {@code loss}. */
    public static String threePositionsWithout(String coin, String accountValue) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(PriceFixtures.read("hyperliquid-clearinghouseState.json"));
            Iterator<JsonNode> rows = root.get("assetPositions").elements();
            while (rows.hasNext()) {
                if (rows.next().get("position").get("coin").asText().equals(coin)) {
                    rows.remove();
                }
            }
            ((ObjectNode) root.get("marginSummary")).put("accountValue", accountValue);
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many {@code clearinghouseState} requests asked about {@code address}. */
    public int accountRequests(String address) {
        return server.findAll(postRequestedFor(urlEqualTo("/info"))
                .withRequestBody(matchingJsonPath("$.user", equalToIgnoreCase(address)))).size();
    }

    private static MappingBuilder accountRequest(String address) {
        return post(urlEqualTo("/info")).atPriority(2)
                .withRequestBody(matchingJsonPath("$.type", equalTo("clearinghouseState")))
                .withRequestBody(matchingJsonPath("$.user", equalToIgnoreCase(address)));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
