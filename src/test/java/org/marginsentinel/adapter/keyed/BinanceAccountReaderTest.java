package org.marginsentinel.adapter.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.keyed.fake.BinanceAccountFake;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.testsupport.fakes.MutableClock;

/** The real reader against a fake Binance that verifies HMAC-SHA256 and Ed25519 signatures as Binance does. */
class BinanceAccountReaderTest {

    private static final String READ_ONLY = BinanceAccountFake.read("binance-sapi-apiRestrictions.read-only.json");

    private BinanceAccountFake binance;
    private BinanceAccountReader reader;

    @BeforeEach
    void start() {
        binance = BinanceAccountFake.start();
        reader = new BinanceAccountReader();
        reader.futuresUrl = binance.baseUrl();
        reader.spotUrl = binance.baseUrl() + "/";
        reader.recvWindow = 5000;
        reader.clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        binance.stop();
    }

    @Test
    void anHmacKey_isSignedAsBinanceChecks_andReadsPermissionsPositionsAndBalances() {
        binance.acceptsHmac("hmacKey0123456789", "s3cr3t-hmac", READ_ONLY);
        ApiKey key = ApiKey.hmac(KeyedExchange.BINANCE, "hmacKey0123456789", "s3cr3t-hmac", null);

        assertThat(reader.permissions(key).canReadFutures()).isTrue();
        ExchangeAccountSnapshot snapshot = reader.account(key);

        assertThat(snapshot.positions()).extracting(p -> p.symbol()).containsExactly("ADAUSDT", "COMPUSDT");
        assertThat(snapshot.walletBalance()).isEqualByComparingTo("103.12345678");
        assertThat(binance.verifiedRequests(BinanceAccountFake.ACCOUNT)).isEqualTo(1);
        assertThat(binance.verifiedRequests(BinanceAccountFake.POSITIONS)).isEqualTo(1);
    }

    @Test
    void anEd25519Key_isSignedWithThePrivateHalf_andVerifiedWithThePublicHalfRegistered() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
        binance.acceptsEd25519("edKey0123456789", pem, READ_ONLY);

        ExchangeAccountSnapshot snapshot = reader.account(ApiKey.ed25519("edKey0123456789",
                pair.getPrivate().getEncoded()));

        assertThat(snapshot.positions()).hasSize(2);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThatThrownBy(() -> reader.account(ApiKey.ed25519("edKey0123456789", other.getPrivate().getEncoded())))
                .as("signed with a private key that does not match the registered public key")
                .isInstanceOfSatisfying(KeyedSourceUnavailable.class,
                        e -> assertThat(e.kind()).isEqualTo(KeyedSourceUnavailable.Kind.KEY_REJECTED));
    }

    @Test
    void aWrongSecretOrARevokedKey_isKeyRejected_withNoSecretInTheReason() {
        binance.acceptsHmac("hmacKey0123456789", "s3cr3t-hmac", READ_ONLY);
        ApiKey wrong = ApiKey.hmac(KeyedExchange.BINANCE, "hmacKey0123456789", "not-the-secret", null);

        assertThatThrownBy(() -> reader.permissions(wrong)).isInstanceOfSatisfying(KeyedSourceUnavailable.class, e -> {
            assertThat(e.kind()).isEqualTo(KeyedSourceUnavailable.Kind.KEY_REJECTED);
            assertThat(e.reason()).contains("HTTP 401").contains("-2015").doesNotContain("not-the-secret")
                    .doesNotContain("hmacKey");
        });
        binance.revoke("hmacKey0123456789");
        ApiKey revoked = ApiKey.hmac(KeyedExchange.BINANCE, "hmacKey0123456789", "s3cr3t-hmac", null);
        assertThatThrownBy(() -> reader.account(revoked)).isInstanceOfSatisfying(KeyedSourceUnavailable.class,
                e -> assertThat(e.kind()).isEqualTo(KeyedSourceUnavailable.Kind.KEY_REJECTED));
    }

    @Test
    void binanceErrors_rateLimitsWaitForRetryAfter_otherFailuresAreRetriedLater() {
        assertThat(BinanceErrors.of(429, "{\"code\":-1003,\"msg\":\"Too many requests\"}", "7").retryAfter())
                .hasSeconds(7);
        assertThat(BinanceErrors.of(418, "", null).kind()).isEqualTo(KeyedSourceUnavailable.Kind.RATE_LIMITED);
        assertThat(BinanceErrors.of(400, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}", null)
                .kind()).isEqualTo(KeyedSourceUnavailable.Kind.KEY_REJECTED);
        assertThat(BinanceErrors.of(400, "{\"code\":-2014,\"msg\":\"API-key format invalid.\"}", null).kind())
                .isEqualTo(KeyedSourceUnavailable.Kind.KEY_REJECTED);
        assertThat(BinanceErrors.of(503, "<html>down</html>", null).kind())
                .isEqualTo(KeyedSourceUnavailable.Kind.UNAVAILABLE);
        assertThat(BinanceErrors.isTimestampProblem("{\"code\":-1021,\"msg\":\"Timestamp outside recvWindow\"}"))
                .isTrue();
    }
}
