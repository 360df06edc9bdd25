package org.marginsentinel.adapter.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * "Price feed" in {@code /q/health/ready}: DOWN when the service can no longer warn anyone because
 * its newest mark is stale ({@code poll-interval × stale-after-polls}, 15 s by default, by the exchange's
 * own timestamp), or, before any mark ever arrived, when polls have been failing for that long; and DOWN
 * when a symbol held in an open position has no fresh mark ({@code staleHeldSymbols}): those positions are
 * not watched. UP before the first poll has finished (start-up), so a slow exchange does not hold back the
 * rest of the service.
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
        boolean heldUnwatched = !state.staleHeldSymbols().isEmpty();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(!state.stale() && !heldUnwatched)
                .withData("freshSymbols", state.freshSymbols())
                .withData("staleSymbols", state.staleSymbols())
                .withData("staleAfterSeconds", state.staleAfter().toSeconds());
        state.newestMarkAge().ifPresent(age -> response.withData("newestMarkAgeSeconds", age.toSeconds()));
        state.failingFor().ifPresent(failing -> response.withData("noDataForSeconds", failing.toSeconds()));
        if (state.newestMarkAge().isEmpty() && state.failingFor().isEmpty()) {
            response.withData("state", "waiting for the first poll");
        } else if (state.stale()) {
            response.withData("state", "no fresh mark prices: warnings and liquidations are paused");
        } else if (heldUnwatched) {
            response.withData("state", "no fresh mark for held " + String.join(", ", state.staleHeldSymbols())
                    + ": those positions are not watched");
        }
        if (heldUnwatched) {
            response.withData("staleHeldSymbols", String.join(",", state.staleHeldSymbols()));
        }
        return response.build();
    }
}
