package org.marginsentinel.bench;

import java.util.List;

/** The command mix the harnesses send: reads, the calculator, a price, and writes that touch the balance. */
final class Commands {

    static final List<String> MIX = List.of("/balance", "/price BTC", "/positions", "/calc long 20x @60000 500 BTC",
            "/risk", "/deposit 100", "/long BTC $500 10x", "/help");

    private Commands() {
    }

    /** The n-th command of the mix (a user's first message is always /start, which opens the paper account). */
    static String of(int n) {
        return MIX.get(Math.floorMod(n, MIX.size()));
    }
}
