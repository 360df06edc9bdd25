package org.marginsentinel.adapter.keyed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.marginsentinel.application.port.SecretVault;

/**
 * AES-256-GCM with the JDK's own crypto. Each value gets a fresh random 96-bit IV; the stored text is
 * base64(IV ‖ ciphertext ‖ tag) and its key version is the master key's fingerprint (the first 8 hex digits of
 * HMAC-SHA256(key, "margin-sentinel key id"), which says which key sealed it without revealing the key). During a
 * rotation the previous key still opens old values; {@link #needsResealing} finds them.
 */
public final class AesGcmVault implements SecretVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] current;
    private final String currentVersion;
    private final byte[] previous;
    private final String previousVersion;
    private final String disabledReason;

    private AesGcmVault(byte[] current, byte[] previous, String disabledReason) {
        this.current = current;
        this.currentVersion = current == null ? null : version(current);
        this.previous = previous;
        this.previousVersion = previous == null ? null : version(previous);
        this.disabledReason = disabledReason;
    }

    /** A vault under a 32-byte master key, and optionally the previous one (rotation). */
    public static AesGcmVault of(byte[] masterKey, byte[] previousKey) {
        requireAes256(masterKey, "master key");
        if (previousKey != null) {
            requireAes256(previousKey, "previous master key");
        }
        return new AesGcmVault(masterKey.clone(), previousKey == null ? null : previousKey.clone(), null);
    }

    /** Keyed watching off: no master key was given. */
    public static AesGcmVault disabled(String reason) {
        return new AesGcmVault(null, null, reason);
    }

    /** A master key as the deployer gives it: 32 bytes in base64 (whitespace around it ignored). */
    public static byte[] decodeKey(String base64, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64 (make one with: openssl rand -base64 32)");
        }
        requireAes256(key, what);
        return key;
    }

    @Override
    public boolean enabled() {
        return current != null;
    }

    @Override
    public Optional<String> disabledReason() {
        return Optional.ofNullable(disabledReason);
    }

    @Override
    public Sealed seal(byte[] plaintext, String context) {
        requireEnabled();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, iv, context);
            byte[] encrypted = cipher.doFinal(plaintext);
            byte[] stored = ByteBuffer.allocate(IV_BYTES + encrypted.length).put(iv).put(encrypted).array();
            return new Sealed(currentVersion, Base64.getEncoder().encodeToString(stored));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    @Override
    public byte[] open(Sealed sealed, String context) {
        requireEnabled();
        byte[] key = sealed.keyVersion().equals(currentVersion) ? current
                : sealed.keyVersion().equals(previousVersion) ? previous : null;
        if (key == null) {
            throw new IllegalStateException("a stored secret was sealed under master key " + sealed.keyVersion()
                    + ", which is neither the current nor the previous one");
        }
        byte[] stored = Base64.getDecoder().decode(sealed.ciphertext());
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(stored, IV_BYTES), context);
            return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored secret does not open (tampered, or another row's)", e);
        }
    }

    @Override
    public boolean needsResealing(Sealed sealed) {
        return enabled() && !sealed.keyVersion().equals(currentVersion);
    }

    /** The current key's version (fingerprint). */
    public String keyVersion() {
        return currentVersion;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String version(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] id = mac.doFinal("margin-sentinel key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(id, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static void requireAes256(byte[] key, String what) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes (base64 of 32 random bytes: openssl rand "
                    + "-base64 32), got " + (key == null ? 0 : key.length));
        }
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw new IllegalStateException("keyed watching is disabled: " + disabledReason);
        }
    }
}
