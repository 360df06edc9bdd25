package org.marginsentinel.domain.watch.keyed;

import java.util.Objects;

/**
 * A read-only API key as the user registered it on an exchange. Lives in memory only: at rest it is encrypted
 * (never logged, never echoed); {@link #toString()} shows no secret.
 *
 * @param exchange          where the key was made
 * @param keyId             the exchange's API key (the public identifier sent in a header)
 * @param secret            HMAC secret (Binance HMAC keys, Bybit, OKX); null for a Binance Ed25519 key
 * @param passphrase        OKX's passphrase; null elsewhere
 * @param ed25519PrivateKey PKCS#8 bytes of the private half of a key pair the bot generated (Binance Ed25519
 *                          keys: the user registered its public half); null otherwise
 */
public record ApiKey(KeyedExchange exchange, String keyId, String secret, String passphrase,
                     byte[] ed25519PrivateKey) {

    public ApiKey {
        Objects.requireNonNull(exchange, "exchange");
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("an API key needs its key id");
        }
        if (secret == null && ed25519PrivateKey == null) {
            throw new IllegalArgumentException("an API key needs a secret or a private key to sign with");
        }
        if (exchange == KeyedExchange.OKX && passphrase == null) {
            throw new IllegalArgumentException("an OKX key needs its passphrase");
        }
        ed25519PrivateKey = ed25519PrivateKey == null ? null : ed25519PrivateKey.clone();
    }

    /** An HMAC key (key id + secret, and OKX's passphrase). */
    public static ApiKey hmac(KeyedExchange exchange, String keyId, String secret, String passphrase) {
        return new ApiKey(exchange, keyId, Objects.requireNonNull(secret, "secret"), passphrase, null);
    }

    /** A Binance Ed25519 key whose pair the bot generated. */
    public static ApiKey ed25519(String keyId, byte[] pkcs8PrivateKey) {
        return new ApiKey(KeyedExchange.BINANCE, keyId, null, null, Objects.requireNonNull(pkcs8PrivateKey));
    }

    public boolean signsWithEd25519() {
        return ed25519PrivateKey != null;
    }

    @Override
    public byte[] ed25519PrivateKey() {
        return ed25519PrivateKey == null ? null : ed25519PrivateKey.clone();
    }

    /** The key id shortened ("AbCd…9xYz"), the most any message or log line may show of a key. */
    public String maskedKeyId() {
        return keyId.length() <= 8 ? "…" : keyId.substring(0, 4) + "…" + keyId.substring(keyId.length() - 4);
    }

    @Override
    public String toString() {
        return "ApiKey[" + exchange + " " + maskedKeyId() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey that && exchange == that.exchange && keyId.equals(that.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exchange, keyId);
    }
}
