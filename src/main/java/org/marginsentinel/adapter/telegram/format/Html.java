package org.marginsentinel.adapter.telegram.format;

/**
 * The few Telegram HTML helpers every message needs. Telegram's HTML parse mode only knows the
 * entities {@code &lt; &gt; &amp; &quot;}, so those are the only ones produced here.
 *
 * <p>Escape <b>every</b> interpolated value (symbols, user names, command arguments): one raw
 * {@code <} from a user makes Telegram reject the whole message with 400 "can't parse entities".
 */
public final class Html {

    private Html() {
    }

    /** Escapes {@code & < > "}; {@code null} becomes the empty string. */
    public static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code <code>escaped text</code>}: monospace, tap-to-copy in Telegram clients. */
    public static String code(String text) {
        return "<code>" + escape(text) + "</code>";
    }

    /** {@code <b>escaped text</b>}. */
    public static String bold(String text) {
        return "<b>" + escape(text) + "</b>";
    }

    /** {@code <i>escaped text</i>}. */
    public static String italic(String text) {
        return "<i>" + escape(text) + "</i>";
    }
}
