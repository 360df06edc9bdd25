package org.marginsentinel.adapter.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.marginsentinel.adapter.prices.binance.BinanceErrors;
import org.marginsentinel.adapter.prices.bybit.BybitErrors;
import org.marginsentinel.adapter.prices.fake.PriceFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpFailuresTest {

    @Test
    void binance_451_isRegionBlocked() {
        PriceSourceException failure = BinanceErrors.of(451, null, PriceFixtures.read("binance-451.json"));

        assertThat(failure).isInstanceOf(RegionBlockedException.class);
        assertThat(((RegionBlockedException) failure).status()).isEqualTo(451);
        assertThat(failure.source()).isEqualTo("binance");
    }

    @Test
    void binance_429WithRetryAfterSeconds_carriesTheWait() {
        PriceSourceException failure = BinanceErrors.of(429, "30", PriceFixtures.read("binance-429.json"));

        assertThat(failure).isInstanceOfSatisfying(RateLimitedException.class, limited -> {
            assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(limited.retryAt()).isEmpty();
            assertThat(limited.banned()).isFalse();
        });
    }

    @Test
    void binance_429WithRetryAfterDate_carriesTheInstant() {
        PriceSourceException failure = BinanceErrors.of(429, "Sat, 19 Sep 2026 13:21:00 GMT", "");

        assertThat(failure).isInstanceOfSatisfying(RateLimitedException.class, limited -> {
            assertThat(limited.retryAfter()).isEmpty();
            assertThat(limited.retryAt()).contains(Instant.parse("2026-09-19T13:21:00Z"));
        });
    }

    @Test
    void binance_418_readsTheBanEndFromTheBody() {
        PriceSourceException failure = BinanceErrors.of(418, null, PriceFixtures.read("binance-418.json"));

        assertThat(failure).isInstanceOfSatisfying(RateLimitedException.class, limited -> {
            assertThat(limited.banned()).isTrue();
            assertThat(limited.retryAt()).contains(Instant.ofEpochMilli(1789824420000L));
        });
    }

    @ParameterizedTest(name = "[{index}] HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504, 408})
    void binance_serverErrors_areTransient(int status) {
        assertThat(BinanceErrors.of(status, null, PriceFixtures.read("binance-503.json")))
                .isInstanceOf(TransientSourceException.class);
    }

    @ParameterizedTest(name = "[{index}] HTTP {0}")
    @ValueSource(ints = {400, 403, 404})
    void binance_otherClientErrors_arePlainRefusals(int status) {
        PriceSourceException failure = BinanceErrors.of(status, null, PriceFixtures.read("binance-400-invalid-symbol.json"));

        assertThat(failure.getClass()).isEqualTo(PriceSourceException.class);
        assertThat(failure).hasMessageContaining("HTTP " + status);
    }

    @Test
    void bybit_403CloudFrontPage_isRegionBlocked() {
        assertThat(BybitErrors.of(403, null, PriceFixtures.read("bybit-403-cloudfront.html")))
                .isInstanceOf(RegionBlockedException.class)
                .hasMessageContaining("403");
    }

    @Test
    void bybit_403AccessTooFrequent_isRateLimitedForTenMinutes() {
        assertThat(BybitErrors.of(403, null, "access too frequent"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        limited -> assertThat(limited.retryAfter()).contains(Duration.ofMinutes(10)));
    }

    @Test
    void bybit_429_isRateLimited() {
        assertThat(BybitErrors.of(429, "2", "")).isInstanceOfSatisfying(RateLimitedException.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(2)));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "soon", "-5", "1.5"})
    void retryAfterSeconds_unusableHeader_isIgnored(String header) {
        assertThat(HttpFailures.retryAfterSeconds(header)).isNull();
    }

    @Test
    void snippet_longHtml_isOneShortLine() {
        String snippet = HttpFailures.snippet(PriceFixtures.read("bybit-403-cloudfront.html"));

        assertThat(snippet).doesNotContain("\n").hasSizeLessThanOrEqualTo(161);
    }
}
