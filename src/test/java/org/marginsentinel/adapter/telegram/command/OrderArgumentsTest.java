package org.marginsentinel.adapter.telegram.command;

import static org.marginsentinel.testsupport.Refusals.saying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.testsupport.Refusals;

/** Forgiving order input: every accepted form, what it means, and what must be asked or refused instead. */
class OrderArgumentsTest {

    private static OpenOrder parse(String text) {
        return OrderArguments.parse(Side.LONG, List.of(text.split(" ")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # typed                        | symbol    | quantity | notional | leverage | mode     | entry
            BTC 0.01 20x                   | BTCUSDT   | 0.01     | -        | 20       | -        | -
            btc 0.01 20                    | BTCUSDT   | 0.01     | -        | 20       | -        | -
            BTC 0.01 x20                   | BTCUSDT   | 0.01     | -        | 20       | -        | -
            BTC 0.01 X20                   | BTCUSDT   | 0.01     | -        | 20       | -        | -
            BTC 0.01 20X                   | BTCUSDT   | 0.01     | -        | 20       | -        | -
            btc 100 usdt 20x               | BTCUSDT   | -        | 100      | 20       | -        | -
            btc 100 USDT                   | BTCUSDT   | -        | 100      | -        | -        | -
            btc 100usdt 5                  | BTCUSDT   | -        | 100      | 5        | -        | -
            BTC $100                       | BTCUSDT   | -        | 100      | -        | -        | -
            BTC 100$ cross                 | BTCUSDT   | -        | 100      | -        | CROSS    | -
            BTC 100 $                      | BTCUSDT   | -        | 100      | -        | -        | -
            BTC 0.5 btc 3x                 | BTCUSDT   | 0.5      | -        | 3        | -        | -
            BTC 0,01 20x                   | BTCUSDT   | 0.01     | -        | 20       | -        | -
            BTC 1,5                        | BTCUSDT   | 1.5      | -        | -        | -        | -
            BTC 0,001                      | BTCUSDT   | 0.001    | -        | -        | -        | -
            SOL 1,000,000                  | SOLUSDT   | 1000000  | -        | -        | -        | -
            SOL 1,000.5                    | SOLUSDT   | 1000.5   | -        | -        | -        | -
            BTC 0.01 10x @96,500.5         | BTCUSDT   | 0.01     | -        | 10       | -        | 96500.5
            BTCUSDT 0.01                   | BTCUSDT   | 0.01     | -        | -        | -        | -
            btc/usdt 0.01                  | BTCUSDT   | 0.01     | -        | -        | -        | -
            BTC-PERP 0.01                  | BTCUSDT   | 0.01     | -        | -        | -        | -
            eth-usdt 2 isolated @2600 15   | ETHUSDT   | 2        | -        | 15       | ISOLATED | 2600
            """)
    void parse_forgivingForms_meanOneThing(String typed, String symbol, BigDecimal quantity, BigDecimal notional,
                                           Integer leverage, MarginMode mode, BigDecimal entry) {
        OpenOrder order = parse(typed);

        assertThat(order.symbol()).isEqualTo(symbol);
        assertThat(order.side()).isEqualTo(Side.LONG);
        assertNumber(order.quantity(), quantity);
        assertNumber(order.quoteNotional(), notional);
        assertThat(order.leverage()).isEqualTo(leverage);
        assertThat(order.marginMode()).isEqualTo(mode);
        assertNumber(order.entryPrice(), entry);
    }

    /** A comma that could be either a thousands separator or a decimal comma is asked about, with both readings. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed               | first reading                  | second reading
            SOL 1,000             | /long SOL 1000                 | /long SOL 1.000
            BTC 0.1 @96,500       | /long BTC 0.1 @96500           | /long BTC 0.1 @96.500
            BTC $1,500 20x        | /long BTC $1500 20x            | /long BTC $1.500 20x
            """)
    void parse_eitherComma_asksWithBothReadings(String typed, String first, String second) {
        List<String> args = List.of(typed.split(" "));

        assertThatThrownBy(() -> OrderArguments.parse(Side.LONG, args))
                .isInstanceOfSatisfying(AmbiguousInput.class, question -> {
                    assertThat(Refusals.inEnglish(question)).contains("thousands separator").contains("decimal comma");
                    assertThat(question.commandTexts("long", args)).containsExactly(first, second);
                });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed                   | the refusal says
            BTC                       | at least a symbol and a size
            BTC 0.01 20 10x           | only once
            BTC 0.01 20x 5            | the leverage is already 20x
            BTC 0.01 200              | between 1x and 125x
            BTC 0.01 0                | between 1x and 125x
            BTC 100 eur               | I don't understand "eur"
            BTC 100eur                | the unit "eur"
            BTC 100 usdt usdt         | I don't understand "usdt"
            BTC 1e3                   | not a valid size
            BTC 1.000,5               | not a valid size
            BTC 0.01 2.5              | I don't understand "2.5"
            BTC 0.01 20x cross isolated | margin mode only once
            BTC 0.01 @1 @2            | entry price only once
            BTC -1                    | not a valid size
            """)
    void parse_badOrUnclearInput_isRefusedWithAReason(String typed, String reason) {
        assertThatThrownBy(() -> parse(typed)).isInstanceOf(CommandRejected.class)
                .isNotInstanceOf(AmbiguousInput.class).satisfies(saying(reason));
    }

    @Test
    void aTypedWord_isQuotedTheReadersWay_inARefusalAndInADirectReply() {
        CommandRejected rejected = (CommandRejected) org.assertj.core.api.Assertions.catchThrowable(
                () -> parse("BTC 100 eur"));

        assertThat(Texts.of(Language.EN).refusal(rejected)).contains("\"eur\"");
        assertThat(Texts.of(Language.RU).refusal(rejected)).contains("«eur»").doesNotContain("\"");
        assertThat(Arguments.quote(null, Texts.of(Language.RU))).isEqualTo("(ничего)");
        assertThat(Arguments.quote(null, Texts.of(Language.EN))).isEqualTo("(nothing)");
        assertThat(Arguments.quote("x".repeat(40), Texts.of(Language.RU))).startsWith("«xxx").endsWith("»");
    }

    private static void assertNumber(BigDecimal actual, BigDecimal expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isEqualByComparingTo(expected);
        }
    }
}
