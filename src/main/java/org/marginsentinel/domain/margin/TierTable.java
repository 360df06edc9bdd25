package org.marginsentinel.domain.margin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exchange's maintenance-margin tiers of every listed symbol, each with its source and date.
 *
 * <p>Refreshed at run time ({@link #update}): readers always see one consistent snapshot. A symbol without
 * published tiers is never valued with a made-up schedule presented as real: {@link #listed} is empty for it,
 * opening it is refused, and the few numbers still needed for it (a position opened before its tiers were
 * dropped) use {@link #estimateSchedule()}, which is at least as demanding as every listed symbol.
 */
public final class TierTable implements TierLookup {

    public static final String SHIPPED_RESOURCE = "/tiers/binance-usdm-2024-10-24.csv";

    private volatile Snapshot current;

    private record Snapshot(Map<String, ListedTiers> listed, TierSchedule estimate) {

        static Snapshot of(Map<String, ListedTiers> listed) {
            if (listed.isEmpty()) {
                throw new IllegalArgumentException("a tier table needs at least one symbol");
            }
            List<TierSchedule> schedules = listed.values().stream().map(ListedTiers::schedule).toList();
            return new Snapshot(Map.copyOf(listed), TierSchedule.conservativeEnvelope(schedules));
        }
    }

    private TierTable(Map<String, ListedTiers> listed) {
        this.current = Snapshot.of(listed);
    }

    /** The snapshot shipped with the bot (Binance USDⓈ-M brackets of every perpetual, on the classpath). */
    public static TierTable shippedDefaults() {
        InputStream csv = TierTable.class.getResourceAsStream(SHIPPED_RESOURCE);
        if (csv == null) {
            throw new IllegalStateException("missing classpath resource " + SHIPPED_RESOURCE);
        }
        return parseCsv(new InputStreamReader(csv, StandardCharsets.UTF_8));
    }

    public static TierTable of(Map<String, ListedTiers> listed) {
        return new TierTable(listed);
    }

    /**
     * Parses {@code symbol,notionalFloor,notionalCap,maintenanceMarginRate,maintenanceAmount,maxLeverage} rows;
     * '#' starts a comment line, the header row is optional, an empty cap means "no cap". Two comment lines
     * name the source: {@code # source=Binance brackets} and {@code # as-of=2024-10-24} (both required).
     * Throws {@link IllegalArgumentException} naming the line of the first problem.
     */
    public static TierTable parseCsv(Reader csv) {
        Map<String, List<MaintenanceTier>> rows = new TreeMap<>();
        String sourceName = null;
        LocalDate asOf = null;
        try (BufferedReader reader = new BufferedReader(csv)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.trim();
                if (trimmed.startsWith("#")) {
                    String comment = trimmed.substring(1).trim();
                    if (comment.startsWith("source=")) {
                        sourceName = comment.substring("source=".length()).trim();
                    } else if (comment.startsWith("as-of=")) {
                        asOf = date(comment.substring("as-of=".length()).trim(), lineNumber);
                    }
                    continue;
                }
                if (trimmed.isEmpty() || trimmed.toLowerCase(Locale.ROOT).startsWith("symbol,")) {
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
        if (sourceName == null || sourceName.isBlank() || asOf == null) {
            throw new IllegalArgumentException("tier table must name its source and date in comment lines "
                    + "'# source=...' and '# as-of=YYYY-MM-DD'");
        }
        TierSource source = new TierSource(sourceName, asOf);
        Map<String, ListedTiers> listed = new LinkedHashMap<>();
        rows.forEach((symbol, tiers) -> {
            try {
                listed.put(symbol, new ListedTiers(TierSchedule.of(tiers), source));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tier table, " + symbol + ": " + e.getMessage(), e);
            }
        });
        return new TierTable(listed);
    }

    private static LocalDate date(String text, int lineNumber) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("tier table line " + lineNumber + ": as-of must be YYYY-MM-DD", e);
        }
    }

    /** Takes fresher tiers: each symbol given replaces what the table held for it; the rest stay. */
    public void update(Map<String, ListedTiers> fresher) {
        if (fresher.isEmpty()) {
            return;
        }
        synchronized (this) {
            Map<String, ListedTiers> merged = new LinkedHashMap<>(current.listed());
            merged.putAll(fresher);
            current = Snapshot.of(merged);
        }
    }

    /** The symbol's published tiers, or the conservative estimate when it has none. */
    public TierSchedule scheduleFor(String symbol) {
        Snapshot snapshot = current;
        ListedTiers listed = snapshot.listed().get(symbol);
        return listed != null ? listed.schedule() : snapshot.estimate();
    }

    public Optional<ListedTiers> listed(String symbol) {
        return Optional.ofNullable(current.listed().get(symbol));
    }

    public Optional<TierSchedule> listedSchedule(String symbol) {
        return listed(symbol).map(ListedTiers::schedule);
    }

    /** "Binance brackets of 2024-10-24", or a plain warning that the numbers are an estimate. */
    public String describeSource(String symbol) {
        return listed(symbol).map(tiers -> tiers.source().describe())
                .orElse("estimate: no exchange tiers for " + symbol + ", valued with the strictest listed schedule");
    }

    /** Why a symbol without exchange tiers is refused rather than valued with a guess. */
    public static String unlistedReason(String symbol) {
        return "I have no exchange margin tiers for " + symbol + ", so I can't value it the way the exchange would "
                + "(its maintenance margin and leverage limits are unknown to me).";
    }

    /** At every notional at least the maintenance margin of every listed symbol, at most its leverage. */
    public TierSchedule estimateSchedule() {
        return current.estimate();
    }

    public Set<String> listedSymbols() {
        return current.listed().keySet();
    }

    public Map<String, ListedTiers> entries() {
        return current.listed();
    }

    @Override
    public TierSchedule scheduleFor(Position position) {
        return scheduleFor(position.symbol());
    }
}
