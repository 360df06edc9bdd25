package org.marginsentinel.adapter.telegram.fake;

/** One inline button as the bot sent it: a callback button ({@code callbackData}) or a link ({@code url}). */
public record SentButton(String text, String callbackData, String url) {

    public SentButton(String text, String callbackData) {
        this(text, callbackData, null);
    }
}
