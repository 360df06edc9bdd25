package org.marginsentinel.adapter.prices;

/**
 * The source answered, but not with marks we can trust: HTML instead of JSON, truncated JSON, an
 * unexpected shape, an error envelope, or not a single valid price. Not retried within a tick.
 */
public final class BadPayloadException extends PriceSourceException {

    public BadPayloadException(String source, String message) {
        super(source, message);
    }

    public BadPayloadException(String source, String message, Throwable cause) {
        super(source, message, cause);
    }

    @Override
    public String reason() {
        return "bad-payload";
    }
}
