package org.marginsentinel.adapter.telegram.delivery;

import java.time.Duration;

/** What the {@link DeliveryFailurePolicy} decided after a failed call; the sender carries it out. */
public sealed interface DeliveryDecision {

    /** Telegram already shows it (an edit answered "message is not modified"): the rows count as sent. */
    record AlreadyDelivered() implements DeliveryDecision {
    }

    /** 429: no call to this chat before {@code pause} has passed; not a failed attempt. */
    record SlowDown(Duration pause) implements DeliveryDecision {
    }

    /** A transient failure (5xx, no answer): try again after {@code delay}, one more attempt counted. */
    record RetryLater(Duration delay) implements DeliveryDecision {
    }

    /**
     * The back-off is used up and Telegram is still unreachable: keep the rows and probe again after {@code probe};
     * they go out as soon as any call succeeds again. Never given up while the chat can receive them.
     */
    record WaitForTelegram(Duration probe) implements DeliveryDecision {
    }

    /** The chat blocked or removed the bot, or is gone: mark it inactive and drop what waits for it. */
    record ChatGone() implements DeliveryDecision {
    }

    /** A user who never opened the private chat: keep the rows, send nothing more until they write to the bot. */
    record HoldUntilChatOpened() implements DeliveryDecision {
    }

    /** The group became a supergroup: move the rows to the new chat id. */
    record MoveToChat(long newChatId) implements DeliveryDecision {
    }

    /** A merged message was refused: send its rows one by one to find the bad one. */
    record SendOneByOne() implements DeliveryDecision {
    }

    /** Telegram could not parse the HTML (or refused it otherwise): send the text once more, without markup. */
    record ResendAsPlainText() implements DeliveryDecision {
    }

    /** The text is too long for Telegram: send it as two (or more) shorter messages. */
    record Split() implements DeliveryDecision {
    }

    /** Nothing more will make Telegram take it: mark it failed and report {@code why} in the log and metrics. */
    record GiveUp(String why) implements DeliveryDecision {
    }
}
