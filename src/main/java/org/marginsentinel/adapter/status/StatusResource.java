package org.marginsentinel.adapter.status;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operator's page: {@code GET /status} (and {@code /}, which redirects there). Like
 * {@code /q/health} it has no login: it shows counts and service state, never tokens or user
 * data, but keep the port private or behind your proxy's authentication all the same.
 */
@Path("/")
public class StatusResource {

    @Inject
    StatusCollector collector;

    @GET
    @Path("status")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(summary = "Status page for operators",
            description = "Bot connection, price feeds and their freshness, users, open positions, messages queued "
                    + "and sent, last warnings and errors, as a small HTML page.")
    public Response status() {
        return Response.ok(StatusPage.render(collector.collect()))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .build();
    }

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/status")).build();
    }
}
