package org.marginsentinel.adapter.prices.instruments;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.fake.HyperliquidInfoFake;
import org.marginsentinel.adapter.prices.fake.InjectHyperliquid;
import org.marginsentinel.adapter.prices.fake.PriceFixtures;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.format.SymbolPrecisions;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * The instrument feed in the running application: it reads the fake exchanges' instrument lists through the REST
 * clients, and the prices and sizes every chat sees are written at the symbol's tick and step. Off by default in tests
 * ({@code sentinel.instruments.enabled}); this test asks for a read and forgets it afterwards, so no other class's
 * numbers change.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class InstrumentFeedE2ETest {

    @InjectConversation
    Conversation chat;

    @InjectHyperliquid
    HyperliquidInfoFake hyperliquid;

    @Inject
    InstrumentFeed feed;

    private final List<StubMapping> stubs = new ArrayList<>();
    private final Numbers english = Texts.of(Language.EN).numbers();
    private final Numbers russian = Texts.of(Language.RU).numbers();

    @BeforeEach
    void exchangesListTheirInstruments() {
        chat.begin();
        WireMockServer exchanges = chat.priceApi().server();
        stubs.add(exchanges.stubFor(get(urlPathEqualTo("/fapi/v1/exchangeInfo"))
                .willReturn(json(PriceFixtures.read("binance-exchangeInfo.json")))));
        stubs.add(exchanges.stubFor(get(urlPathEqualTo("/v5/market/instruments-info"))
                .withQueryParam("category", equalTo("linear")).withQueryParam("cursor", absent())
                .willReturn(json(PriceFixtures.read("bybit-instruments-info-linear.page1.json")))));
        stubs.add(exchanges.stubFor(get(urlPathEqualTo("/v5/market/instruments-info"))
                .withQueryParam("cursor", equalTo("first%3D1000PEPEUSDT%26last%3DSOLUSDT"))
                .willReturn(json(PriceFixtures.read("bybit-instruments-info-linear.page2.json")))));
        hyperliquid.servesMeta(PriceFixtures.read("hyperliquid-meta.json"));
    }

    @AfterEach
    void forgetTheLists() {
        feed.forget();
        stubs.forEach(chat.priceApi().server()::removeStub);
        hyperliquid.reset();
    }

    @Test
    void afterARead_pricesAndSizesAreWrittenAtEachSymbolsTickAndStep_inEveryLanguage() {
        BigDecimal pepe = new BigDecimal("0.00384474");
        assertThat(english.price("1000PEPEUSDT", pepe)).as("before a read: Fmt's rules").isEqualTo("0.00384474");

        int known = feed.refresh();

        assertThat(known).isEqualTo(8); // Binance 2, Bybit 2 more (DOGE, SOL), Hyperliquid 4 coins (MATIC delisted)
        assertThat(english.price("1000PEPEUSDT", pepe)).isEqualTo("0.0038447"); // Binance's tick 0.0000001
        assertThat(SymbolPrecisions.of("1000PEPEUSDT").orElseThrow().stepSize()).isEqualByComparingTo("1"); // Binance's, not Bybit's 100
        assertThat(english.price("DOGEUSDT", new BigDecimal("0.3"))).isEqualTo("0.30000"); // Bybit's (second page)
        assertThat(english.price("SOLUSDT", new BigDecimal("200"))).isEqualTo("200.00");
        assertThat(russian.price("BTCUSDT", new BigDecimal("97000.04"))).isEqualTo("97\u00A0000,0");
        assertThat(english.price("kPEPE", new BigDecimal("0.0038447"))).isEqualTo("0.003845"); // Hyperliquid's 5 figures
    }

    @Test
    void positions_showASmallPriceAtItsTick_andTheSizeAtItsStep() {
        chat.marks(Map.of("1000PEPEUSDT", "0.00384474", "BTCUSDT", "97000"));
        long trader = chat.newTrader();
        feed.refresh();

        chat.say(trader, "/long 1000PEPE 26010 5x"); // about 100 USDT of notional

        assertThat(chat.say(trader, "/positions")).contains("1000PEPEUSDT LONG 26,010")
                .contains("Entry 0.0038447 · Mark 0.0038447") // Fmt alone would write 0.00384474
                .doesNotContain("0.00384474");
    }

    @Test
    void aListThatFailsLater_keepsTheLastOne_andStoppingForgetsThemAll() {
        feed.refresh();
        stubs.add(chat.priceApi().server().stubFor(get(urlPathEqualTo("/fapi/v1/exchangeInfo")).atPriority(1)
                .willReturn(aResponse().withStatus(451).withBody(PriceFixtures.read("binance-451.json")))));

        feed.refresh();

        assertThat(english.price("1000PEPEUSDT", new BigDecimal("0.00384474"))).isEqualTo("0.0038447");
        feed.forget();
        assertThat(SymbolPrecisions.of("1000PEPEUSDT")).isEmpty();
        assertThat(english.price("DOGEUSDT", new BigDecimal("0.3"))).isEqualTo("0.300000");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
