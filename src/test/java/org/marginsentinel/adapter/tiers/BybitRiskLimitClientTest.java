package org.marginsentinel.adapter.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.TierSchedule;

/** Bybit's public risk limits from a fake Bybit on 127.0.0.1 that pages the fixture in two, by cursor. */
class BybitRiskLimitClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC);

    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @BeforeEach
    void startFakeBybit() throws IOException {
        ObjectNode fixture = (ObjectNode) JSON.readTree(fixture());
        ArrayNode rows = (ArrayNode) fixture.path("result").path("list");
        ObjectNode firstPage = fixture.deepCopy();
        ((ObjectNode) firstPage.get("result")).set("list", JSON.createArrayNode().add(rows.get(0)).add(rows.get(1)));
        ((ObjectNode) firstPage.get("result")).put("nextPageCursor", "15,30");
        ObjectNode secondPage = fixture.deepCopy();
        ((ObjectNode) secondPage.get("result")).set("list", JSON.createArrayNode().add(rows.get(2)).add(rows.get(3)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(BybitRiskLimitClient.PATH, exchange -> {
            String query = exchange.getRequestURI().getQuery();
            queries.add(query);
            String body = failing ? "{\"retCode\":10006,\"retMsg\":\"Too many visits!\"}"
                    : query.contains("cursor=15,30") ? secondPage.toString() : firstPage.toString();
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private BybitRiskLimitClient client() {
        return new BybitRiskLimitClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), CLOCK,
                Duration.ofSeconds(5));
    }

    @Test
    void fetch_followsTheCursor_andBuildsEachSymbolsTiersWithItsSource() {
        Map<String, ListedTiers> tiers = client().fetch();

        assertThat(queries).containsExactly("category=linear", "category=linear&cursor=15,30");
        assertThat(tiers).containsOnlyKeys("BTCUSDT", "1000PEPEUSDT");
        assertThat(tiers.get("BTCUSDT").source().describe()).isEqualTo("Bybit risk limits of 2026-12-04");
        TierSchedule btc = tiers.get("BTCUSDT").schedule();
        assertThat(btc.maxLeverage(new BigDecimal("300000"))).isEqualTo(150); // at the cap: still tier 1
        assertThat(btc.maintenanceMargin(new BigDecimal("1000000"))).isEqualByComparingTo("4490"); // 5,000 − 510
        // 33.33x is rounded down
        assertThat(tiers.get("1000PEPEUSDT").schedule().maxLeverage(new BigDecimal("300000"))).isEqualTo(33);
    }

    @Test
    void fetch_errorCode_failsSayingWhatBybitAnswered() {
        failing = true;

        assertThatThrownBy(() -> client().fetch()).isInstanceOf(BybitRiskLimitClient.TierFetchFailed.class)
                .hasMessageContaining("10006").hasMessageContaining("Too many visits");
    }

    private static String fixture() throws IOException {
        try (InputStream in = BybitRiskLimitClientTest.class.getResourceAsStream("/fixtures/prices/bybit-risk-limit.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
