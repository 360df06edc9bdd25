package org.marginsentinel.adapter.prices;

/**
 * A price source did not deliver usable marks. This base type is a plain refusal that retrying
 * will not fix (an unexpected 4xx, for example); the subclasses say what else happened.
 */
public class PriceSourceException extends RuntimeException {

    private final String source;

    public PriceSourceException(String source, String message) {
        this(source, message, null);
    }

    public PriceSourceException(String source, String message, Throwable cause) {
        super(message, cause, false, false);
        this.source = source;
    }

    /** The source's name, e.g. {@code binance}. */
    public String source() {
        return source;
    }

    /** A short, stable tag for metrics and logs. */
    public String reason() {
        return "rejected";
    }
}
