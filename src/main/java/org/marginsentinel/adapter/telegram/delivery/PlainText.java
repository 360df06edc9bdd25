package org.marginsentinel.adapter.telegram.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Telegram HTML as plain text, for a message Telegram refused to parse: tags dropped, entities unescaped. */
final class PlainText {

    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#\\d{1,7});");

    private PlainText() {
    }

    static String of(String html) {
        String text = TAG.matcher(html).replaceAll("");
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                default -> codePoint(name.substring(1), entity.group());
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }

    private static String codePoint(String digits, String asWritten) {
        int codePoint = Integer.parseInt(digits);
        return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : asWritten;
    }
}
