package org.marginsentinel.testsupport;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random and malformed chat-command texts for fuzzing: real command names (and near misses) with argument
 * tokens that sit on every edge the parsers have (signs, separators, exponents, huge and tiny numbers, other
 * scripts' digits, markup, control characters, missing or extra parts), plus plain random Unicode.
 */
public final class CommandTexts {

    private static final List<String> NAMES = List.of("start", "balance", "deposit", "withdraw", "long", "short",
            "positions", "close", "margin", "risk", "price", "calc", "learn", "help", "alerts", "snooze", "quiet",
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
            "long", "/long", "//", "isolated", "cross", "learn");

    private static final List<String> SEPARATORS = List.of(" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\r\n");

    private CommandTexts() {
    }

    /** Mostly command-shaped texts, sometimes pure noise. */
    public static Arbitrary<String> any() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, commandShaped()),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(80)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMinLength(500).ofMaxLength(700).map(s -> "/long " + s)));
    }

    private static Arbitrary<String> commandShaped() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(NAMES),
                Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(40));
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.of(TOKENS),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1e12"), new java.math.BigDecimal("1e12"))
                        .ofScale(8).map(d -> d.stripTrailingZeros().toPlainString()));
        Arbitrary<List<String>> tokens = token.list().ofMaxSize(7);
        Arbitrary<List<String>> separators = Arbitraries.of(SEPARATORS).list().ofSize(8);
        Arbitrary<String> prefix = Arbitraries.of("/", "/", "/", " /", "", "／");
        return Combinators.combine(prefix, name, tokens, separators).as((p, n, args, seps) -> {
            StringBuilder text = new StringBuilder(p).append(n);
            for (int i = 0; i < args.size(); i++) {
                text.append(seps.get(i)).append(args.get(i));
            }
            return text.toString();
        });
    }
}
