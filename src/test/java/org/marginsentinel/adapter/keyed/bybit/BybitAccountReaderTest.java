package org.marginsentinel.adapter.keyed.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.keyed.KeyedRequestBudget;
import org.marginsentinel.adapter.keyed.LenientJson;
import org.marginsentinel.adapter.keyed.fake.AccountFixtures;
import org.marginsentinel.adapter.keyed.fake.BybitAccountFake;
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

class BybitAccountReaderTest {

    private static final ApiKey KEY = ApiKey.hmac(KeyedExchange.BYBIT, BybitAccountFake.KEY, BybitAccountFake.SECRET,
            null);
    private static BybitAccountFake fake;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T22:00:00Z"));
    private BybitAccountReader reader;

    @BeforeAll
    static void startFake() {
        fake = BybitAccountFake.start();
    }

    @AfterAll
    static void stopFake() {
        fake.stop();
    }

    @BeforeEach
    void freshReader() {
        fake.reset();
        reader = new BybitAccountReader(URI.create(fake.baseUrl()), clock,
                new KeyedRequestBudget(5, Duration.ofSeconds(1), Duration.ofSeconds(2), clock, clock::advance));
    }

    @Test
    void readOnlyUnifiedKey_isReadOnlyAndBoundToAnIp() {
        KeyPermissions permissions = reader.permissions(KEY);

        assertThat(permissions).isEqualTo(new KeyPermissions(true, false, false, true, null));
    }

    @Test
    void theOfficialExampleKey_mayMoveFundsBetweenAccounts_soItIsNotReadOnly() {
        fake.serves("/v5/user/query-api", AccountFixtures.read("bybit-user-query-api.official.json"));

        KeyPermissions permissions = reader.permissions(KEY);

        assertThat(permissions.canWithdraw()).isTrue();
        assertThat(permissions.canTrade()).isFalse();
        assertThat(permissions.ipRestricted()).isFalse();
        assertThat(permissions.expiresAt()).isEqualTo(Instant.parse("2023-05-15T03:13:24Z"));
    }

    @Test
    void aTradingKeyWithWithdrawals_isReportedAsSuch() {
        fake.serves("/v5/user/query-api", AccountFixtures.read("bybit-user-query-api.trading.synthetic.json"));

        KeyPermissions permissions = reader.permissions(KEY);

        assertThat(permissions.canTrade()).isTrue();
        assertThat(permissions.canWithdraw()).isTrue();
        assertThat(permissions.expiresAt()).isEqualTo(Instant.parse("2027-01-03T09:00:00Z"));
    }

