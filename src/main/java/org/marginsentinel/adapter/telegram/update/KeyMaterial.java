package org.marginsentinel.adapter.telegram.update;

import java.util.regex.Pattern;

/**
 * Recognises a message that carries an API key ({@code /watch binance|bybit|okx <key> …}). Such a message is never
 * written to the inbox table: an exchange secret must not reach the database in clear, not even for the moment
 * before its handler runs. The price: if the bot dies before handling it, the user sends it again.
 */
final class KeyMaterial {

    /** {@code /watch binance <key> …}, and any mistyped command with such arguments ({@code /wacth bybit k s}). */
    private static final Pattern KEYED_WATCH = Pattern.compile("^/\\S+\\s+(binance|bybit|okx)\\s+\\S",
            Pattern.CASE_INSENSITIVE);

    private KeyMaterial() {
    }

    static boolean carried(String text) {
        return text != null && KEYED_WATCH.matcher(text.strip()).find();
    }
}
