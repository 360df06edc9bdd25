package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.Figure;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.application.port.KeyedAccountReader;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.application.port.SecretVault;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;
import org.marginsentinel.domain.watch.keyed.KeyPolicy;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * The keyed half of {@code /watch}: a Binance key pair made for the user, a key checked with the exchange (what it
 * may do, then one read of the account) before anything about it is stored, and its removal. The check calls the
 * exchange and belongs before the command's transaction ({@link #checkHmac}, {@link #checkEd25519}); storing a
 * checked key runs in it ({@link #store}). A refused key is answered with a {@link Outcome.Refused} rather than an
 * exception, so the deletion of the message that carried it still commits.
 */
@ApplicationScoped
public class KeyedWatchList {

    private static final Logger LOG = Logger.getLogger(KeyedWatchList.class.getName());

    /** What a key given with {@code /watch <exchange> …} came to. */
    public sealed interface Outcome {
        record Connected(KeyedAccount account, KeyPolicy.Verdict verdict) implements Outcome {
        }

        /**
         * Why not, as a text key and its arguments ({@link Figure}s for numbers), the adapter words it.
         *
         * @param hintKey a text (no arguments) said after it, such as how to make a read-only key; null for none
         */
        record Refused(String textKey, List<Object> arguments, String hintKey) implements Outcome {

            public Refused {
                arguments = List.copyOf(arguments);
            }

            static Refused text(String textKey, Object... arguments) {
                return new Refused(textKey, List.of(arguments), null);
            }

            Refused withHint(String key) {
                return new Refused(textKey, arguments, key);
            }
        }

        /** The exchange confirmed the key can read and not trade (or only from whitelisted addresses); not stored. */
        record Checked(ApiKey key, KeyPermissions permissions, KeyPolicy.Verdict verdict,
                       ExchangeAccountSnapshot snapshot, Instant at) implements Outcome {

            @Override
            public String toString() {
                return "Checked[" + key + " " + verdict + "]";
            }
        }
    }

    @Inject
    KeyedStore store;

    @Inject
    KeyedBook book;

    @Inject
    WatchBook watchBook;

    @Inject
    KeyedExchanges exchanges;

    @Inject
    SecretVault vault;

    @Inject
    AlertStore alerts;

    @Inject
    AdlWarnings adlWarnings;

    @Inject
    WatchSettings watchSettings;

    @Inject
    KeyedSettings settings;

    @Inject
    AfterCommit afterCommit;

    @Inject
    WatchDrains drains;

    @Inject
    Clock clock;

    /** Start-up: re-seals what an older master key sealed (rotation), then opens every key into memory. */
    @Transactional
    public void loadAll() {
        Map<KeyedAccount, ApiKey> opened = new HashMap<>();
        List<KeyedAccount> locked = new ArrayList<>();
        int resealed = 0;
        for (KeyedStore.Stored stored : store.all()) {
            KeyedAccount account = stored.account();
            if (!vault.enabled()) {
                locked.add(account.paused(KeyedAccount.MASTER_KEY_MISSING));
                continue;
            }
            String context = ApiKeyCodec.accountContext(account.userId(), account.exchange());
            byte[] plain = vault.open(stored.sealedKey(), context);
            if (vault.needsResealing(stored.sealedKey())) {
                store.reseal(account.id(), vault.seal(plain, context));
                resealed++;
            }
            opened.put(account, ApiKeyCodec.decode(plain));
        }
        for (KeyedStore.Pending pending : vault.enabled() ? store.allPending() : List.<KeyedStore.Pending>of()) {
            if (vault.needsResealing(pending.sealedPrivateKey())) {
                String context = ApiKeyCodec.pendingContext(pending.userId(), pending.exchange());
                store.savePending(new KeyedStore.Pending(pending.userId(), pending.exchange(),
                        vault.seal(vault.open(pending.sealedPrivateKey(), context), context), pending.createdAt()));
                resealed++;
            }
        }
        if (resealed > 0) {
            LOG.info("Master key rotation: " + resealed + " stored key(s) re-sealed under the current master key");
        }
        book.load(opened, alerts.allStates());
        book.adlWarned(adlWarnings.all());
        locked.forEach(book::put);
    }

    /** {@code /watch binance}: a fresh Ed25519 pair; the private half is kept sealed, the public half returned (PEM). */
    public String beginEd25519(long userId) {
        requireAvailable(KeyedExchange.BINANCE);
        requireRoom(userId);
        Ed25519Pairs.Pair pair = Ed25519Pairs.generate();
        store.savePending(new KeyedStore.Pending(userId, KeyedExchange.BINANCE,
                vault.seal(pair.privatePkcs8(), ApiKeyCodec.pendingContext(userId, KeyedExchange.BINANCE)),
                clock.instant()));
        return pair.publicPem();
    }

    /** {@code /watch binance <api-key>}, checked and stored at once (in one transaction: for tests). */
    public Outcome connectEd25519(long userId, String keyId) {
        return storeIfChecked(userId, checkEd25519(userId, keyId));
    }

    /** {@code /watch <exchange> <api-key> <secret> [<passphrase>]}, checked and stored at once (for tests). */
    public Outcome connectHmac(long userId, KeyedExchange exchange, String keyId, String secret, String passphrase) {
        return storeIfChecked(userId, checkHmac(userId, exchange, keyId, secret, passphrase));
    }

    /** A checked key stored; any other outcome as it is. */
    public Outcome storeIfChecked(long userId, Outcome outcome) {
        return outcome instanceof Outcome.Checked checked ? store(userId, checked) : outcome;
    }

    /**
     * {@code /watch binance <api-key>}: the key the user registered with the public half the bot showed, checked with
     * Binance. Outside a transaction: reads the waiting pair, calls the exchange, stores nothing.
     */
    public Outcome checkEd25519(long userId, String keyId) {
        Outcome.Refused unavailable = unavailable(KeyedExchange.BINANCE);
        if (unavailable != null) {
            return unavailable;
        }
        KeyedStore.Pending pending = store.pending(userId, KeyedExchange.BINANCE).orElse(null);
        if (pending == null) {
            return Outcome.Refused.text("watch.keyed.noPending.refused");
        }
        byte[] privateKey = vault.open(pending.sealedPrivateKey(),
                ApiKeyCodec.pendingContext(userId, KeyedExchange.BINANCE));
        return check(userId, ApiKey.ed25519(keyId, privateKey));
    }

    /**
     * {@code /watch <exchange> <api-key> <secret> [<passphrase>]}: an HMAC key checked with the exchange. Outside a
     * transaction: calls the exchange, stores nothing.
     */
    public Outcome checkHmac(long userId, KeyedExchange exchange, String keyId, String secret, String passphrase) {
        Outcome.Refused unavailable = unavailable(exchange);
        if (unavailable != null) {
            return unavailable;
        }
        return check(userId, ApiKey.hmac(exchange, keyId, secret, passphrase));
    }

    /**
     * Stores a checked key, sealed, in the caller's transaction; refused when the user's list filled up or the key
     * was connected meanwhile (a second message with it).
     */
    public Outcome store(long userId, Outcome.Checked checked) {
        ApiKey key = checked.key();
        Outcome.Refused taken = alreadyTaken(userId, key);
        if (taken != null) {
            return taken;
        }
        KeyedExchange exchange = key.exchange();
        KeyedAccount added = store.add(userId, exchange, key.maskedKeyId(),
                vault.seal(ApiKeyCodec.encode(key), ApiKeyCodec.accountContext(userId, exchange)), checked.snapshot(),
                checked.permissions().expiresAt(), checked.at());
        store.removePending(userId, exchange);
        afterCommit.run(() -> {
            book.put(added, key);
            book.polled(added.id(), checked.at());
        });
        return new Outcome.Connected(added, checked.verdict());
    }

    private Outcome.Refused alreadyTaken(long userId, ApiKey key) {
        if (watchBook.entries(userId).size() >= watchSettings.maxPerUser()) {
            return Outcome.Refused.text("watch.keyed.tooMany.refused", Figure.count(watchBook.entries(userId).size()));
        }
        KeyedAccount existing = book.withKey(userId, key).orElse(null);
        return existing == null ? null
                : Outcome.Refused.text("watch.keyed.already.refused", String.valueOf(watchBook.numberOf(existing)));
    }

    private Outcome check(long userId, ApiKey key) {
        KeyedExchange exchange = key.exchange();
        Outcome.Refused taken = alreadyTaken(userId, key);
        if (taken != null) {
            return taken;
        }
        KeyedAccountReader reader = exchanges.reader(exchange).orElseThrow();
        Instant now = clock.instant();
        try {
            KeyPermissions permissions = reader.permissions(key);
            KeyPolicy.Verdict verdict = KeyPolicy.judge(permissions, reader.readingNeedsTrading(),
                    settings.egressIps(), now);
            Outcome.Refused refusal = KeyedTexts.refusal(exchange, verdict, settings.egressIps());
            if (refusal != null) {
                return refusal;
            }
            return new Outcome.Checked(key, permissions, verdict, reader.account(key), now);
        } catch (KeyedSourceUnavailable e) {
            String why = e.kind() != KeyedSourceUnavailable.Kind.KEY_REJECTED ? "watch.keyed.noAnswer.refused"
                    : key.signsWithEd25519() ? "watch.keyed.rejectedEd25519.refused" : "watch.keyed.rejected.refused";
            return Outcome.Refused.text(why, exchange.displayName(), e.reason());
        }
    }

    /** Stops watching and deletes the sealed key and everything remembered for the account. */
    public void remove(KeyedAccount account) {
        store.remove(account.id());
        alerts.allStates().keySet().stream().filter(s -> s.startsWith(KeyedBook.subjectPrefix(account.id())))
                .forEach(alerts::deleteState);
        drains.forget(WatchDrains.subject(account));
        afterCommit.run(() -> book.remove(account.id()));
    }

    private void requireAvailable(KeyedExchange exchange) {
        if (!vault.enabled()) {
            throw CommandRejected.text("refusals.watch.keysOff.refused", exchange.displayName());
        }
        if (exchanges.reader(exchange).isEmpty()) {
            throw exchanges.installed().isEmpty()
                    ? CommandRejected.text("refusals.watch.exchangeUnavailable.refused", exchange.displayName())
                    : CommandRejected.text("refusals.watch.exchangeUnavailableOthers.refused", exchange.displayName(),
                    String.join(", ", exchanges.installed().stream().map(KeyedExchange::displayName).toList()));
        }
    }

    private void requireRoom(long userId) {
        if (watchBook.entries(userId).size() >= watchSettings.maxPerUser()) {
            throw CommandRejected.text("refusals.watch.tooManyKeyed.refused",
                    Figure.count(watchBook.entries(userId).size()));
        }
    }

    /** Why keyed watching of this exchange is not possible here; null when it is. */
    private Outcome.Refused unavailable(KeyedExchange exchange) {
        if (!vault.enabled()) {
            return Outcome.Refused.text("watch.keyed.switchedOff.refused", exchange.displayName());
        }
        if (exchanges.reader(exchange).isEmpty()) {
            return exchanges.installed().isEmpty()
                    ? Outcome.Refused.text("watch.keyed.notAvailable.refused", exchange.displayName())
                    : Outcome.Refused.text("watch.keyed.notAvailableElsewhere.refused", exchange.displayName(),
                    String.join(", ", exchanges.installed().stream().map(KeyedExchange::displayName).toList()));
        }
        return null;
    }
}
