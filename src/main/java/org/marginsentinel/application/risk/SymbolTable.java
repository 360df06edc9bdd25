package org.marginsentinel.application.risk;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/** Dense integer ids for symbols, so a tick looks marks up in an array instead of a map. */
final class SymbolTable {

    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile String[] names = new String[64];

    int idOf(String symbol) {
        Integer id = ids.get(symbol);
        return id != null ? id : register(symbol);
    }

    private synchronized int register(String symbol) {
        Integer id = ids.get(symbol);
        if (id != null) {
            return id;
        }
        int next = ids.size();
        if (next == names.length) {
            names = Arrays.copyOf(names, names.length * 2);
        }
        names[next] = symbol;
        ids.put(symbol, next);
        return next;
    }

    String name(int id) {
        return names[id];
    }

    int size() {
        return ids.size();
    }
}
