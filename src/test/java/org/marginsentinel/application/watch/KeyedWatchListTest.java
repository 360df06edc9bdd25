package org.marginsentinel.application.watch;

import static org.marginsentinel.testsupport.Refusals.saying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.keyed.AesGcmVault;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.port.KeyedAccountReader;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.application.port.SecretVault;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.domain.watch.keyed.KeyedValuer;
import org.marginsentinel.testsupport.fakes.InMemoryAlertStore;
import org.marginsentinel.testsupport.fakes.MutableClock;

/**
 * The keyed half of /watch without the framework: a refused key stores nothing, an exchange without a reader or a
 * bot without a master key answers clearly, and a master key rotation re-seals every stored key at start.
 */
class KeyedWatchListTest {

    private static final long USER = 7;
    private static final ExchangeAccountSnapshot EMPTY = new ExchangeAccountSnapshot(Instant.EPOCH, BigDecimal.TEN,
            BigDecimal.TEN, null, null, null, List.of());

    private final Map<Long, KeyedStore.Stored> rows = new HashMap<>();
    private final Map<String, KeyedStore.Pending> pending = new HashMap<>();
    private final List<KeyedAccountReader> installedReaders = new ArrayList<>();
    private KeyPermissions permissions = new KeyPermissions(true, false, false, false, null);
    private KeyedWatchList list;

    @BeforeEach
    void wire() {
        list = wired(AesGcmVault.of(key(), null));
        installedReaders.add(new KeyedAccountReader() {
            @Override
            public KeyedExchange exchange() {
                return KeyedExchange.BINANCE;
            }

            @Override
            public KeyPermissions permissions(ApiKey apiKey) {
                if (apiKey.keyId().startsWith("revoked")) {
                    throw new KeyedSourceUnavailable(KeyedSourceUnavailable.Kind.KEY_REJECTED, "HTTP 401, code -2015",
                            null, null);
                }
                return permissions;
            }

            @Override
            public ExchangeAccountSnapshot account(ApiKey apiKey) {
                return EMPTY;
            }
        });
    }

    @Test
    void aTradingKey_orARejectedOne_isRefusedWithNothingStored() {
        permissions = new KeyPermissions(true, true, false, false, null);
        KeyedWatchList.Outcome trading = list.connectHmac(USER, KeyedExchange.BINANCE, "tradingKey12345", "s", null);
        KeyedWatchList.Outcome rejected = list.connectHmac(USER, KeyedExchange.BINANCE, "revokedKey12345", "s", null);

        assertThat(why(trading)).contains("can trade").contains("Enable Reading")
                .contains("Nothing was stored");
        assertThat(why(rejected)).contains("rejected the key (HTTP 401");
        assertThat(rows).isEmpty();
        assertThat(list.book.all()).isEmpty();
    }

    @Test
    void aReadOnlyKey_isStoredSealed_andCountsAgainstTheSameLimitAsHyperliquidAddresses() {
        KeyedWatchList.Outcome outcome = list.connectHmac(USER, KeyedExchange.BINANCE, "readOnlyKey1234", "secret-x",
                null);

        KeyedAccount account = ((KeyedWatchList.Outcome.Connected) outcome).account();
        assertThat(account.maskedKeyId()).isEqualTo("read…1234");
        assertThat(rows.get(account.id()).sealedKey().ciphertext()).doesNotContain("secret-x");
        assertThat(list.book.key(account.id())).contains(ApiKey.hmac(KeyedExchange.BINANCE, "readOnlyKey1234", "x",
                null));
        assertThat(list.connectHmac(USER, KeyedExchange.BINANCE, "readOnlyKey1234", "secret-x", null))
                .isInstanceOfSatisfying(KeyedWatchList.Outcome.Refused.class,
                        r -> assertThat(why(r)).contains("already watch this key as #1"));
        list.connectHmac(USER, KeyedExchange.BINANCE, "readOnlyKey5678", "secret-y", null);
        assertThat(list.connectHmac(USER, KeyedExchange.BINANCE, "readOnlyKey9999", "secret-z", null))
                .as("the limit is 2 in this test").isInstanceOfSatisfying(KeyedWatchList.Outcome.Refused.class,
                        r -> assertThat(why(r)).contains("the most allowed"));
    }

    @Test
    void noReaderInstalled_orNoMasterKey_isAnsweredClearly() {
        assertThat(list.connectHmac(USER, KeyedExchange.BYBIT, "bybitKey123456", "s", null))
                .isInstanceOfSatisfying(KeyedWatchList.Outcome.Refused.class, r -> assertThat(why(r))
                        .contains("Watching Bybit accounts is not available on this bot yet").contains("Binance"));

        KeyedWatchList disabled = wired(AesGcmVault.disabled("no master key"));
        assertThatThrownBy(() -> disabled.beginEd25519(USER)).isInstanceOf(CommandRejected.class)
                .satisfies(saying("switched off on this bot")).satisfies(saying("master key"));
        assertThat(pending).isEmpty();
    }

