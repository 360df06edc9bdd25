package org.marginsentinel.application.watch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * An {@link ApiKey} as the bytes the vault seals: one line per field, each base64 (so no field can break the
 * format), absent fields empty. The sealing context names the owner, so a sealed key moved to another row or user
 * does not open.
 */
final class ApiKeyCodec {

    private static final String VERSION = "k1";

    private ApiKeyCodec() {
    }

    static String accountContext(long userId, KeyedExchange exchange) {
        return "keyed-account:" + userId + ":" + exchange;
    }

    static String pendingContext(long userId, KeyedExchange exchange) {
        return "keyed-pending:" + userId + ":" + exchange;
    }

    static byte[] encode(ApiKey key) {
        String text = String.join("\n", VERSION, key.exchange().name(), b64(key.keyId()), b64(key.secret()),
                b64(key.passphrase()), key.ed25519PrivateKey() == null ? ""
                        : Base64.getEncoder().encodeToString(key.ed25519PrivateKey()));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static ApiKey decode(byte[] bytes) {
        List<String> fields = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
        if (fields.size() != 6 || !fields.get(0).equals(VERSION)) {
            throw new IllegalStateException("a stored key has an unknown format");
        }
        byte[] privateKey = fields.get(5).isEmpty() ? null : Base64.getDecoder().decode(fields.get(5));
        return new ApiKey(KeyedExchange.valueOf(fields.get(1)), text(fields.get(2)), text(fields.get(3)),
                text(fields.get(4)), privateKey);
    }

    private static String b64(String value) {
        return value == null ? "" : Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String field) {
        return field.isEmpty() ? null : new String(Base64.getDecoder().decode(field), StandardCharsets.UTF_8);
    }
}
