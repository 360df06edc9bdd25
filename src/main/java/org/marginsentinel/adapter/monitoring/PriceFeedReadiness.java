package org.marginsentinel.adapter.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * "Price feed" in {@code /q/health/ready}: DOWN when the service can no longer warn anyone because
 * its newest mark is stale ({@code poll-interval × stale-after-polls}, 15 s by default), or, before
 * any mark ever arrived, when polls have been failing for that long. UP before the first poll has
 * finished (start-up), so a slow exchange does not hold back the rest of the service.
 */
@Readiness
@ApplicationScoped
public class PriceFeedReadiness implements HealthCheck {

    static final String NAME = "Price feed";

    @Inject
    PriceFeedStaleness staleness;

    @Override
    public HealthCheckResponse call() {
        PriceFeedStaleness.State state = staleness.now();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(!state.stale())
                .withData("freshSymbols", state.freshSymbols())
                .withData("staleSymbols", state.staleSymbols())
                .withData("staleAfterSeconds", state.staleAfter().toSeconds());
        state.newestMarkAge().ifPresent(age -> response.withData("newestMarkAgeSeconds", age.toSeconds()));
        state.failingFor().ifPresent(failing -> response.withData("noDataForSeconds", failing.toSeconds()));
        if (state.newestMarkAge().isEmpty() && state.failingFor().isEmpty()) {
            response.withData("state", "waiting for the first poll");
        } else if (state.stale()) {
            response.withData("state", "no fresh mark prices: warnings and liquidations are paused");
        }
        return response.build();
    }
}
