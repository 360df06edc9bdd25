package org.marginsentinel.testsupport;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Random and malformed chat-command texts for fuzzing: real command names (and near misses) with argument
 * tokens that sit on every edge the parsers have (signs, separators, exponents, huge and tiny numbers, other
 * scripts' digits, markup, control characters, missing or extra parts), plus plain random Unicode.
 *
 * <p>Generated from a seeded {@link Random}, so a failing text is replayed by its seed and index.
 */
public final class CommandTexts {

    private static final List<String> NAMES = List.of("start", "balance", "deposit", "withdraw", "long", "short",
            "positions", "close", "margin", "risk", "price", "calc", "learn", "help", "alerts", "snooze", "quiet",
            "stress", "whatif", "compare", "chart", "share", "board", "leaderboard", "groupalerts",
            "LONG", "Withdraw", "longg", "clos", "", "_", "start@SentinelBot", "long@SentinelBot", "long@OtherBot",
            "deposit@sentinelbot", "help@", "@", "/", "👍");

    private static final List<String> TOKENS = List.of(
            "0", "00", "0.0", "1", "-1", "+1", "1.", ".5", "0.00000001", "1e3", "1E-9", "NaN", "Infinity", "-0",
            "1,000", "1_000", "1 000", "0x10", "10000000000000000000000000000000", "99999999999999999999.999999",
            "123456789012345.123456789012345678", "0.000000000000000000001", "١٢٣", "１２３", "²", "½",
            "$", "$0", "$-5", "$100", "100$", "$$100", "$1e9", "@", "@0", "@-1", "@80000", "@@80000", "@abc",
            "@0.0000001", "@99999999999999", "x", "10x", "x10", "0x", "1x", "125x", "126x", "999999x", "10X", "-10x",
            "10xx", "isolated", "ISOLATED", "cross", "Cross", "isolate", "%", "0%", "50%", "100%", "100.01%", "-5%",
            "50%%", "1e2%", "all", "ALL", "add", "remove", "Remove", "on", "off", "30m", "2h", "25h", "0m", "-1h",
            "99999999h", "23-07", "25-07", "7-7", "a-b", "24-0", "BTC", "btc", "BTCUSDT", "ETH", "SOL", "DOGE",
            "ETH/USDT", "BTC-PERP", "1000PEPE", "XYZ", "USDT", "#1", "#0", "#-1", "#999999999", "1", "2", "3",
            "999999999999", "<b>", "</code>", "&amp;", "&", "<script>alert(1)</script>", "'", "\"", "\\", "%s",
            "%n", "${jndi:ldap://x}", "\u0000", "\u202e", "\u200b", "\uFEFF", "\uD83D\uDE00", "null", "undefined",
            "long", "/long", "//", "isolated", "cross", "learn", "odds", "pool", "week", "month", "-15", "+20",
            "12h", "-100", "-99.99");

    private static final List<String> SEPARATORS = List.of(" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\r\n");
    private static final List<String> PREFIXES = List.of("/", "/", "/", " /", "", "／");

    private CommandTexts() {
    }

    /** An endless stream of texts from {@code seed}: mostly command-shaped, sometimes pure noise. */
    public static Stream<String> stream(long seed) {
        Random random = new Random(seed);
        return Stream.generate(() -> next(random));
    }

    /** One text: 8 in 10 command-shaped, 1 in 10 random Unicode, 1 in 10 an over-long /long. */
    public static String next(Random random) {
        int kind = random.nextInt(10);
        if (kind < 8) {
            return commandShaped(random);
        }
        return kind == 8 ? randomString(random, 0, 80) : "/long " + randomString(random, 500, 700);
    }

    private static String commandShaped(Random random) {
        StringBuilder text = new StringBuilder(pick(random, PREFIXES));
        text.append(random.nextBoolean() ? pick(random, NAMES) : lowerCaseName(random));
        int arguments = random.nextInt(8);
        for (int i = 0; i < arguments; i++) {
            text.append(pick(random, SEPARATORS)).append(token(random));
        }
        return text.toString();
    }

    private static String token(Random random) {
        return switch (random.nextInt(4)) {
            case 0, 1 -> pick(random, TOKENS);
            case 2 -> randomString(random, 0, 12);
            default -> BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000_000L, 8)
                    .stripTrailingZeros().toPlainString();
        };
    }

    private static String lowerCaseName(Random random) {
        int length = 1 + random.nextInt(40);
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(27);
            name.append(c == 26 ? '_' : (char) ('a' + c));
        }
        return name.toString();
    }

    /** Any code points, surrogates and controls included, weighted towards ASCII where parsers are busiest. */
    private static String randomString(Random random, int minLength, int maxLength) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(4)) {
                case 0, 1 -> (char) (32 + random.nextInt(95));
                case 2 -> (char) random.nextInt(0x3000);
                default -> (char) random.nextInt(Character.MAX_VALUE + 1);
            });
        }
        return text.toString();
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
