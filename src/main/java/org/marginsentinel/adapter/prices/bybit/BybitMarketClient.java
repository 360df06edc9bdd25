package org.marginsentinel.adapter.prices.bybit;

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
 * Bybit v5 public market data. Base URL: {@code quarkus.rest-client.bybit.url} (from
 * {@code sentinel.prices.bybit-url}). Bodies come back as text, parsed by {@link TickersParser}.
 */
@RegisterRestClient(configKey = "bybit")
@Path("/v5/market")
@ClientHeaderParam(name = "User-Agent", value = "MarginSentinel/0.1 (mark-price poller)")
public interface BybitMarketClient {

    /** Every ticker of a category in one request; we ask for {@code linear}. */
    @GET
    @Path("/tickers")
    @Produces(MediaType.APPLICATION_JSON)
    String tickers(@RestQuery String category);

    /**
     * Mark-price candles of one symbol, <b>newest first</b>, at most 1,000. Rows are
     * {@code [startTime, open, high, low, close]} as strings; the newest one is still forming.
     */
    @GET
    @Path("/mark-price-kline")
    @Produces(MediaType.APPLICATION_JSON)
    String markPriceKline(@RestQuery String category, @RestQuery String symbol, @RestQuery String interval,
                          @RestQuery int limit);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return BybitErrors.of(response.getStatus(), response.getHeaderString("Retry-After"), bodyOf(response));
    }

    private static String bodyOf(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
