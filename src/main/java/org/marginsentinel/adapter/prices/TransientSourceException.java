package org.marginsentinel.adapter.prices;

/** A failure worth one quick retry: HTTP 5xx or 408, a connection or read error. */
public final class TransientSourceException extends PriceSourceException {

    public TransientSourceException(String source, String message) {
        super(source, message);
    }

    public TransientSourceException(String source, String message, Throwable cause) {
        super(source, message, cause);
    }

    @Override
    public String reason() {
        return "unavailable";
    }
}
