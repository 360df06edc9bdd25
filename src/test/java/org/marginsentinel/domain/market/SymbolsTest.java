package org.marginsentinel.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolsTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
            input            | symbol
            btc              | BTCUSDT
            BTC              | BTCUSDT
            BTCUSDT          | BTCUSDT
            btcusdt          | BTCUSDT
            btc/usdt         | BTCUSDT
            BTC-USDT         | BTCUSDT
            Eth/Usdt         | ETHUSDT
            1000PEPE         | 1000PEPEUSDT
            1000pepeusdt     | 1000PEPEUSDT
            1000PEPE/USDT    | 1000PEPEUSDT
            ABCDEFGHIJKLMNOP | ABCDEFGHIJKLMNOPUSDT
            """)
    void normalize_acceptedInput_givesExchangeSymbol(String input, String symbol) {
        assertThat(Symbols.normalize(input)).contains(symbol);
    }

    @Test
    void normalize_whitespaceAround_isTrimmed() {
        assertThat(Symbols.normalize("  sol  ")).contains("SOLUSDT");
        assertThat(Symbols.normalize("\tbtc\n")).contains("BTCUSDT");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ",
            "USDT",
            "/USDT",
            "BTC/",
            "BTC/USDC",
            "BTC/USDT/USDT",
            "BTC-USDT-SWAP",
            "BTC USDT",
            "BTCUSDT_261225",
            "btc!",
            "\uD83D\uDE80",          // rocket emoji
            "BTC\uD83D\uDE80",
            "ＢＴＣ",                  // full-width letters
            "ıbtc",                  // dotless i upper-cases to a plain I; must not sneak through
            "straße",                // ß upper-cases to SS
            "ABCDEFGHIJKLMNOPQRSTU", // 21 characters
            "ABCDEFGHIJKLMNOPQ",     // 17 + USDT = 21 characters
    })
    void normalize_invalidInput_isRejected(String input) {
        assertThat(Symbols.normalize(input)).isEmpty();
    }

    @Test
    void normalize_twentyCharacterSymbol_isAccepted() {
        assertThat(Symbols.normalize("abcdefghijklmnopusdt")).contains("ABCDEFGHIJKLMNOPUSDT");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(textBlock = """
            BTCUSDT,      BTC
            1000PEPEUSDT, 1000PEPE
            ETHUSDT,      ETH
            """)
    void base_usdtSymbol_stripsQuote(String symbol, String base) {
        assertThat(Symbols.base(symbol)).isEqualTo(base);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"btcusdt", "USDT", "BTCUSDC", "BTCUSDT_261225", ""})
    void base_notAUsdtSymbol_throws(String symbol) {
        assertThatIllegalArgumentException().isThrownBy(() -> Symbols.base(symbol)).withMessageContaining("symbol");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(textBlock = """
            BTCUSDT,        true
            1000PEPEUSDT,   true
            BTCUSDT_261225, false
            BTCUSD_PERP,    false
            ETHUSDC,        false
            BTCPERP,        false
            btcusdt,        false
            USDT,           false
            BTCUSDT-26DEC25, false
            """)
    void isUsdtSymbol_classifiesExchangeSymbols(String symbol, boolean expected) {
        assertThat(Symbols.isUsdtSymbol(symbol)).isEqualTo(expected);
    }
}
