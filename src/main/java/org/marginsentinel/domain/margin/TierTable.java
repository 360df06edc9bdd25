package org.marginsentinel.domain.margin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maintenance-margin schedules by symbol, with a conservative default for symbols not listed.
 * Read from a small CSV (see {@code tiers/default-tiers.csv}) so deployers can ship their own.
 */
public final class TierTable implements TierLookup {

    public static final String DEFAULT_SYMBOL = "DEFAULT";
    public static final String SHIPPED_RESOURCE = "/tiers/default-tiers.csv";

    private final Map<String, TierSchedule> schedules;
    private final TierSchedule defaultSchedule;

    private TierTable(Map<String, TierSchedule> schedules, TierSchedule defaultSchedule) {
        this.schedules = Map.copyOf(schedules);
        this.defaultSchedule = defaultSchedule;
    }

    /** The table shipped with the bot ({@code tiers/default-tiers.csv} on the classpath). */
    public static TierTable shippedDefaults() {
        InputStream csv = TierTable.class.getResourceAsStream(SHIPPED_RESOURCE);
        if (csv == null) {
            throw new IllegalStateException("missing classpath resource " + SHIPPED_RESOURCE);
        }
        return parseCsv(new InputStreamReader(csv, StandardCharsets.UTF_8));
    }

    public static TierTable of(Map<String, TierSchedule> schedules, TierSchedule defaultSchedule) {
        return new TierTable(schedules, defaultSchedule);
    }

    /**
     * Parses {@code symbol,notionalFloor,notionalCap,maintenanceMarginRate,maintenanceAmount,maxLeverage}
     * rows; '#' starts a comment line, the header row is optional, an empty cap means "no cap".
     * Throws {@link IllegalArgumentException} naming the line of the first problem.
     */
    public static TierTable parseCsv(Reader csv) {
        Map<String, List<MaintenanceTier>> rows = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(csv)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.toLowerCase(Locale.ROOT).startsWith("symbol,")) {
                    continue;
                }
                String[] cells = trimmed.split(",", -1);
                if (cells.length != 6) {
                    throw new IllegalArgumentException("tier table line " + lineNumber + ": expected 6 columns");
                }
                try {
                    String symbol = cells[0].trim().toUpperCase(Locale.ROOT);
                    String cap = cells[2].trim();
                    MaintenanceTier tier = new MaintenanceTier(new BigDecimal(cells[1].trim()),
                            cap.isEmpty() ? null : new BigDecimal(cap), new BigDecimal(cells[3].trim()),
                            new BigDecimal(cells[4].trim()), Integer.parseInt(cells[5].trim()));
                    rows.computeIfAbsent(symbol, s -> new ArrayList<>()).add(tier);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("tier table line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<MaintenanceTier> defaults = rows.remove(DEFAULT_SYMBOL);
        if (defaults == null) {
            throw new IllegalArgumentException("tier table has no DEFAULT rows");
        }
        Map<String, TierSchedule> schedules = new LinkedHashMap<>();
        rows.forEach((symbol, tiers) -> {
            try {
                schedules.put(symbol, TierSchedule.of(tiers));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tier table, " + symbol + ": " + e.getMessage(), e);
            }
        });
        return new TierTable(schedules, TierSchedule.of(defaults));
    }

    public TierSchedule scheduleFor(String symbol) {
        return schedules.getOrDefault(symbol, defaultSchedule);
    }

    public Optional<TierSchedule> listedSchedule(String symbol) {
        return Optional.ofNullable(schedules.get(symbol));
    }

    public Set<String> listedSymbols() {
        return schedules.keySet();
    }

    @Override
    public TierSchedule scheduleFor(Position position) {
        return scheduleFor(position.symbol());
    }
}
