package org.marginsentinel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a reply meant for a Russian reader slipped into English: it finds common English words and labels, whole
 * words in any case, once what a Russian reply legitimately writes in Latin letters is set aside: commands with their
 * arguments ({@code /long BTC 0.01 20x isolated}: the user types them so), symbols and units ({@code BTCUSDT},
 * {@code USDT}, {@code PnL}, {@code ADL}), the bot's name and URLs. Capitals do not hide a word: DANGER is English.
 *
 * <p>The side words LONG / SHORT are not listed yet: they are being put into Russian elsewhere.
 */
public final class RussianReplies {

    /** Words and labels an English reply is made of and a Russian one never needs. */
    static final List<String> ENGLISH_WORDS = List.of("the", "your", "you", "is", "are", "and", "of", "to", "at",
            "position", "positions", "margin", "liquidation", "liq", "away", "opened", "closed", "entry", "exit",
            "mark", "price", "alert", "balance", "wallet", "fee", "fees", "funding", "profit", "loss", "cross",
            "isolated", "notional", "leverage", "symbol", "size", "amount", "quantity", "percent", "command", "coin",
            "hours", "available", "equity", "added", "deleted", "removed", "set", "stop", "total", "usage", "example",
            "warning", "danger", "critical", "safe", "done", "cancel", "confirm", "now");

    private static final Pattern ENGLISH = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])(" + String.join("|", ENGLISH_WORDS) + ")(?![\\p{L}\\p{N}_])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A position's side in capitals, as the English views write it; in lower case, long and short are keywords the
     * trader types (/whatif long …), which a syntax line keeps.
     */
    private static final Pattern SIDE_WORD = Pattern.compile("(?<![\\p{L}\\p{N}_])(LONG|SHORT)(?![\\p{L}\\p{N}_])");

    /** A URL, then a command and the arguments after it that hold no Cyrillic letter, then symbols, units and the bot's name. */
    private static final Pattern SET_ASIDE = Pattern.compile(
            "https?://\\S+|t\\.me/\\S+"
                    + "|(?<![\\p{L}\\p{N}])/[A-Za-z][A-Za-z0-9_]*(?:@\\w+)?(?:[ \\t]+(?![^\\s]*\\p{IsCyrillic})\\S+)*"
                    + "|\\b[A-Z0-9]+USDT\\b|\\b(?:USDT|PnL|ROE|ADL|UTC)\\b|Margin Sentinel");

    private RussianReplies() {
    }

    /** A placeholder of a syntax line, {@code <symbol>}: the reader's words, though the command's keywords are not. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]*)>");

    /**
     * The English words left in {@code reply} once commands, symbols, units and URLs are set aside; the placeholders
     * of a syntax line ({@code /long <symbol> …}) are read as prose.
     */
    public static List<String> englishWordsIn(String reply) {
        StringBuilder placeholders = new StringBuilder();
        String masked = reply;
        for (int depth = 0; depth < 3; depth++) { // <#|symbol|watch <n> <coin>> nests
            Matcher placeholder = PLACEHOLDER.matcher(masked);
            while (placeholder.find()) {
                placeholders.append('\n').append(placeholder.group(1));
            }
            masked = PLACEHOLDER.matcher(masked).replaceAll("_");
        }
        String prose = SET_ASIDE.matcher(masked + placeholders).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher words = ENGLISH.matcher(prose);
        while (words.find()) {
            found.add(words.group(1));
        }
        Matcher sides = SIDE_WORD.matcher(prose);
        while (sides.find()) {
            found.add(sides.group(1));
        }
        return found;
    }

    /** Fails, naming the words, when a reply meant for a Russian reader holds English words. */
    public static String assertRussian(String reply) {
        assertThat(englishWordsIn(reply)).as("English words in a Russian reply:%n%s", reply).isEmpty();
        return reply;
    }
}
