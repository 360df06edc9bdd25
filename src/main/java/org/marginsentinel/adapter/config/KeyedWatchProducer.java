package org.marginsentinel.adapter.config;

import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.marginsentinel.adapter.keyed.AesGcmVault;
import org.marginsentinel.adapter.keyed.okx.OkxAccountReader;
import org.marginsentinel.application.port.SecretVault;
import org.marginsentinel.application.watch.KeyedSettings;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.keyed.BinanceValuer;
import org.marginsentinel.domain.watch.keyed.BybitValuer;
import org.marginsentinel.domain.watch.keyed.KeyedValuer;
import org.marginsentinel.domain.watch.keyed.OkxValuer;

/**
 * Wires keyed watching: the vault under the deployer's master key ({@code SENTINEL_MASTER_KEY}, base64 of 32 bytes,
 * or the file {@code sentinel.watch.master-key-file}; during a rotation the old one in
 * {@code SENTINEL_MASTER_KEY_PREVIOUS}), the settings, and each exchange's valuer (Binance: the engine with its
 * brackets; Bybit, OKX: their formulas, OKX with its public position tiers as its reader last fetched them), each
 * a {@code KeyedValuer} bean the watcher finds by {@code exchange()}.
 */
public class KeyedWatchProducer {

    @Produces
    @Singleton
    SecretVault secretVault(@ConfigProperty(name = "sentinel.master-key") Optional<String> masterKey,
                            @ConfigProperty(name = "sentinel.watch.master-key-file") Optional<String> keyFile,
                            @ConfigProperty(name = "sentinel.master-key-previous") Optional<String> previousKey) {
        Optional<String> given = masterKey.filter(k -> !k.isBlank()).or(() -> keyFile.filter(f -> !f.isBlank())
                .map(KeyedWatchProducer::readKeyFile));
        if (given.isEmpty()) {
            String reason = "no master key (set SENTINEL_MASTER_KEY or sentinel.watch.master-key-file)";
            Log.warnf("Keyed watching (Binance, Bybit, OKX API keys) is disabled: %s", reason);
            return AesGcmVault.disabled(reason);
        }
        byte[] previous = previousKey.filter(k -> !k.isBlank())
                .map(k -> AesGcmVault.decodeKey(k, "SENTINEL_MASTER_KEY_PREVIOUS")).orElse(null);
        AesGcmVault vault = AesGcmVault.of(AesGcmVault.decodeKey(given.get(), "the master key"), previous);
        Log.infof("Keyed watching enabled; API keys are sealed under master key %s%s", vault.keyVersion(),
                previous == null ? "" : " (a previous key is given: older keys are re-sealed at start)");
        return vault;
    }

    @Produces
    @Singleton
    KeyedSettings keyedSettings(@ConfigProperty(name = "sentinel.watch.egress-ips") Optional<List<String>> egressIps,
                                HyperliquidConfig watchConfig) {
        return new KeyedSettings(egressIps.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList(), watchConfig.unavailableAfter(), watchConfig.headroom(), watchConfig.maxPollAge());
    }

    @Produces
    @Singleton
    KeyedValuer binanceValuer(MarginCalculator engine, TierTable tiers) {
        return new BinanceValuer(engine, tiers);
    }

    @Produces
    @Singleton
    KeyedValuer bybitValuer(TierTable tiers) {
        return BybitValuer.withEngineTiers(tiers);
    }

    @Produces
    @Singleton
    KeyedValuer okxValuer(TierTable tiers, OkxAccountReader okx) {
        return new OkxValuer(okx::positionTiers, tiers::estimateSchedule, OkxValuer.DEFAULT_LIQUIDATION_FEE_RATE);
    }

    private static String readKeyFile(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentinel.watch.master-key-file " + file, e);
        }
    }
}
