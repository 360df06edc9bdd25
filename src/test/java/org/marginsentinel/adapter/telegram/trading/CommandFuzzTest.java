package org.marginsentinel.adapter.telegram.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.adapter.telegram.command.NumberName;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandParser;
import org.marginsentinel.adapter.telegram.command.OrderArguments;
import org.marginsentinel.adapter.telegram.command.ParsedText;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.testsupport.CommandTexts;

/**
 * 100,000 random and malformed command texts through the parser and every argument check the command
 * handlers run before they touch an account (order arguments, amounts, percentages, leverage, symbols),
 * plus the whole /calc handler, which needs no database. Each either accepts the input or refuses it with a
 * message for the user ({@link CommandRejected}); no other exception escapes. The handlers themselves, with
 * the database, get a sample of the same texts in {@code HandlerFuzzTest}.
 */
class CommandFuzzTest {

    private static final CalcCommand CALC = new CalcCommand();
    /** What the parser splits arguments on: Unicode White_Space. */
    private static final java.util.regex.Pattern SPACE = java.util.regex.Pattern.compile("\\p{IsWhite_Space}");

    static {
        TierTable tiers = TierTable.shippedDefaults();
        CALC.tiers = tiers;
        CALC.calculator = new MarginCalculator(tiers);
    }

    private static final int TEXTS_PER_SEED = 25_000;

    /** Four seeds of 25,000 texts each: 100,000 in all; a failure names the seed and the text. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void anyText_isParsedAndValidated_withoutAnUnexpectedException(long seed) {
        int[] index = {0};
        CommandTexts.stream(seed).limit(TEXTS_PER_SEED).forEach(text -> {
            try {
                check(text);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", text #" + index[0] + " \"" + text + "\": " + e, e);
            }
            index[0]++;
        });
    }

    private static void check(String text) {
        ParsedText parsed = CommandParser.parse(text, "SentinelBot");

        if (parsed instanceof ParsedText.Command command) {
            assertThat(command.name()).isEqualTo(command.name().toLowerCase(Locale.ROOT)).isNotEmpty();
            assertThat(command.argumentText().length()).isLessThanOrEqualTo(CommandParser.MAX_ARGUMENT_CHARS);
            assertThat(command.args()).allSatisfy(arg -> assertThat(arg).isNotEmpty().doesNotContainPattern(SPACE));
            validate(command.name(), command.args());
        } else if (parsed instanceof ParsedText.ArgumentsTooLong tooLong) {
            assertThat(tooLong.length()).isGreaterThan(CommandParser.MAX_ARGUMENT_CHARS);
        }
    }

    /** The argument checks of each handler, in the order the handler runs them. */
    private static void validate(String name, List<String> args) {
        try {
            switch (name) {
                case "long" -> OrderArguments.parse(Side.LONG, args);
                case "short" -> OrderArguments.parse(Side.SHORT, args);
                case "deposit", "margin" -> {
                    if (!args.isEmpty()) {
                        Arguments.positiveNumber(args.get(args.size() - 1), NumberName.AMOUNT);
                    }
                }
                case "withdraw" -> {
                    if (!args.isEmpty() && !args.get(0).equalsIgnoreCase("all")) {
                        Arguments.positiveNumber(args.get(0), NumberName.AMOUNT);
                    }
                }
                case "close" -> {
                    if (args.size() == 2 && Arguments.percent(args.get(1)).isEmpty()) {
                        Arguments.positiveNumber(args.get(1), NumberName.QUANTITY);
                    }
                }
                case "alerts" -> {
                    for (String level : args.subList(Math.min(1, args.size()), args.size())) {
                        Arguments.percent(level.endsWith("%") ? level : level + "%");
                    }
                }
                case "price" -> {
                    if (!args.isEmpty()) {
                        Arguments.symbol(args.get(0));
                    }
                }
                case "calc" -> assertThat(CALC.handle(new CommandContext(1, "fuzz", 1, true, null, 1, args,
                        String.join(" ", args))).html()).isNotBlank();
                default -> {
                    for (String arg : args) {
                        if (Arguments.isMarkedLeverage(arg)) {
                            Arguments.leverage(arg);
                        }
                    }
                }
            }
        } catch (CommandRejected rejected) {
            assertThat(rejected.getMessage()).as("a refusal says why").isNotBlank().hasSizeLessThan(400);
        }
    }
}
