package org.marginsentinel.domain.watch.keyed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierSource;

/** Builders for the valuer tests: positions and snapshots as a keyed exchange would report them. */
final class KeyedPositions {

    static final Instant TIME = Instant.parse("2026-12-04T22:00:00Z");

    private KeyedPositions() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static ExchangePosition isolated(String symbol, Side side, String size, String entry, String mark, int leverage,
                                     String margin, String exchangeLiquidation, String maintenance) {
        return new ExchangePosition(symbol, side, d(size), d(entry), d(mark), MarginMode.ISOLATED, leverage, d(margin),
                null, exchangeLiquidation == null ? null : d(exchangeLiquidation),
                maintenance == null ? null : d(maintenance), null, null);
    }

    static ExchangePosition cross(String symbol, Side side, String size, String entry, String mark, int leverage,
                                  String exchangeLiquidation, String maintenance) {
        return new ExchangePosition(symbol, side, d(size), d(entry), mark == null ? null : d(mark), MarginMode.CROSS,
                leverage, null, null, exchangeLiquidation == null ? null : d(exchangeLiquidation),
                maintenance == null ? null : d(maintenance), null, null);
    }

    static ExchangeAccountSnapshot snapshot(String marginBalance, ExchangePosition... positions) {
        return new ExchangeAccountSnapshot(TIME, null, d(marginBalance), null, null, null, List.of(positions));
    }

    /** Every symbol on one flat tier of this maintenance rate, dated and named as {@code source}. */
    static Function<String, Optional<ListedTiers>> flatTiers(String rate, String source) {
        ListedTiers tiers = new ListedTiers(TierSchedule.flat(d(rate), BigDecimal.ZERO),
                new TierSource(source, LocalDate.of(2026, 12, 4)));
        return symbol -> Optional.of(tiers);
    }

    static Function<String, Optional<ListedTiers>> noTiers() {
        return symbol -> Optional.empty();
    }

    /** A deliberately harsh estimate, so a test sees when it was used. */
    static TierSchedule harshEstimate() {
        return TierSchedule.flat(d("0.05"), BigDecimal.ZERO);
    }
}
