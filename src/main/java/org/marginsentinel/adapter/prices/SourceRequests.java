package org.marginsentinel.adapter.prices;

import java.util.function.Supplier;

/**
 * Runs one REST client call to a price source and gives every failure the same shape: the client's
 * exception mappers already raise {@link PriceSourceException}s for HTTP errors (sometimes wrapped by the
 * client), anything else (connection refused, reset, read error) becomes a {@link TransientSourceException}
 * that the fault-tolerance retry and circuit breaker understand.
 */
public final class SourceRequests {

    private SourceRequests() {
    }

    /** The response body of {@code request}, or a {@link PriceSourceException} naming {@code source}. */
    public static String body(String source, String what, Supplier<String> request) {
        try {
            return request.get();
        } catch (PriceSourceException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof PriceSourceException cause) {
                throw cause;
            }
            throw new TransientSourceException(source, what + " failed: " + e, e);
        }
    }
}
