package org.marginsentinel.application.watch;

import java.time.Duration;
import java.util.List;

/**
 * @param egressIps        the deployer's published outgoing addresses, for exchanges that need an IP whitelist
 * @param unavailableAfter how long an account's data may be missing before its user is told (once)
 * @param headroom         share of each exchange's weight budget left unused
 * @param maxAge           longest an account goes without a poll while the budget can carry them all
 */
public record KeyedSettings(List<String> egressIps, Duration unavailableAfter, double headroom, Duration maxAge) {

    public static final KeyedSettings DEFAULTS = new KeyedSettings(List.of(), Duration.ofMinutes(2), 0.2,
            Duration.ofMinutes(10));

    public KeyedSettings {
        egressIps = List.copyOf(egressIps);
    }
}
