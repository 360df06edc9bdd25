package org.marginsentinel.testsupport.fakes;

import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.Notifier;

/** {@link Notifier} that keeps what it was given, in order. */
public final class RecordingNotifier implements Notifier {

    private final List<Notice> notices = new ArrayList<>();

    @Override
    public void notify(Notice notice) {
        notices.add(notice);
    }

    public List<Notice> notices() {
        return List.copyOf(notices);
    }

    public <T extends Notice> List<T> notices(Class<T> type) {
        return notices.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clear() {
        notices.clear();
    }
}
