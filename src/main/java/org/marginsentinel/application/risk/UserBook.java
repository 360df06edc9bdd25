package org.marginsentinel.application.risk;

import java.math.BigDecimal;

/**
 * One user in the {@link RiskIndex}: the exact wallet, the screen thresholds, and where the user's positions
 * sit: isolated ones as (symbol id, slot) in the symbols' {@link IsolatedBook}s, the cross pool as a slot in
 * {@link CrossPools}. Immutable apart from being dropped: a change of positions, balance or settings builds
 * a new one.
 */
final class UserBook {

    static final int NO_POOL = -1;

    private static final long[] NONE = new long[0];

    final long userId;
    final ScreenLevels levels;
    // the wallet, exact, packed (see DecimalColumn): a BigDecimal of NUMERIC(38, 18) costs ~110 bytes
    private final long walletLow;
    private final long walletHigh;
    private final byte walletScale;
    private final byte walletOriginalScale;
    private final BigDecimal walletWide;
    /** (symbol id << 32 | slot) of every isolated position. */
    final long[] isolated;
    int crossPool = NO_POOL;

    UserBook(long userId, BigDecimal walletBalance, ScreenLevels levels, int isolatedPositions) {
        this.userId = userId;
        this.levels = levels;
        this.isolated = isolatedPositions == 0 ? NONE : new long[isolatedPositions];
        DecimalColumn.Packed packed = DecimalColumn.Packed.pack(walletBalance);
        walletWide = packed == null ? walletBalance : null;
        walletLow = packed == null ? 0 : packed.low();
        walletHigh = packed == null ? 0 : packed.high();
        walletScale = packed == null ? 0 : packed.scale();
        walletOriginalScale = packed == null ? 0 : packed.originalScale();
    }

    /** The account's wallet balance, including isolated margins. */
    BigDecimal walletBalance() {
        return walletWide != null ? walletWide
                : DecimalColumn.Packed.unpack(walletLow, walletHigh, walletScale, walletOriginalScale);
    }

    boolean hasCross() {
        return crossPool != NO_POOL;
    }

    static long isolatedRef(int symbol, int slot) {
        return (long) symbol << 32 | slot;
    }

    static int symbolOf(long ref) {
        return (int) (ref >>> 32);
    }

    static int slotOf(long ref) {
        return (int) ref;
    }
}