    @Test
    void account_readsTheUnifiedWalletAndEveryPageOfLinearPositions_allSigned() {
        ExchangeAccountSnapshot snapshot = reader.account(KEY);

        assertThat(snapshot.walletBalance()).isEqualByComparingTo("18070.43799271");
        assertThat(snapshot.marginBalance()).isEqualByComparingTo("18070.32797922");
        assertThat(snapshot.maintenanceMargin()).isEqualByComparingTo("0.38106773");
        assertThat(snapshot.exchangeMarginRatio()).isEqualByComparingTo("0");
        assertThat(snapshot.availableBalance()).isEqualByComparingTo("17887.72614237");
        assertThat(snapshot.time()).isEqualTo(Instant.ofEpochMilli(1796371200000L));
        assertThat(snapshot.portfolioMargin()).isFalse();
        assertThat(snapshot.positions()).extracting(ExchangePosition::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        ExchangePosition btc = snapshot.positions().get(0);
        assertThat(btc.side()).isEqualTo(Side.LONG);
        assertThat(btc.mode()).isEqualTo(MarginMode.CROSS);
        assertThat(btc.size()).isEqualByComparingTo("0.5");
        assertThat(btc.markPrice()).isEqualByComparingTo("61000");
        assertThat(btc.exchangeLiquidation()).isNull();
        assertThat(btc.maintenanceMargin()).isEqualByComparingTo("150");
        assertThat(btc.isolatedMargin()).isNull();
        assertThat(btc.adlRank()).isEqualTo(2);
        assertThat(btc.adlRankMax()).isEqualTo(5);
        assertThat(snapshot.positions().get(1).side()).isEqualTo(Side.SHORT);
        assertThat(fake.requests("/v5/account/wallet-balance").get(0).getUrl()).endsWith("accountType=UNIFIED");
        assertThat(fake.requests("/v5/position/list")).extracting(r -> r.getUrl())
                .containsExactly("/v5/position/list?category=linear&limit=200&settleCoin=USDT",
                        "/v5/position/list?category=linear&limit=200&settleCoin=USDT&cursor="
                                + BybitAccountFake.PAGE2_CURSOR);
    }

    @Test
    void aUnifiedAccountInIsolatedMarginMode_hasOnlyIsolatedPositions_withTheirPositionMargin() {
        fake.serves("/v5/account/info", AccountFixtures.read("bybit-account-info.regular-margin.synthetic.json")
                .replace("REGULAR_MARGIN", "ISOLATED_MARGIN"));

        ExchangeAccountSnapshot snapshot = reader.account(KEY);

        assertThat(snapshot.positions()).allSatisfy(p -> assertThat(p.mode()).isEqualTo(MarginMode.ISOLATED));
        assertThat(snapshot.positions().get(0).isolatedMargin()).isEqualByComparingTo("3000");
    }

    @Test
    void portfolioMargin_isFlaggedOnTheSnapshot() {
        fake.serves("/v5/account/info", AccountFixtures.read("bybit-account-info.regular-margin.synthetic.json")
                .replace("REGULAR_MARGIN", "PORTFOLIO_MARGIN"));

        assertThat(reader.account(KEY).portfolioMargin()).isTrue();
    }

    @Test
    void aClassicAccount_readsTheContractWallet_andTradeModePerPosition() {
        fake.serves("/v5/user/query-api", AccountFixtures.read("bybit-user-query-api.read-only-uta.synthetic.json")
                .replace("\"uta\": 1", "\"uta\": 0"));
        fake.serves("/v5/position/list", AccountFixtures.read("bybit-position-list.linear-page2.synthetic.json")
                .replace("\"tradeMode\": 0", "\"tradeMode\": 1"));

        ExchangeAccountSnapshot snapshot = reader.account(KEY);

        assertThat(fake.requests("/v5/account/wallet-balance").get(0).getUrl()).endsWith("accountType=CONTRACT");
        assertThat(fake.requests("/v5/account/info")).isEmpty();
        assertThat(snapshot.positions()).singleElement().satisfies(p -> {
            assertThat(p.mode()).isEqualTo(MarginMode.ISOLATED);
            assertThat(p.isolatedMargin()).isEqualByComparingTo("3000");
        });
    }

    @Test
    void theAccountSetup_isAskedOnceAnHour_notOnEveryPoll() {
        reader.account(KEY);
        reader.account(KEY);
        assertThat(fake.requests("/v5/user/query-api")).hasSize(1);

        clock.advance(Duration.ofMinutes(61));
        reader.account(KEY);
        assertThat(fake.requests("/v5/user/query-api")).hasSize(2);
    }

    @Test
    void aWrongSecret_failsBybitsSignatureCheck_andIsAKeyProblem() {
        ApiKey wrong = ApiKey.hmac(KeyedExchange.BYBIT, BybitAccountFake.KEY, "not-the-secret", null);

        KeyedSourceUnavailable refused = catchThrowableOfType(KeyedSourceUnavailable.class,
                () -> reader.permissions(wrong));

        assertThat(refused.kind()).isEqualTo(Kind.KEY_REJECTED);
        assertThat(refused.reason()).contains("10004").doesNotContain("not-the-secret");
    }

    @Test
    void aRevokedOrExpiredKey_isAKeyProblem() {
        fake.serves("/v5/user/query-api", """
                {"retCode":10003,"retMsg":"API key is invalid.","result":{},"retExtInfo":{},"time":1796371200000}""");
        assertThat(catchThrowableOfType(KeyedSourceUnavailable.class, () -> reader.permissions(KEY)).kind())
                .isEqualTo(Kind.KEY_REJECTED);

        fake.serves("/v5/user/query-api", """
                {"retCode":33004,"retMsg":"Your api key has expired.","result":{},"retExtInfo":{},"time":1}""");
        KeyedSourceUnavailable expired = catchThrowableOfType(KeyedSourceUnavailable.class,
                () -> reader.permissions(KEY));
        assertThat(expired.kind()).isEqualTo(Kind.KEY_REJECTED);
        assertThat(expired.reason()).contains("expired");
    }

    @Test
    void bybitsRateLimitCode_waitsUntilItsResetTime() {
        long reset = clock.millis() + 3_000;
        fake.answers("/v5/user/query-api", BybitAccountFake.json("""
                {"retCode":10006,"retMsg":"Too many visits!","result":{},"retExtInfo":{},"time":1796371200000}""")
                .withHeader("X-Bapi-Limit-Reset-Timestamp", String.valueOf(reset)));

        KeyedSourceUnavailable limited = catchThrowableOfType(KeyedSourceUnavailable.class,
                () -> reader.permissions(KEY));

        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void anHttp403FromBybit_isItsIpBan_notAKeyProblem() {
        fake.answers("/v5/user/query-api", BybitAccountFake.json("access too frequent").withStatus(403));

        KeyedSourceUnavailable banned = catchThrowableOfType(KeyedSourceUnavailable.class,
                () -> reader.permissions(KEY));

        assertThat(banned.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(banned.retryAfter()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theOfficialPositionExample_parsesLeniently() {
        JsonNode row = LenientJson.read(AccountFixtures.read("bybit-position-list.official.json"))
                .path("result").path("list").path(0);

        ExchangePosition position = BybitPayloads.position(row, new BybitPayloads.Profile(false, ""));

        assertThat(position.side()).isEqualTo(Side.SHORT);
        assertThat(position.size()).isEqualByComparingTo("300");
        assertThat(position.mode()).isEqualTo(MarginMode.CROSS);
        assertThat(position.exchangeLiquidation()).as("liqPrice \"\" means none").isNull();
        assertThat(position.maintenanceMargin()).isEqualByComparingTo(new BigDecimal("0.0000015"));
        assertThat(position.adlRank()).isEqualTo(2);
        assertThat(position.leverage()).isEqualTo(10);
    }
}
