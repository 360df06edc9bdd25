package org.marginsentinel.adapter.status;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * The last warnings and errors the service logged, for the status page: a log handler on the root
 * logger keeps the newest {@value #KEPT} in memory (nothing is stored; a restart starts empty).
 */
@ApplicationScoped
public class RecentProblems {

    static final int KEPT = 20;
    private static final int MAX_MESSAGE_CHARS = 500;
    private static final PatternFormatter MESSAGE = new PatternFormatter("%s");

    /** One logged warning or error; {@code message} is formatted, with its exception's summary if any. */
    public record Problem(Instant at, String level, String logger, String message) {
    }

    private final Deque<Problem> problems = new ArrayDeque<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord logged) {
            if (logged.getLevel().intValue() >= Level.WARNING.intValue()) {
                add(logged);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    void install(@Observes StartupEvent event) {
        Logger.getLogger("").addHandler(handler);
    }

    void uninstall(@Observes ShutdownEvent event) {
        Logger.getLogger("").removeHandler(handler);
    }

    /** Newest first. */
    public synchronized List<Problem> newestFirst() {
        return new ArrayList<>(problems);
    }

    private void add(LogRecord logged) {
        String message;
        try {
            // "%s" is the message with its parameters, whatever the style (printf for warnf, {0} for plain JUL).
            message = MESSAGE.format(logged);
        } catch (RuntimeException e) {
            message = String.valueOf(logged.getMessage());
        }
        if (logged.getThrown() != null) {
            message += " (" + logged.getThrown() + ")";
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
        }
        String level = logged.getLevel().intValue() >= Level.SEVERE.intValue() ? "ERROR" : "WARN";
        Problem problem = new Problem(logged.getInstant(), level, String.valueOf(logged.getLoggerName()), message);
        synchronized (this) {
            problems.addFirst(problem);
            while (problems.size() > KEPT) {
                problems.removeLast();
            }
        }
    }
}
