package org.marginsentinel.application.port;

import java.util.Optional;

/**
 * Seals API secrets for storage (authenticated encryption under the deployer's master key) and opens them again.
 * Without a master key it is {@link #enabled() disabled}: nothing can be sealed and keyed watching is off.
 * Implementations never log or echo what they seal.
 */
public interface SecretVault {

    /** Sealed bytes with the version (fingerprint) of the master key that sealed them. */
    record Sealed(String keyVersion, String ciphertext) {

        @Override
        public String toString() {
            return "Sealed[" + keyVersion + "]";
        }
    }

    boolean enabled();

    /** Why keyed watching is off, for the one log line and the users' answer; empty when enabled. */
    Optional<String> disabledReason();

    /**
     * Encrypts {@code plaintext} with a fresh IV; {@code context} (e.g. the owner's id) is authenticated with it,
     * so a sealed value moved to another row does not open.
     */
    Sealed seal(byte[] plaintext, String context);

    /** Decrypts a value sealed under the current or (during a rotation) the previous master key. */
    byte[] open(Sealed sealed, String context);

    /** True when {@code sealed} is not under the current master key (re-seal it at start-up). */
    boolean needsResealing(Sealed sealed);
}
