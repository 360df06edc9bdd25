package org.marginsentinel.adapter.prices;

/**
 * The source refuses to serve this server's region: Binance HTTP 451, Bybit HTTP 403 (a CloudFront
 * HTML page) or Bybit retCode 10009. Retrying soon is pointless; the feed switches sources and
 * probes this one again only occasionally.
 */
public final class RegionBlockedException extends PriceSourceException {

    private final int status;

    public RegionBlockedException(String source, int status, String message) {
        super(source, message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    @Override
    public String reason() {
        return "region-blocked";
    }
}