    @Test
    void theEd25519Flow_keepsThePrivateHalfSealedUntilTheKeyIdComes() {
        assertThat(list.connectEd25519(USER, "edKey0123456789")).isInstanceOfSatisfying(
                KeyedWatchList.Outcome.Refused.class, r -> assertThat(why(r)).contains("Send /watch binance first"));

        String pem = list.beginEd25519(USER);
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----").endsWith("-----END PUBLIC KEY-----");
        assertThat(pending).hasSize(1);

        KeyedWatchList.Outcome outcome = list.connectEd25519(USER, "edKey0123456789");
        KeyedAccount account = ((KeyedWatchList.Outcome.Connected) outcome).account();
        assertThat(list.book.key(account.id()).orElseThrow().signsWithEd25519()).isTrue();
        assertThat(pending).as("used up").isEmpty();
    }

    @Test
    void masterKeyRotation_startingWithTheNewKeyAndThePrevious_reSealsEveryStoredKey() {
        byte[] oldKey = key();
        byte[] newKey = key();
        KeyedWatchList before = wired(AesGcmVault.of(oldKey, null));
        before.connectHmac(USER, KeyedExchange.BINANCE, "readOnlyKey1234", "secret-x", null);
        before.beginEd25519(USER + 1);
        String oldVersion = rows.values().iterator().next().sealedKey().keyVersion();

        AesGcmVault rotating = AesGcmVault.of(newKey, oldKey);
        wired(rotating).loadAll();

        assertThat(rows.values()).allSatisfy(r -> assertThat(r.sealedKey().keyVersion())
                .isEqualTo(rotating.keyVersion()).isNotEqualTo(oldVersion));
        assertThat(pending.values()).allSatisfy(p -> assertThat(p.sealedPrivateKey().keyVersion())
                .isEqualTo(rotating.keyVersion()));
        KeyedWatchList after = wired(AesGcmVault.of(newKey, null));
        after.loadAll();
        assertThat(after.book.all()).hasSize(1);
        assertThat(after.book.key(after.book.all().get(0).id())).isPresent();
    }

    private KeyedWatchList wired(SecretVault vault) {
        KeyedWatchList wired = new KeyedWatchList();
        wired.store = new MapStore();
        wired.book = new KeyedBook();
        wired.watchBook = new WatchBook();
        wired.watchBook.keyed = wired.book;
        wired.vault = vault;
        wired.alerts = new InMemoryAlertStore();
        wired.adlWarnings = new InMemoryAdlWarnings();
        wired.drains = new WatchDrains();
        wired.watchSettings = new WatchSettings(2, WatchSettings.DEFAULTS.unavailableAfter(),
                WatchSettings.DEFAULTS.polling());
        wired.settings = KeyedSettings.DEFAULTS;
        wired.clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        wired.afterCommit = new AfterCommit() {
            @Override
            public void run(Runnable action) {
                action.run();
            }
        };
        wired.exchanges = new KeyedExchanges() {
            @Override
            public Optional<KeyedAccountReader> reader(KeyedExchange exchange) {
                return installedReaders.stream().filter(r -> r.exchange() == exchange).findFirst();
            }

            @Override
            public Optional<KeyedValuer> valuer(KeyedExchange exchange) {
                return Optional.empty();
            }

            @Override
            public List<KeyedExchange> installed() {
                return installedReaders.stream().map(KeyedAccountReader::exchange).toList();
            }
        };
        return wired;
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The store as rows of sealed text, like the table. */
    private final class MapStore implements KeyedStore {

        @Override
        public List<Stored> all() {
            return List.copyOf(rows.values());
        }

        @Override
        public KeyedAccount add(long userId, KeyedExchange exchange, String maskedKeyId, SecretVault.Sealed sealedKey,
                                ExchangeAccountSnapshot snapshot, Instant keyExpiresAt, Instant at) {
            KeyedAccount account = new KeyedAccount(rows.size() + 1L, userId, exchange, maskedKeyId, at, at, snapshot,
                    Availability.OK, null, keyExpiresAt, null);
            rows.put(account.id(), new Stored(account, sealedKey));
            return account;
        }

        @Override
        public void save(KeyedAccount account) {
            rows.computeIfPresent(account.id(), (id, row) -> new Stored(account, row.sealedKey()));
        }

        @Override
        public void remove(long id) {
            rows.remove(id);
        }

        @Override
        public void reseal(long id, SecretVault.Sealed sealedKey) {
            rows.computeIfPresent(id, (key, row) -> new Stored(row.account(), sealedKey));
        }

        @Override
        public void savePending(Pending value) {
            pending.put(value.userId() + ":" + value.exchange(), value);
        }

        @Override
        public Optional<Pending> pending(long userId, KeyedExchange exchange) {
            return Optional.ofNullable(pending.get(userId + ":" + exchange));
        }

        @Override
        public List<Pending> allPending() {
            return List.copyOf(pending.values());
        }

        @Override
        public void removePending(long userId, KeyedExchange exchange) {
            pending.remove(userId + ":" + exchange);
        }
    }

    /** A refusal as an English-speaking user reads it. */
    private static String why(KeyedWatchList.Outcome outcome) {
        KeyedWatchList.Outcome.Refused refused = (KeyedWatchList.Outcome.Refused) outcome;
        return Texts.of(Language.EN).refusal(CommandRejected.text(refused.textKey(), refused.arguments().toArray()))
                + (refused.hintKey() == null ? "" : " " + Texts.of(Language.EN).refusal(CommandRejected.text(refused.hintKey())));
    }
}
