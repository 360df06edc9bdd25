package org.marginsentinel.adapter.keyed.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.keyed.KeyedRequestBudget;
import org.marginsentinel.adapter.keyed.fake.AccountFixtures;
import org.marginsentinel.adapter.keyed.fake.OkxAccountFake;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.application.port.KeyedSourceUnavailable.Kind;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.testsupport.fakes.MutableClock;

class OkxAccountReaderTest {

    private static final ApiKey KEY = ApiKey.hmac(KeyedExchange.OKX, OkxAccountFake.KEY, OkxAccountFake.SECRET,
            OkxAccountFake.PASSPHRASE);
    private static OkxAccountFake fake;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T22:00:00Z"));
    private OkxAccountReader reader;

    @BeforeAll
    static void startFake() {
        fake = OkxAccountFake.start();
    }

    @AfterAll
    static void stopFake() {
        fake.stop();
    }

    @BeforeEach
    void freshReader() {
        fake.reset();
        reader = new OkxAccountReader(URI.create(fake.baseUrl()), clock,
                new KeyedRequestBudget(5, Duration.ofSeconds(2), Duration.ofSeconds(3), clock, clock::advance));
    }

    @Test
    void aReadOnlyKey_isReadOnlyAndBoundToAnIp() {
        assertThat(reader.permissions(KEY)).isEqualTo(new KeyPermissions(true, false, false, true, null));
    }

    @Test
    void aKeyThatTradesAndWithdraws_isReportedAsSuch() {
        fake.serves("/api/v5/account/config", AccountFixtures.read("okx-account-config.trade-withdraw.synthetic.json"));

        KeyPermissions permissions = reader.permissions(KEY);

        assertThat(permissions.canTrade()).isTrue();
        assertThat(permissions.canWithdraw()).isTrue();
        assertThat(permissions.ipRestricted()).isFalse();
    }

    @Test
    void account_readsTheUsdtBalanceAndSwapPositions_contractsTurnedIntoCoins() {
        ExchangeAccountSnapshot snapshot = reader.account(KEY);

        assertThat(snapshot.walletBalance()).isEqualByComparingTo("10000");
        assertThat(snapshot.marginBalance()).isEqualByComparingTo("10300");
        assertThat(snapshot.maintenanceMargin()).isEqualByComparingTo("122");
        assertThat(snapshot.exchangeMarginRatio()).as("OKX's mgnRatio, equity over requirement").isEqualByComparingTo("75.6");
        assertThat(snapshot.availableBalance()).isEqualByComparingTo("7000");
        assertThat(snapshot.time()).isEqualTo(Instant.ofEpochMilli(1796371200000L));
        assertThat(snapshot.portfolioMargin()).isFalse();
        assertThat(snapshot.positions()).as("the MARGIN row of the official example is not a swap")
                .extracting(ExchangePosition::symbol).containsExactly("BTC-USDT-SWAP", "ETH-USDT-SWAP");
        ExchangePosition btc = snapshot.positions().get(0);
        assertThat(btc.side()).as("net mode, positive contracts").isEqualTo(Side.LONG);
        assertThat(btc.size()).as("50 contracts of 0.01 BTC").isEqualByComparingTo("0.5");
        assertThat(btc.mode()).isEqualTo(MarginMode.CROSS);
        assertThat(btc.exchangeLiquidation()).isEqualByComparingTo("41000.3");
        assertThat(btc.maintenanceMargin()).isEqualByComparingTo("122");
        assertThat(btc.adlRank()).isEqualTo(2);
        assertThat(btc.adlRankMax()).isEqualTo(5);
        ExchangePosition eth = snapshot.positions().get(1);
        assertThat(eth.side()).isEqualTo(Side.SHORT);
        assertThat(eth.size()).as("20 contracts of 0.1 ETH").isEqualByComparingTo("2");
        assertThat(eth.mode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(eth.isolatedMargin()).isEqualByComparingTo("1200");
        assertThat(fake.requests("/api/v5/account/positions").get(0).getUrl())
                .isEqualTo("/api/v5/account/positions?instType=SWAP");
    }

    @Test
    void theInstrumentsAndTheAccountMode_areCached_acrossPolls() {
        reader.account(KEY);
        reader.account(KEY);

        assertThat(fake.requests("/api/v5/public/instruments")).hasSize(1);
        assertThat(fake.requests("/api/v5/account/config")).hasSize(1);
        assertThat(fake.requests("/api/v5/account/positions")).hasSize(2);
    }

    @Test
    void theOfficialPositionsExample_holdsNoSwap() {
        fake.serves("/api/v5/account/positions", AccountFixtures.read("okx-account-positions.official.json"));

        assertThat(reader.account(KEY).positions()).isEmpty();
        assertThat(fake.requests("/api/v5/public/instruments")).isEmpty();
    }

    @Test
    void portfolioMargin_isFlaggedOnTheSnapshot() {
        fake.serves("/api/v5/account/config", AccountFixtures.read("okx-account-config.portfolio.synthetic.json"));

        assertThat(reader.account(KEY).portfolioMargin()).isTrue();
    }

    @Test
    void aWrongSecretOrPassphrase_isAKeyProblem() {
        ApiKey wrongSecret = ApiKey.hmac(KeyedExchange.OKX, OkxAccountFake.KEY, "nope", OkxAccountFake.PASSPHRASE);
        ApiKey wrongPassphrase = ApiKey.hmac(KeyedExchange.OKX, OkxAccountFake.KEY, OkxAccountFake.SECRET, "nope");

        KeyedSourceUnavailable badSign = catchThrowableOfType(KeyedSourceUnavailable.class,
                () -> reader.permissions(wrongSecret));
        KeyedSourceUnavailable badPassphrase = catchThrowableOfType(KeyedSourceUnavailable.class,
                () -> reader.permissions(wrongPassphrase));

        assertThat(badSign.kind()).isEqualTo(Kind.KEY_REJECTED);
        assertThat(badSign.reason()).contains("50113");
        assertThat(badPassphrase.kind()).isEqualTo(Kind.KEY_REJECTED);
        assertThat(badPassphrase.reason()).contains("passphrase").doesNotContain("nope");
    }

    @Test
    void aRevokedKey_isAKeyProblem() {
        fake.answers("/api/v5/account/balance", OkxAccountFake.error(401, "50111", "Invalid OK-ACCESS-KEY"));

        assertThat(catchThrowableOfType(KeyedSourceUnavailable.class, () -> reader.account(KEY)).kind())
                .isEqualTo(Kind.KEY_REJECTED);
    }

    @Test
    void okxsRateLimit_waitsTwoSeconds() {
        fake.answers("/api/v5/account/positions", OkxAccountFake.error(429, "50011", "Rate limit reached."));

        KeyedSourceUnavailable limited = catchThrowableOfType(KeyedSourceUnavailable.class, () -> reader.account(KEY));

        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aServerError_isTriedAgainLater() {
        fake.answers("/api/v5/account/balance", OkxAccountFake.error(503, "50001", "Service temporarily unavailable"));

        assertThat(catchThrowableOfType(KeyedSourceUnavailable.class, () -> reader.account(KEY)).kind())
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void theTimestampHeader_isIsoWithMillisecondsInUtc() {
        assertThat(OkxAccountReader.TIMESTAMP.format(Instant.parse("2020-12-08T09:08:57Z")))
                .isEqualTo("2020-12-08T09:08:57.000Z");
    }
}
