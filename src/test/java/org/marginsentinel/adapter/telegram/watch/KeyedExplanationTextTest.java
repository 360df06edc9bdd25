package org.marginsentinel.adapter.telegram.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.domain.margin.TierSource;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Kind;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Reason;

/** A keyed position's second-opinion explanation, worded per language: English as it always read, Russian in full. */
class KeyedExplanationTextTest {

    private static final Texts ENGLISH = Texts.of(Language.EN);
    private static final Texts RUSSIAN = Texts.of(Language.RU);
    private static final TierSource OKX_TIERS = new TierSource(TierSource.OKX, LocalDate.parse("2026-12-04"));
    private static final TierSource BYBIT_TIERS = new TierSource(TierSource.BYBIT, LocalDate.parse("2026-12-04"));
    private static final BigDecimal FEE = new BigDecimal("0.0005");
    /** Latin words a Russian sentence may hold: the exchanges' and instruments' names. */
    private static final Set<String> NAMES = Set.of("Binance", "Bybit", "OKX", "BTC", "USDT", "SWAP", "NEWUSDT");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    /** Each reason with the English the valuers wrote before the texts moved to the bundle (byte for byte). */
    static Stream<Arguments> englishAsBefore() {
        return Stream.of(
                english(KeyedExchange.BYBIT, new Reason(Kind.BYBIT_TIERS, "BTCUSDT", BYBIT_TIERS, null, null),
                        "The bot valued maintenance with Bybit risk limits of 2026-12-04."),
                english(KeyedExchange.BYBIT, Reason.aboutSymbol(Kind.BYBIT_REPORTED_MAINTENANCE, "NEWUSDT"),
                        "Maintenance is Bybit's own figure for the position (its risk-limit tiers for NEWUSDT are not "
                                + "known to the bot)."),
                english(KeyedExchange.BYBIT, Reason.aboutSymbol(Kind.BYBIT_ESTIMATED, "NEWUSDT"),
                        "Estimated: Bybit's tiers for NEWUSDT are not known to the bot and Bybit reported no "
                                + "maintenance margin, so it is valued with the strictest tiers the bot knows."),
                english(KeyedExchange.OKX, new Reason(Kind.OKX_TIERS, "BTC-USDT-SWAP", OKX_TIERS, null, FEE),
                        "The bot counts maintenance with OKX position tiers of 2026-12-04, plus a liquidation fee "
                                + "of 0.05%."),
                english(KeyedExchange.OKX, new Reason(Kind.OKX_RATE_AT_MARK, "BTC-USDT-SWAP", null,
                                new BigDecimal("0.00412500"), FEE),
                        "Estimated: OKX's tiers for BTC-USDT-SWAP are not known to the bot, so OKX's maintenance rate "
                                + "at the mark (0.4125%, from its own figure) is assumed to hold down to the "
                                + "liquidation price, plus a liquidation fee of 0.05%."),
                english(KeyedExchange.OKX, new Reason(Kind.OKX_ESTIMATED, "BTC-USDT-SWAP", null, null, FEE),
                        "Estimated: OKX's tiers for BTC-USDT-SWAP are not known to the bot and OKX reported no "
                                + "maintenance margin, so it is valued with the strictest tiers the bot knows, plus a "
                                + "liquidation fee of 0.05%."),
                english(KeyedExchange.BINANCE, Reason.aboutSymbol(Kind.BINANCE_BRACKETS_ESTIMATED, "NEWUSDT"),
                        "The bot does not list NEWUSDT's brackets and used an estimate."),
                english(KeyedExchange.BINANCE, Reason.of(Kind.BINANCE_GIVES_NONE),
                        "Binance gives no liquidation price (&quot;0&quot;): its other positions' margin covers this "
                                + "one, or the account is in multi-assets or portfolio margin mode where other assets "
                                + "count."),
                english(KeyedExchange.BYBIT, Reason.of(Kind.BYBIT_GIVES_NONE_ISOLATED),
                        "Bybit gives no liquidation price; the bot's is from Bybit's isolated formula."),
                english(KeyedExchange.BYBIT, Reason.of(Kind.BYBIT_GIVES_NONE_CROSS),
                        "Bybit gives no liquidation price for this cross position; the bot's is where the whole "
                                + "account would reach its maintenance margin if every other position and the "
                                + "collateral stayed where they are."),
                english(KeyedExchange.OKX, Reason.of(Kind.OKX_GIVES_NONE_ISOLATED),
                        "OKX gives no liquidation price; the bot's is where the margin ratio would reach 100%."),
                english(KeyedExchange.OKX, Reason.of(Kind.OKX_GIVES_NONE_CROSS),
                        "OKX gives no liquidation price for this cross position; the bot's is where the account's "
                                + "margin ratio would reach 100% if every other position stayed where it is."),
                english(KeyedExchange.BINANCE, Reason.of(Kind.BINANCE_OWN_HAS_NONE),
                        "The bot finds no liquidating price at Binance's figures; trust Binance's."),
                english(KeyedExchange.OKX, Reason.of(Kind.OWN_HAS_NONE),
                        "The bot finds no price that liquidates it (the margin behind it covers any fall); OKX's "
                                + "price is the one that counts."),
                english(KeyedExchange.BINANCE, Reason.of(Kind.BINANCE_ISOLATED_DIFFERS),
                        "Funding or fees booked since the answer, or a bracket change."),
                english(KeyedExchange.BINANCE, Reason.of(Kind.BINANCE_CROSS_DIFFERS),
                        "Binance counts other assets or positions in the cross pool that the bot values differently "
                                + "(multi-assets mode, other margin assets, open orders), or a bracket change."),
                english(KeyedExchange.BYBIT, Reason.of(Kind.BYBIT_FEE_TO_CLOSE),
                        "Bybit's price is nearer the mark: a unified account adds an estimated fee to close to the "
                                + "maintenance margin."),
                english(KeyedExchange.BYBIT, Reason.of(Kind.BYBIT_CROSS_HOLDS_THE_REST),
                        "A cross price holds every other position, the collateral's value and open orders where they "
                                + "are; Bybit's moves with each of them."),
                english(KeyedExchange.BYBIT, Reason.of(Kind.BYBIT_FUNDING_AND_FEES),
                        "Funding or fees booked since the answer also move it; Bybit's price is the one that "
                                + "liquidates."),
                english(KeyedExchange.OKX, Reason.of(Kind.OKX_ESTIMATES_TOO),
                        "OKX calls its own price an estimate too, and its liquidation fee follows the account's fee "
                                + "tier."),
                english(KeyedExchange.OKX, Reason.of(Kind.OKX_CROSS_HOLDS_THE_REST),
                        "A cross price holds every other position and the collateral where they are; OKX's moves with "
                                + "each of them."),
                english(KeyedExchange.BINANCE, Reason.of(Kind.EXCHANGE_LIQUIDATES),
                        "Binance's price is the one that liquidates."),
                english(KeyedExchange.OKX, Reason.of(Kind.NOT_RECOMPUTED_POSITION),
                        "Not recomputed: OKX's answer lacks its mark or its isolated margin."),
                english(KeyedExchange.BYBIT, Reason.of(Kind.NOT_RECOMPUTED_POOL_BALANCE),
                        "Not recomputed: the cross pool needs every position's mark and the account's margin "
                                + "balance, and Bybit's answer lacked one."),
                english(KeyedExchange.OKX, Reason.of(Kind.NOT_RECOMPUTED_POOL_EQUITY),
                        "Not recomputed: the cross pool needs every position's mark and the account's equity, and "
                                + "OKX's answer lacked one."),
                english(KeyedExchange.BYBIT, Reason.of(Kind.PORTFOLIO_MARGIN),
                        "This Bybit account uses portfolio margin: its maintenance comes from Bybit's scenario "
                                + "tables over the whole portfolio, so the bot shows Bybit's figures without "
                                + "recomputing them."));
    }

