package org.marginsentinel.application.port;

import java.time.Duration;

/** A keyed exchange gave no usable answer. {@link #kind()} tells the watcher how to react. */
public class KeyedSourceUnavailable extends RuntimeException {

    /** Why. */
    public enum Kind {
        /** 401/403 or the exchange's "invalid key / key expired / IP not allowed" codes: stop and tell the user once. */
        KEY_REJECTED,
        /** 429/418 or the exchange's rate-limit codes: wait at least {@link #retryAfter()}. */
        RATE_LIMITED,
        /** Anything else (5xx, timeout, unreadable body): try again later, with back-off. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String reason;
    private final Duration retryAfter;

    public KeyedSourceUnavailable(Kind kind, String reason, Duration retryAfter, Throwable cause) {
        super(reason, cause, false, false);
        this.kind = kind;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** What went wrong, for people, with no secret in it: "HTTP 401 (API key rejected)". */
    public String reason() {
        return reason;
    }

    /** How long the exchange asked us to wait; null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
