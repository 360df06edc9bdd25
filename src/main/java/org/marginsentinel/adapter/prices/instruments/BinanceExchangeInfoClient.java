package org.marginsentinel.adapter.prices.instruments;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Binance USDⓈ-M futures' instrument list. Base URL: {@code quarkus.rest-client.binance-instruments.url} (from
 * {@code sentinel.prices.binance-url}); a client of its own for a longer read timeout than the mark poller's, as the
 * list of every symbol is large.
 */
@RegisterRestClient(configKey = "binance-instruments")
@Path("/fapi/v1")
@ClientHeaderParam(name = "User-Agent", value = "MarginSentinel/0.1 (instrument list)")
public interface BinanceExchangeInfoClient {

    /** Every symbol with its filters (request weight 1): PRICE_FILTER's tickSize, LOT_SIZE's stepSize. */
    @GET
    @Path("/exchangeInfo")
    @Produces(MediaType.APPLICATION_JSON)
    String exchangeInfo();
}