    private static Arguments english(KeyedExchange exchange, Reason reason, String expected) {
        return Arguments.of(reason.kind(), new KeyedExplanation(exchange, List.of(reason)), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("englishAsBefore")
    void everyReason_readsInEnglishExactlyAsBefore(Kind kind, KeyedExplanation explanation, String expected) {
        assertThat(KeyedExplanationText.of(explanation, ENGLISH)).isEqualTo(expected);
    }

    @Test
    void everyKind_hasItsEnglishCase() {
        assertThat(englishAsBefore().map(arguments -> (Kind) arguments.get()[0]))
                .containsExactlyInAnyOrder(Kind.values());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyReason_readsInRussian_withoutEnglishWords(Kind kind) {
        for (KeyedExchange exchange : KeyedExchange.values()) {
            KeyedExplanation explanation = new KeyedExplanation(exchange,
                    List.of(new Reason(kind, "BTC-USDT-SWAP", OKX_TIERS, new BigDecimal("0.004"), FEE)));

            String russian = KeyedExplanationText.of(explanation, RUSSIAN);

            assertThat(russian).isNotBlank().containsPattern("\\p{IsCyrillic}{3,}");
            assertThat(latinWords(russian)).as(russian).isSubsetOf(NAMES);
            assertThat(russian).isNotEqualTo(KeyedExplanationText.of(explanation, ENGLISH));
        }
    }

    @Test
    void russianFiguresUseADecimalComma_andTheTierSourceIsWordedInRussian() {
        KeyedExplanation atTheMark = new KeyedExplanation(KeyedExchange.OKX, List.of(new Reason(
                Kind.OKX_RATE_AT_MARK, "BTC-USDT-SWAP", null, new BigDecimal("0.004"), FEE)));
        KeyedExplanation listed = new KeyedExplanation(KeyedExchange.OKX, List.of(new Reason(
                Kind.OKX_TIERS, "BTC-USDT-SWAP", OKX_TIERS, null, FEE)));

        assertThat(KeyedExplanationText.of(atTheMark, RUSSIAN)).contains("BTC-USDT-SWAP").contains("(0,4%")
                .contains("за ликвидацию 0,05%");
        assertThat(KeyedExplanationText.of(listed, RUSSIAN))
                .isEqualTo("Поддерживающая маржа посчитана по шкале: уровни позиций OKX на 2026-12-04, плюс "
                        + "комиссия за ликвидацию 0,05%.");
    }

    @Test
    void severalReasons_areSentencesInTheirOrder() {
        KeyedExplanation differs = new KeyedExplanation(KeyedExchange.OKX, List.of(
                new Reason(Kind.OKX_TIERS, "BTC-USDT-SWAP", OKX_TIERS, null, FEE), Reason.of(Kind.OKX_ESTIMATES_TOO),
                Reason.of(Kind.OKX_CROSS_HOLDS_THE_REST), Reason.of(Kind.EXCHANGE_LIQUIDATES)));

        assertThat(KeyedExplanationText.of(differs, ENGLISH)).isEqualTo("The bot counts maintenance with OKX position "
                + "tiers of 2026-12-04, plus a liquidation fee of 0.05%. OKX calls its own price an estimate too, and "
                + "its liquidation fee follows the account's fee tier. A cross price holds every other position and "
                + "the collateral where they are; OKX's moves with each of them. OKX's price is the one that "
                + "liquidates.");
        assertThat(KeyedExplanationText.of(differs, RUSSIAN)).endsWith("движется вместе с ними. Ликвидирует цена OKX.");
    }

    @Test
    void symbolsAreEscapedForTelegramHtml() {
        KeyedExplanation odd = new KeyedExplanation(KeyedExchange.BINANCE,
                List.of(Reason.aboutSymbol(Kind.BINANCE_BRACKETS_ESTIMATED, "A<B")));

        assertThat(KeyedExplanationText.of(odd, RUSSIAN)).contains("A&lt;B").doesNotContain("A<B");
    }

    private static List<String> latinWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = LATIN_WORD.matcher(text.replaceAll("&[a-z]+;", " "));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
