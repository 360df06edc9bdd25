package org.marginsentinel.adapter.telegram.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The secret Telegram sends back in the {@code X-Telegram-Bot-Api-Secret-Token} header of every
 * webhook request. Only its SHA-256 is kept, and a presented value is compared digest against
 * digest with {@link MessageDigest#isEqual} (constant time, and both sides always 32 bytes), so the
 * time a wrong guess takes says nothing about the secret, not even its length.
 */
public final class WebhookSecret {

    /** What Telegram accepts as secret_token. */
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    /** Shorter secrets are refused: the endpoint is public, the secret is its only lock. */
    public static final int MIN_LENGTH = 24;

    private final String value;
    private final byte[] digest;

    private WebhookSecret(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /**
     * @throws IllegalArgumentException (with a message for the log that does not contain the secret)
     *                                  unless it is {@value #MIN_LENGTH}–256 characters of A–Z a–z 0–9 _ -
     */
    public static WebhookSecret of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("sentinel.telegram.webhook.secret is required in webhook mode");
        }
        if (!ALLOWED.matcher(secret).matches()) {
            throw new IllegalArgumentException(
                    "sentinel.telegram.webhook.secret may only use A-Z a-z 0-9 _ - (at most 256 characters)");
        }
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("sentinel.telegram.webhook.secret must be at least " + MIN_LENGTH
                    + " characters long (e.g. openssl rand -hex 32)");
        }
        return new WebhookSecret(secret);
    }

    /** True if {@code presented} is the secret; null or empty never matches. */
    public boolean matches(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    /** The secret itself, for setWebhook only. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "WebhookSecret[hidden]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
