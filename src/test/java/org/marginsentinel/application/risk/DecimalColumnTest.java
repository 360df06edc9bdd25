package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalColumnTest {

    @Test
    void everyValueComesBackEqual_scaleIncluded() {
        List<BigDecimal> values = List.of(
                new BigDecimal("0"), new BigDecimal("0.000000000000000000"), new BigDecimal("80000"),
                new BigDecimal("80000.000000000000000000"), new BigDecimal("-1234.5678"),
                new BigDecimal("12345678901234567890.123456789012345678"), // NUMERIC(38, 18) at its widest
                new BigDecimal("-99999999999999999999.999999999999999999"),
                new BigDecimal("1E+5"), new BigDecimal("0.1E-3"),
                new BigDecimal(BigInteger.TWO.pow(200), 3)); // wider than 128 bits: kept as it is
        DecimalColumn column = new DecimalColumn(4);
        column.grow(values.size());
        for (int i = 0; i < values.size(); i++) {
            column.set(i, values.get(i));
        }
        for (int i = 0; i < values.size(); i++) {
            assertThat(column.get(i)).isEqualTo(values.get(i)); // equals: value and scale
        }
    }

    @Test
    void randomValuesOfDatabaseScale_roundTrip_andSurviveMoves() {
        Random random = new Random(7);
        DecimalColumn column = new DecimalColumn(1000);
        BigDecimal[] stored = new BigDecimal[1000];
        for (int i = 0; i < stored.length; i++) {
            BigInteger digits = new BigInteger(1 + random.nextInt(125), random);
            stored[i] = new BigDecimal(random.nextBoolean() ? digits : digits.negate(), random.nextInt(30) - 5);
            column.set(i, stored[i]);
        }
        for (int i = 0; i < 500; i++) {
            column.move(i + 500, i);
        }
        for (int i = 0; i < 500; i++) {
            assertThat(column.get(i)).isEqualTo(stored[i + 500]);
        }
    }
}
