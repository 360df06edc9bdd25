package org.marginsentinel.adapter.telegram.command;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses {@code /cmd@BotName arg1 arg2} from message text. Pure and locale independent; never
 * throws. We parse the text ourselves instead of using {@code Message.isCommand()} /
 * {@code getCommand()}, which return wrong results in TelegramBots 10.2.0 unless
 * {@code getEntities()} was called first.
 */
public final class CommandParser {

    /** Longer argument text is refused politely instead of being handed to a command. */
    public static final int MAX_ARGUMENT_CHARS = 512;
    /** Telegram command names are at most 32 characters. */
    public static final int MAX_NAME_CHARS = 32;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EDGE_WHITESPACE =
            Pattern.compile("^\\s+|\\s+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9_]{1,32}");

    private CommandParser() {
    }

    /**
     * @param text        the message text (null is treated as empty)
     * @param botUsername our username without {@code @} (from getMe), or null if unknown; then a
     *                    {@code @suffix} is never treated as another bot's
     */
    public static ParsedText parse(String text, String botUsername) {
        if (text == null || text.length() < 2 || text.charAt(0) != '/') {
            return new ParsedText.NotACommand();
        }
        int tokenEnd = 1;
        while (tokenEnd < text.length() && !isWhitespace(text, tokenEnd)) {
            tokenEnd = text.offsetByCodePoints(tokenEnd, 1);
        }
        String token = text.substring(1, tokenEnd);
        int at = token.indexOf('@');
        String name = (at < 0 ? token : token.substring(0, at)).toLowerCase(Locale.ROOT);
        String addressee = at < 0 ? "" : token.substring(at + 1);
        if (name.isEmpty()) {
            return new ParsedText.NotACommand();
        }
        if (!addressee.isEmpty() && botUsername != null && !addressee.equalsIgnoreCase(botUsername)) {
            return new ParsedText.ForAnotherBot(addressee);
        }
        String argumentText = EDGE_WHITESPACE.matcher(text.substring(tokenEnd)).replaceAll("");
        if (argumentText.length() > MAX_ARGUMENT_CHARS) {
            return new ParsedText.ArgumentsTooLong(name, argumentText.length());
        }
        List<String> args = argumentText.isEmpty() ? List.of() : List.of(WHITESPACE.split(argumentText));
        return new ParsedText.Command(name, args, argumentText, !addressee.isEmpty());
    }

    /** True for names Telegram accepts in a command menu: {@code [a-z0-9_]{1,32}}. */
    public static boolean isValidName(String name) {
        return name != null && VALID_NAME.matcher(name).matches();
    }

    private static boolean isWhitespace(String text, int index) {
        int codePoint = text.codePointAt(index);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
