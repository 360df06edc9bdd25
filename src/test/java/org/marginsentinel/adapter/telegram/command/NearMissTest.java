package org.marginsentinel.adapter.telegram.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearMissTest {

    @ParameterizedTest(name = "[{index}] /{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # typed       | suggested commands
            lon           | long
            lnog          | long
            shrot         | short
            clos          | close
            posotions     | positions
            balanse       | balance
            LON           | long
            lung          | long lang
            liquidate     | -
            x             | -
            frobnicate    | -
            """)
    void suggestions_nearMissesOfTheCommandTable(String typed, String expected) {
        List<String> suggested = CommandSuggestions.suggestions(typed);

        if (expected == null) {
            assertThat(suggested).isEmpty();
        } else {
            assertThat(suggested).containsExactly(expected.split(" "));
        }
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            BTCC   | BTC
            ETHH   | ETH
            BT     | BTC
            SOLL   | SOL
            DOGE   | -
            XRP    | -
            """)
    void nearest_symbolBases(String typed, String expected) {
        List<String> nearest = NearMiss.nearest(typed, List.of("BTC", "ETH", "SOL", "1000PEPE"));

        assertThat(nearest).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1} = {2}")
    @CsvSource({"long, long, 0", "lon, long, 1", "lnog, long, 1", "short, shrot, 1", "abc, xyz, 3", "'', ab, 2"})
    void distance_countsASwapAsOneEdit(String a, String b, int expected) {
        assertThat(NearMiss.distance(a, b)).isEqualTo(expected);
    }
}
