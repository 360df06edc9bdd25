package org.marginsentinel.adapter.config;

import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.marginsentinel.domain.alert.MarginAdvice;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.TierTable;

/**
 * Wires the pure margin engine: the shipped tier snapshot, or the deployer's own file (same CSV columns, with
 * {@code # source=} and {@code # as-of=} lines). TierRefresher then merges in newer stored or fetched tiers.
 */
public class MarginEngineProducer {

    @Produces
    @Singleton
    TierTable tierTable(@ConfigProperty(name = "sentinel.margin.tiers-file") Optional<String> tiersFile) {
        if (tiersFile.isEmpty() || tiersFile.get().isBlank()) {
            return TierTable.shippedDefaults();
        }
        Path path = Path.of(tiersFile.get());
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            TierTable table = TierTable.parseCsv(reader);
            Log.infof("Maintenance-margin tiers read from %s (%d symbols)", path, table.listedSymbols().size());
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentinel.margin.tiers-file " + path, e);
        }
    }

    @Produces
    @Singleton
    MarginAdvice marginAdvice(MarginCalculator calculator) {
        return new MarginAdvice(calculator);
    }

    @Produces
    @Singleton
    MarginCalculator marginCalculator(TierTable tierTable) {
        return new MarginCalculator(tierTable);
    }
}
