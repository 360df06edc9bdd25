package org.marginsentinel.testsupport.fakes;

import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.adapter.telegram.delivery.MessageQueue;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;

/** {@link MessageQueue} that keeps what was queued, in order (one row a message: no splitting). */
public final class RecordingMessageQueue implements MessageQueue {

    private final List<OutgoingMessage> queued = new ArrayList<>();

    @Override
    public List<Long> enqueue(OutgoingMessage message) {
        queued.add(message);
        return List.of((long) queued.size());
    }

    @Override
    public List<Long> enqueueForActiveChat(OutgoingMessage message) {
        return enqueue(message);
    }

    public List<OutgoingMessage> queued() {
        return List.copyOf(queued);
    }

    /** The messages queued for this chat, in order. */
    public List<OutgoingMessage> to(long chatId) {
        return queued.stream().filter(message -> message.chatId() == chatId).toList();
    }
}
