package org.marginsentinel.adapter.telegram.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marginsentinel.application.port.InstrumentSteps;
import org.marginsentinel.adapter.telegram.format.SymbolPrecisions.Precision;

/** Takes the instrument feed's latest steps into {@link SymbolPrecisions}; an empty snapshot clears it. */
@ApplicationScoped
public class InstrumentStepsListener {

    void onSteps(@Observes InstrumentSteps steps) {
        if (steps.bySymbol().isEmpty()) {
            SymbolPrecisions.clear();
            return;
        }
        Map<String, Precision> precisions = new LinkedHashMap<>();
        steps.bySymbol().forEach((symbol, s) ->
                precisions.put(symbol, new Precision(s.tickSize(), s.stepSize(), s.significantFigures())));
        SymbolPrecisions.replaceAll(precisions);
    }
}
