package org.marginsentinel.adapter.prices.instruments;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;
import org.marginsentinel.application.port.InstrumentSteps.Steps;

/**
 * Each exchange's last good instrument list, and the steps they give together: for a symbol two exchanges list,
 * the one first in precedence wins. A list that cannot be read leaves the last one in place, and the failure is
 * logged once until it reads again.
 */
final class InstrumentBook {

    private static final Logger LOG = Logger.getLogger(InstrumentBook.class);

    /** Bybit pages hold at most 1,000 instruments; a bound keeps a cursor that never ends from looping forever. */
    static final int MAX_PAGES = 20;

    private final List<String> precedence;
    private final Map<String, Map<String, Steps>> lastLists = new LinkedHashMap<>();
    private final Set<String> failing = new HashSet<>();

    /** @param precedence the exchanges, the one whose steps win first */
    InstrumentBook(List<String> precedence) {
        this.precedence = List.copyOf(precedence);
    }

    /** Reads {@code exchange}'s list; returns whether it was read (otherwise its last list stays). */
    boolean read(String exchange, Supplier<Map<String, Steps>> list) {
        try {
            Map<String, Steps> read = list.get();
            lastLists.put(exchange, Map.copyOf(read));
            if (failing.remove(exchange)) {
                LOG.infof("%s instrument list read again: %d symbols", exchange, read.size());
            }
            return true;
        } catch (RuntimeException e) {
            if (failing.add(exchange)) { // once per failure streak: the next line is when it reads again
                LOG.warnf("%s instrument list not read, keeping the last one (%d symbols): %s", exchange,
                        lastLists.getOrDefault(exchange, Map.of()).size(), reason(e));
            }
            return false;
        }
    }

    /** Every symbol's steps from the last lists, the first exchange in precedence winning. */
    Map<String, Steps> merged() {
        Map<String, Steps> merged = new LinkedHashMap<>();
        for (String exchange : precedence) {
            lastLists.getOrDefault(exchange, Map.of()).forEach(merged::putIfAbsent);
        }
        return merged;
    }

    void clear() {
        lastLists.clear();
        failing.clear();
    }

    /**
     * Why a read failed, in a word a deployer reads at once: the HTTP status, or the innermost cause's message (a
     * host that cannot be resolved, a refused connection), without exception class names or stack traces.
     */
    static String reason(RuntimeException failure) {
        if (failure instanceof WebApplicationException http) {
            return "HTTP " + http.getResponse().getStatus();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? "no answer" : message;
    }

    /**
     * Every page of a cursor-paged list: {@code page} reads the page at a cursor (null: the first) and gives its
     * steps and the next cursor, empty on the last page.
     */
    static Map<String, Steps> allPages(Function<String, InstrumentLists.BybitPage> page) {
        Map<String, Steps> all = new LinkedHashMap<>();
        String cursor = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            InstrumentLists.BybitPage read = page.apply(cursor);
            all.putAll(read.steps());
            if (read.nextCursor().isEmpty() || read.nextCursor().equals(cursor)) {
                return all;
            }
            cursor = read.nextCursor();
        }
        throw new IllegalStateException("more than " + MAX_PAGES + " pages of instruments");
    }
}
