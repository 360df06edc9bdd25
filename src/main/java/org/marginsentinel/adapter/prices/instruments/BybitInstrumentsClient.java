package org.marginsentinel.adapter.prices.instruments;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Bybit v5's instrument list. Base URL: {@code quarkus.rest-client.bybit-instruments.url} (from
 * {@code sentinel.prices.bybit-url}).
 */
@RegisterRestClient(configKey = "bybit-instruments")
@Path("/v5/market")
@ClientHeaderParam(name = "User-Agent", value = "MarginSentinel/0.1 (instrument list)")
public interface BybitInstrumentsClient {

    /**
     * One page of a category's instruments ({@code priceFilter.tickSize}, {@code lotSizeFilter.qtyStep}); the next
     * page is asked for with the answer's {@code nextPageCursor} (empty on the last page; null asks for the first).
     */
    @GET
    @Path("/instruments-info")
    @Produces(MediaType.APPLICATION_JSON)
    String instrumentsInfo(@RestQuery String category, @RestQuery int limit, @RestQuery String cursor);
}
