package org.marginsentinel.adapter.telegram.format;

/**
 * Shortening of plain text (names, echoed arguments) without cutting a character in half: a cut between the two
 * halves of a surrogate pair (most emoji) leaves a lone surrogate that reaches Telegram as "?". Pure.
 */
public final class Text {

    /** Added where text was shortened. */
    public static final String ELLIPSIS = "…";

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private Text() {
    }

    /**
     * {@code text} if it has at most {@code maxChars} UTF-16 chars, else its start plus {@value #ELLIPSIS}, at most
     * {@code maxChars} chars in all, cut between whole code points (never inside an emoji's surrogate pair, and not
     * right after a joiner or a variation selector, which would glue the ellipsis to half an emoji).
     */
    public static String shorten(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        return prefix(text, maxChars - ELLIPSIS.length()) + ELLIPSIS;
    }

    /** The longest start of {@code text} of at most {@code maxChars} chars that ends on a whole code point. */
    public static String prefix(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = Math.max(0, maxChars);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        while (end > 0 && isGlue(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(0, end);
    }

    private static boolean isGlue(int codePoint) {
        return codePoint == ZERO_WIDTH_JOINER || codePoint >= 0xFE00 && codePoint <= 0xFE0F;
    }
}
