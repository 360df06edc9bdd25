package org.marginsentinel.adapter.keyed.okx;

import static org.marginsentinel.adapter.keyed.LenientJson.decimal;
import static org.marginsentinel.adapter.keyed.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.keyed.KeyedHttp;
import org.marginsentinel.adapter.keyed.KeyedRequestBudget;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.MaintenanceTier;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierSource;

/**
 * OKX's public position tiers of the USDT swaps watched accounts hold ({@code GET /api/v5/public/position-tiers
 * ?instType=SWAP&tdMode=cross&instFamily=…}, at most 5 families a call, no key), each tier's size bounds turned from
 * contracts into coins with the contract value, kept a day. The valuer reads them from memory only; they are fetched
 * on an account's poll, before it is valued. A failed fetch keeps what was known (without it the valuer estimates, and
 * says so) and is not tried again for ten minutes.
 */
final class OkxPositionTiers {

    static final String PATH = "/api/v5/public/position-tiers";
    static final int FAMILIES_PER_CALL = 5;
    /** The request budget's bucket for OKX's public endpoints (10 requests per 2 s per IP; the budget allows fewer). */
    static final String PUBLIC_BUCKET = "okx-public";
    private static final Duration TTL = Duration.ofDays(1);
    private static final Duration RETRY = Duration.ofMinutes(10);
    private static final String SWAP_SUFFIX = "-SWAP";
    private static final Logger LOG = Logger.getLogger(OkxPositionTiers.class);

    private record Known(ListedTiers tiers, Instant fetched) {
    }

    private final KeyedHttp http;
    private final OkxInstruments instruments;
    private final KeyedRequestBudget budget;
    private final Clock clock;
    private final Map<String, Known> byInstrument = new ConcurrentHashMap<>();
    private final Map<String, Instant> failedAt = new ConcurrentHashMap<>();

    OkxPositionTiers(KeyedHttp http, OkxInstruments instruments, KeyedRequestBudget budget, Clock clock) {
        this.http = http;
        this.instruments = instruments;
        this.budget = budget;
        this.clock = clock;
    }

    /** The tiers of {@code instId} ("BTC-USDT-SWAP") in coins, as last fetched; empty when never fetched. */
    Optional<ListedTiers> listed(String instId) {
        return Optional.ofNullable(byInstrument.get(instId)).map(Known::tiers);
    }

    /** Fetches the tiers of the USDT swaps among {@code instIds} not known for a day, unless one failed lately. */
    synchronized void refresh(Collection<String> instIds) {
        Instant now = clock.instant();
        Map<String, List<String>> dueByFamily = new HashMap<>();
        for (String instId : instIds) {
            String family = family(instId);
            if (family == null) {
                continue;
            }
            Known known = byInstrument.get(instId);
            Instant failed = failedAt.get(family);
            boolean due = known == null || !known.fetched().plus(TTL).isAfter(now);
            if (due && (failed == null || !failed.plus(RETRY).isAfter(now))) {
                dueByFamily.computeIfAbsent(family, f -> new ArrayList<>()).add(instId);
            }
        }
        List<String> families = new ArrayList<>(dueByFamily.keySet());
        families.sort(Comparator.naturalOrder());
        for (int from = 0; from < families.size(); from += FAMILIES_PER_CALL) {
            List<String> call = families.subList(from, Math.min(families.size(), from + FAMILIES_PER_CALL));
            try {
                fetch(call, dueByFamily, now);
            } catch (RuntimeException e) {
                LOG.warnf("OKX position tiers of %s not read (%s): their maintenance stays an estimate", call,
                        e.getMessage());
                call.forEach(family -> failedAt.put(family, now));
            }
        }
    }

    private void fetch(List<String> families, Map<String, List<String>> dueByFamily, Instant now) {
        budget.acquire(PUBLIC_BUCKET);
        JsonNode data = OkxErrors.check(http.get(PATH, "instType=SWAP&tdMode=cross&instFamily="
                + String.join(",", families), Map.of()));
        Map<String, List<JsonNode>> rows = new HashMap<>();
        for (JsonNode row : data) {
            rows.computeIfAbsent(text(row, "instFamily"), f -> new ArrayList<>()).add(row);
        }
        TierSource source = new TierSource(TierSource.OKX, LocalDate.ofInstant(now, ZoneOffset.UTC));
        for (String family : families) {
            for (String instId : dueByFamily.get(family)) {
                Optional<TierSchedule> schedule = inCoins(rows.getOrDefault(family, List.of()),
                        instruments.coinsPerContract(instId));
                if (schedule.isPresent()) {
                    byInstrument.put(instId, new Known(new ListedTiers(schedule.get(), source), now));
                    failedAt.remove(family);
                } else {
                    LOG.warnf("OKX gave no usable position tiers for %s: its maintenance stays an estimate", instId);
                    failedAt.put(family, now);
                }
            }
        }
    }

    /**
     * The tiers with size bounds in coins (contracts × {@code coinsPerContract}), in OKX's order; each starts where
     * the one before ends and the last is open-ended. Empty when a row lacks its rate or bounds do not rise.
     */
    static Optional<TierSchedule> inCoins(List<JsonNode> rows, BigDecimal coinsPerContract) {
        if (rows.isEmpty() || coinsPerContract == null) {
            return Optional.empty();
        }
        List<JsonNode> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing(row -> decimal(row, "tier"), Comparator.nullsLast(Comparator.naturalOrder())));
        List<MaintenanceTier> tiers = new ArrayList<>();
        BigDecimal floor = BigDecimal.ZERO;
        for (int i = 0; i < ordered.size(); i++) {
            JsonNode row = ordered.get(i);
            BigDecimal rate = decimal(row, "mmr");
            BigDecimal maxSize = decimal(row, "maxSz");
            BigDecimal maxLever = decimal(row, "maxLever");
            boolean last = i == ordered.size() - 1;
            BigDecimal cap = last ? null : maxSize == null ? null : maxSize.multiply(coinsPerContract);
            if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0
                    || (!last && (cap == null || cap.compareTo(floor) <= 0))) {
                return Optional.empty();
            }
            int leverage = maxLever == null || maxLever.signum() <= 0 ? 1 : Math.max(1, maxLever.intValue());
            tiers.add(new MaintenanceTier(floor, cap, rate, BigDecimal.ZERO, leverage));
            floor = cap;
        }
        return Optional.of(TierSchedule.of(tiers));
    }

    /** "BTC-USDT-SWAP" → "BTC-USDT"; null for anything but a USDT swap. */
    static String family(String instId) {
        return instId != null && instId.endsWith("-USDT" + SWAP_SUFFIX)
                ? instId.substring(0, instId.length() - SWAP_SUFFIX.length()) : null;
    }
}
