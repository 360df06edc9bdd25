package org.marginsentinel.adapter.tiers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.MaintenanceTier;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierSource;

/** The {@code maintenance_tier} table (see {@code V50__maintenance_tiers.sql}) in plain JDBC batches. */
@ApplicationScoped
public class JdbcTierStore {

    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    /** Every stored symbol's tiers; a symbol whose rows do not form a valid schedule is left out. */
    @Transactional
    public Map<String, ListedTiers> loadAll() {
        Map<String, List<MaintenanceTier>> tiers = new LinkedHashMap<>();
        Map<String, TierSource> sources = new LinkedHashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT symbol, notional_floor, notional_cap, "
                    + "mm_rate, mm_amount, max_leverage, source, as_of FROM maintenance_tier ORDER BY symbol, bracket");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String symbol = rows.getString(1);
                    tiers.computeIfAbsent(symbol, s -> new ArrayList<>()).add(new MaintenanceTier(rows.getBigDecimal(2),
                            rows.getBigDecimal(3), rows.getBigDecimal(4), rows.getBigDecimal(5), rows.getInt(6)));
                    sources.putIfAbsent(symbol, new TierSource(rows.getString(7), rows.getDate(8).toLocalDate()));
                }
            }
        });
        Map<String, ListedTiers> listed = new LinkedHashMap<>();
        tiers.forEach((symbol, rows) -> {
            try {
                listed.put(symbol, new ListedTiers(TierSchedule.of(rows), sources.get(symbol)));
            } catch (IllegalArgumentException e) {
                io.quarkus.logging.Log.warnf("Stored tiers of %s are not a valid schedule (%s); left out", symbol,
                        e.getMessage());
            }
        });
        return listed;
    }

    /** Replaces the stored tiers of every symbol given, in one transaction. */
    @Transactional
    public void replace(Map<String, ListedTiers> fresher) {
        if (fresher.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM maintenance_tier WHERE symbol = ?")) {
                int pending = 0;
                for (String symbol : fresher.keySet()) {
                    delete.setString(1, symbol);
                    delete.addBatch();
                    if (++pending % BATCH == 0) {
                        delete.executeBatch();
                    }
                }
                delete.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO maintenance_tier (symbol, bracket, "
                    + "notional_floor, notional_cap, mm_rate, mm_amount, max_leverage, source, as_of) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Map.Entry<String, ListedTiers> entry : fresher.entrySet()) {
                    TierSource source = entry.getValue().source();
                    int bracket = 0;
                    for (MaintenanceTier tier : entry.getValue().schedule().tiers()) {
                        insert.setString(1, entry.getKey());
                        insert.setInt(2, ++bracket);
                        insert.setBigDecimal(3, tier.notionalFloor());
                        insert.setBigDecimal(4, tier.notionalCap());
                        insert.setBigDecimal(5, tier.maintenanceMarginRate());
                        insert.setBigDecimal(6, tier.maintenanceAmount());
                        insert.setInt(7, tier.maxLeverage());
                        insert.setString(8, source.name());
                        insert.setDate(9, Date.valueOf(source.asOf()));
                        insert.addBatch();
                        if (++pending % BATCH == 0) {
                            insert.executeBatch();
                        }
                    }
                }
                insert.executeBatch();
            }
        });
    }

    static boolean newer(ListedTiers candidate, ListedTiers stored) {
        LocalDate storedDate = stored == null ? null : stored.source().asOf();
        return storedDate == null || candidate.source().asOf().isAfter(storedDate);
    }
}
