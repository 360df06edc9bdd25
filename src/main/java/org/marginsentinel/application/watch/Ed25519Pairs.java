package org.marginsentinel.application.watch;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** Ed25519 key pairs the bot makes for Binance (JDK 15+): the user registers the public half, the bot keeps the other. */
final class Ed25519Pairs {

    /** PKCS#8 private half, and the public half as the PEM Binance's "self-generated" key form takes. */
    record Pair(byte[] privatePkcs8, String publicPem) {
    }

    private Ed25519Pairs() {
    }

    static Pair generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded());
            return new Pair(pair.getPrivate().getEncoded(),
                    "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }
}
