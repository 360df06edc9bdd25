package org.marginsentinel.adapter.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.marginsentinel.application.risk.RiskMonitor;

/** Loads the in-memory risk index at start-up, before the first price tick can arrive. */
public class RiskMonitorStartup {

    @Inject
    RiskMonitor monitor;

    void onStart(@Observes StartupEvent event) {
        monitor.loadAll();
    }
}
