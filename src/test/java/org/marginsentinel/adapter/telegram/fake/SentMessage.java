package org.marginsentinel.adapter.telegram.fake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A message the bot sent (or the new state of one it edited), as the fake Bot API recorded it.
 *
 * @param text raw text as sent (Telegram HTML when parseMode is "html"); see {@link #plainText()}
 */
public record SentMessage(long chatId, int messageId, String text, String parseMode, List<List<SentButton>> buttons,
                          Integer messageThreadId, Integer replyToMessageId, boolean linkPreviewDisabled,
                          boolean silent, Instant at) {

    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    public SentMessage {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    /** The text as a user sees it: tags removed, entities decoded. */
    public String plainText() {
        return TAG.matcher(text).replaceAll("")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    public boolean hasButtons() {
        return !buttons.isEmpty();
    }

    public List<String> buttonLabels() {
        return buttons.stream().flatMap(List::stream).map(SentButton::text).toList();
    }

    /** Callback data of the first button whose label contains {@code labelFragment}. */
    public String buttonData(String labelFragment) {
        return buttons.stream().flatMap(List::stream)
                .filter(b -> b.text().contains(labelFragment))
                .map(SentButton::callbackData)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No button labelled '" + labelFragment + "' on message "
                        + messageId + " in chat " + chatId + "; buttons: " + buttonLabels()));
    }

    /** URL of the first link button whose label contains {@code labelFragment}. */
    public String buttonUrl(String labelFragment) {
        return buttons.stream().flatMap(List::stream)
                .filter(b -> b.text().contains(labelFragment))
                .map(SentButton::url)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No link button labelled '" + labelFragment + "' on message "
                        + messageId + " in chat " + chatId + "; buttons: " + buttonLabels()));
    }

    /** Short form for failure messages. */
    public String summary() {
        String shown = text.length() > 160 ? text.substring(0, 160) + "…" : text;
        return "#" + messageId + " " + at + " '" + shown.replace("\n", "\\n") + "'"
                + (hasButtons() ? " buttons=" + buttonLabels() : "");
    }
}
