package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;

class RiskIndexTest {

    private final TierTable tiers = TierTable.shippedDefaults();
    private final MarginCalculator calculator = new MarginCalculator(tiers);
    private final RiskIndex index = new RiskIndex(tiers);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private UserBook book(long userId, String wallet, Position... positions) {
        List<StoredPosition> stored = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            stored.add(new StoredPosition(Long.parseLong(positions[i].id()), userId, i + 1, positions[i], Instant.EPOCH));
        }
        UserBook book = new UserBook(userId, d(wallet), stored, RiskThresholds.DEFAULTS, calculator, tiers,
                index.symbols(), index::curveFor);
        index.put(book);
        return book;
    }

    private double[] marks(String btc) {
        return index.markArray(Map.of("BTCUSDT", new MarkPrice("BTCUSDT", d(btc), Instant.EPOCH, "test")));
    }

    // 0.1 BTC long at 80,000, 5x: liquidation 64,257.03
    private Position isolatedLong() {
        return Position.isolated("1", "BTCUSDT", Side.LONG, d("0.1"), d("80000"), 5);
    }

    @Test
    void scan_isolatedEnteringAWorseLevel_isFlagged_andStayingSafeIsNot() {
        book(1, "10000", isolatedLong());

        assertThat(index.scan(marks("80000"))).isEmpty();
        assertThat(index.scan(marks("71000"))).hasSize(1); // WARNING, held SAFE
    }

    @Test
    void scan_heldLevelUnchanged_isNotFlagged_butClearRecoveryIs() {
        UserBook book = book(1, "10000", isolatedLong());
        book.isolatedLevel[0] = (byte) RiskLevel.WARNING.ordinal();

        assertThat(index.scan(marks("71000"))).as("still WARNING").isEmpty();
        assertThat(index.scan(marks("72500"))).as("SAFE but not clearly (11.4% < 12.5%)").isEmpty();
        assertThat(index.scan(marks("75000"))).as("clearly recovered (14.3%)").hasSize(1);
    }

    @Test
    void scan_criticalOrWorse_isAlwaysFlagged_forRepeatsAndLiquidation() {
        UserBook book = book(1, "10000", isolatedLong());
        book.isolatedLevel[0] = (byte) RiskLevel.CRITICAL.ordinal();

        assertThat(index.scan(marks("65500"))).hasSize(1);
        assertThat(index.scan(marks("64000"))).hasSize(1);
    }

    @Test
    void scan_symbolWithoutAFreshMark_isSkipped() {
        book(1, "10000", isolatedLong());

        double[] noMarks = index.markArray(Map.of());

        assertThat(index.scan(noMarks)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void screenCrossRatio_matchesTheExactEngine(long seed) {
        Random random = new Random(seed);
        List<Position> positions = new ArrayList<>();
        List<PricedPosition> priced = new ArrayList<>();
        String[] symbols = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
        double[] bases = {80000, 2600, 110};
        java.util.HashMap<String, MarkPrice> marks = new java.util.HashMap<>();
        for (int s = 0; s < symbols.length; s++) {
            BigDecimal mark = BigDecimal.valueOf(bases[s] * (0.9 + 0.2 * random.nextDouble())).setScale(4, java.math.RoundingMode.HALF_EVEN);
            marks.put(symbols[s], new MarkPrice(symbols[s], mark, Instant.EPOCH, "test"));
        }
        for (int i = 0; i < 4; i++) {
            int s = random.nextInt(symbols.length);
            BigDecimal quantity = BigDecimal.valueOf(200_000 * random.nextDouble() / bases[s]).setScale(6, java.math.RoundingMode.HALF_EVEN);
            Position position = new Position(String.valueOf(i + 1), symbols[s], random.nextBoolean() ? Side.LONG : Side.SHORT,
                    quantity, BigDecimal.valueOf(bases[s]), 20, MarginMode.CROSS, null);
            positions.add(position);
            priced.add(new PricedPosition(position, marks.get(symbols[s]).price()));
        }
        UserBook book = book(1, "20000", positions.toArray(new Position[0]));

        double screened = book.screenCrossRatio(index.markArray(marks));
        CrossAccountRisk exact = calculator.cross(d("20000"), priced);

        if (exact.marginRatio() == null) {
            assertThat(screened).isInfinite();
        } else {
            assertThat(screened).isCloseTo(exact.marginRatio().doubleValue(), within(1e-9));
        }
    }
}
