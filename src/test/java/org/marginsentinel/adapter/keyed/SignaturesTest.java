package org.marginsentinel.adapter.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void hmacMatchesBinancesPublishedExample() {
        // Binance's API docs, "SIGNED endpoint examples for POST /api/v3/order" (HMAC).
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559";
        assertThat(Signatures.hmacSha256Hex(secret, query))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void hmacBase64IsTheSameMacInAnotherEncoding() {
        String hex = Signatures.hmacSha256Hex("secret", "2020-12-08T09:08:57.715ZGET/api/v5/account/positions");
        byte[] fromBase64 = Base64.getDecoder().decode(
                Signatures.hmacSha256Base64("secret", "2020-12-08T09:08:57.715ZGET/api/v5/account/positions"));
        assertThat(java.util.HexFormat.of().formatHex(fromBase64)).isEqualTo(hex);
    }

    @Test
    void ed25519SignatureVerifiesWithThePublicHalf() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String payload = "timestamp=1700000000000&recvWindow=5000";

        String signed = Signatures.ed25519Base64(pair.getPrivate().getEncoded(), payload);

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signed))).isTrue();
    }
}
