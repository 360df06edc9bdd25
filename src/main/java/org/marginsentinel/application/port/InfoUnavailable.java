package org.marginsentinel.application.port;

/**
 * Hyperliquid gave no usable answer.
 *
 * @see HyperliquidInfo
 */
public class InfoUnavailable extends RuntimeException {

    /** What went wrong, for people: "HTTP 429 (rate limited)". */
    private final String reason;
    private final boolean addressRefused;

    public InfoUnavailable(String reason, boolean addressRefused, Throwable cause) {
        super(reason, cause, false, false);
        this.reason = reason;
        this.addressRefused = addressRefused;
    }

    public String reason() {
        return reason;
    }

    /** HTTP 422: Hyperliquid could not read the request, which for a well-formed body means the address. */
    public boolean addressRefused() {
        return addressRefused;
    }
}
