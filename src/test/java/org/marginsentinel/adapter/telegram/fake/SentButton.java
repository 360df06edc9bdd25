package org.marginsentinel.adapter.telegram.fake;

/** One inline button as the bot sent it. */
public record SentButton(String text, String callbackData) {
}
