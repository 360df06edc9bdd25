package org.marginsentinel.adapter.keyed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signatures the keyed exchanges ask for, with the JDK's own crypto: HMAC-SHA256 as hex (Binance HMAC
 * keys, Bybit), HMAC-SHA256 as base64 (OKX) and Ed25519 as base64 (Binance keys whose pair the bot generated).
 */
public final class Signatures {

    private Signatures() {
    }

    public static String hmacSha256Hex(String secret, String payload) {
        return HexFormat.of().formatHex(hmacSha256(secret, payload));
    }

    public static String hmacSha256Base64(String secret, String payload) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret, payload));
    }

    /** Signs {@code payload} with a PKCS#8-encoded Ed25519 private key; the signature as base64. */
    public static String ed25519Base64(byte[] pkcs8PrivateKey, String payload) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8PrivateKey));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed (is the stored key an Ed25519 PKCS#8 key?)", e);
        }
    }

    private static byte[] hmacSha256(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
