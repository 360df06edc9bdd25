package org.marginsentinel.adapter.prices.hyperliquid;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Hyperliquid's public info endpoint, {@code POST /info} with a JSON body naming the request type. Base URL:
 * {@code quarkus.rest-client.hyperliquid.url} (from {@code sentinel.hyperliquid.url}). Bodies come back as text
 * and are parsed leniently by this package's parsers.
 */
@RegisterRestClient(configKey = "hyperliquid")
@Path("/info")
@ClientHeaderParam(name = "User-Agent", value = "MarginSentinel/0.1 (read-only account watcher)")
public interface HyperliquidInfoClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    String info(String requestJson);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            body = "";
        }
        return HyperliquidErrors.of(response.getStatus(), response.getHeaderString("Retry-After"), body);
    }
}
