package org.marginsentinel.adapter.telegram.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    private static final String BOT = "SentinelBot";

    @Test
    void parse_plainCommand_hasNoArguments() {
        assertThat(CommandParser.parse("/help", BOT))
                .isEqualTo(new ParsedText.Command("help", List.of(), "", false));
    }

    @Test
    void parse_commandWithArguments_splitsOnAnyWhitespace() {
        assertThat(CommandParser.parse("/long  BTC\t0.5\n20x   isolated ", BOT))
                .isEqualTo(new ParsedText.Command("long", List.of("BTC", "0.5", "20x", "isolated"),
                        "BTC\t0.5\n20x   isolated", false));
    }

    @Test
    void parse_nonBreakingSpaces_countAsWhitespace() {
        assertThat(CommandParser.parse("/long\u00a0BTC\u00a0 0.5\u2003", BOT))
                .isEqualTo(new ParsedText.Command("long", List.of("BTC", "0.5"), "BTC\u00a0 0.5", false));
    }

    @Test
    void parse_upperCaseCommand_isLowerCased_argumentsAreKept() {
        assertThat(CommandParser.parse("/LEARN Cross", BOT))
                .isEqualTo(new ParsedText.Command("learn", List.of("Cross"), "Cross", false));
    }

    @Test
    void parse_turkishLocale_doesNotChangeLowerCasing() {
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(CommandParser.parse("/LIST", BOT)).isEqualTo(new ParsedText.Command("list", List.of(), "", false));
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @Test
    void parse_addressedToUs_caseInsensitively() {
        assertThat(CommandParser.parse("/help@sentinelbot", BOT))
                .isEqualTo(new ParsedText.Command("help", List.of(), "", true));
        assertThat(CommandParser.parse("/learn@SentinelBot cross", BOT))
                .isEqualTo(new ParsedText.Command("learn", List.of("cross"), "cross", true));
    }

    @Test
    void parse_addressedToAnotherBot_isForAnotherBot() {
        assertThat(CommandParser.parse("/help@OtherBot", BOT)).isEqualTo(new ParsedText.ForAnotherBot("OtherBot"));
    }

    @Test
    void parse_unknownOwnUsername_acceptsAnySuffix() {
        assertThat(CommandParser.parse("/help@OtherBot", null)).isEqualTo(new ParsedText.Command("help", List.of(), "", true));
    }

    @Test
    void parse_emptySuffix_isForUs() {
        assertThat(CommandParser.parse("/help@ x", BOT)).isEqualTo(new ParsedText.Command("help", List.of("x"), "x", false));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"hello", "/", "/ help", "/@SentinelBot", " /help", "help /help"})
    void parse_textThatIsNoCommand_isNotACommand(String text) {
        assertThat(CommandParser.parse(text, BOT)).isEqualTo(new ParsedText.NotACommand());
    }

    @Test
    void parse_doubleSlash_isACommandNamedSlash_unknownToTheRegistry() {
        assertThat(CommandParser.parse("//", BOT)).isEqualTo(new ParsedText.Command("/", List.of(), "", false));
    }

    @Test
    void parse_tooLongArguments_areRefused_withoutSplitting() {
        String args = "x ".repeat(400);
        assertThat(CommandParser.parse("/long " + args, BOT))
                .isEqualTo(new ParsedText.ArgumentsTooLong("long", args.strip().length()));
    }

    @Test
    void parse_argumentsAtTheLimit_areAccepted() {
        String args = "y".repeat(CommandParser.MAX_ARGUMENT_CHARS);
        assertThat(CommandParser.parse("/long " + args, BOT))
                .isEqualTo(new ParsedText.Command("long", List.of(args), args, false));
    }

    @Test
    void parse_strangeCharactersInName_areKeptForTheUnknownCommandReply() {
        assertThat(CommandParser.parse("/<b>x</b> 1", BOT))
                .isEqualTo(new ParsedText.Command("<b>x</b>", List.of("1"), "1", false));
    }

    @Test
    void parse_emojiRightAfterTheCommand_isPartOfTheName() {
        assertThat(CommandParser.parse("/help📈 now", BOT))
                .isEqualTo(new ParsedText.Command("help📈", List.of("now"), "now", false));
    }

    @Test
    void isValidName_acceptsTelegramCommandNames() {
        assertThat(CommandParser.isValidName("long")).isTrue();
        assertThat(CommandParser.isValidName("set_alert2")).isTrue();
        assertThat(CommandParser.isValidName("Long")).isFalse();
        assertThat(CommandParser.isValidName("a".repeat(33))).isFalse();
        assertThat(CommandParser.isValidName("")).isFalse();
        assertThat(CommandParser.isValidName(null)).isFalse();
    }
}
