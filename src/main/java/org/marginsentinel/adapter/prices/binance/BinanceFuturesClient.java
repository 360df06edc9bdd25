package org.marginsentinel.adapter.prices.binance;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Binance USDⓈ-M futures public market data. Base URL: {@code quarkus.rest-client.binance.url}
 * (from {@code sentinel.prices.binance-url}).
 *
 * <p>The body comes back as text and is parsed by {@link PremiumIndexParser}, so an HTML page or a
 * cut-off answer becomes a clean "bad payload" instead of a client exception.
 */
@RegisterRestClient(configKey = "binance")
@Path("/fapi/v1")
@ClientHeaderParam(name = "User-Agent", value = "MarginSentinel/0.1 (mark-price poller)")
public interface BinanceFuturesClient {

    /** Every symbol's mark price in one request (request weight 10). A JSON array. */
    @GET
    @Path("/premiumIndex")
    @Produces(MediaType.APPLICATION_JSON)
    String premiumIndex();

    /**
     * Mark-price candles of one symbol, oldest first (weight 1 to 10 by {@code limit}, at most 1,500). Rows are
     * {@code [openTime, open, high, low, close, …]}; the newest one is still forming. Used for volatility.
     */
    @GET
    @Path("/markPriceKlines")
    @Produces(MediaType.APPLICATION_JSON)
    String markPriceKlines(@RestQuery String symbol, @RestQuery String interval, @RestQuery int limit);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return BinanceErrors.of(response.getStatus(), response.getHeaderString("Retry-After"), bodyOf(response));
    }

    private static String bodyOf(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
