package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A column of exact decimals stored as primitives: the unscaled value without trailing zeros in 64 bits (or
 * 128 once a value needs it: every {@code NUMERIC(38, 18)} fits), its scale and the original scale, so
 * {@link #get} returns a value equal to what was stored, scale included. A {@link BigDecimal} read from the
 * database costs about 110 bytes on the heap (with its {@link BigInteger}); this costs 10 or 18. A value that
 * does not fit even so is kept as it is.
 */
final class DecimalColumn {

    private static final BigInteger LOW_64_BITS = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** One decimal in primitives; {@link #pack} gives null when it does not fit. */
    record Packed(long low, long high, byte scale, byte originalScale) {

        static Packed pack(BigDecimal value) {
            BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            BigInteger digits = stripped.unscaledValue();
            if (digits.bitLength() >= 128 || !fitsByte(stripped.scale()) || !fitsByte(value.scale())) {
                return null;
            }
            return new Packed(digits.longValue(), digits.shiftRight(64).longValue(), (byte) stripped.scale(),
                    (byte) value.scale());
        }

        static BigDecimal unpack(long low, long high, byte scale, byte originalScale) {
            BigDecimal stripped;
            if (high == low >> 63) {
                stripped = BigDecimal.valueOf(low, scale);
            } else {
                BigInteger digits = BigInteger.valueOf(high).shiftLeft(64).add(BigInteger.valueOf(low).and(LOW_64_BITS));
                stripped = new BigDecimal(digits, scale);
            }
            return stripped.setScale(originalScale);
        }

        boolean needsHigh() {
            return high != low >> 63;
        }

        private static boolean fitsByte(int value) {
            return value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
        }
    }

    private long[] low;
    private long[] high; // allocated when the first value needs more than 64 bits
    private byte[] scale;
    private byte[] originalScale;
    private final Map<Integer, BigDecimal> wide = new HashMap<>();

    DecimalColumn(int capacity) {
        low = new long[capacity];
        scale = new byte[capacity];
        originalScale = new byte[capacity];
    }

    void grow(int capacity) {
        low = Arrays.copyOf(low, capacity);
        if (high != null) {
            high = Arrays.copyOf(high, capacity);
        }
        scale = Arrays.copyOf(scale, capacity);
        originalScale = Arrays.copyOf(originalScale, capacity);
    }

    void set(int slot, BigDecimal value) {
        wide.remove(slot);
        Packed packed = Packed.pack(value);
        if (packed == null) {
            wide.put(slot, value);
            return;
        }
        if (packed.needsHigh() && high == null) {
            high = new long[low.length];
            for (int i = 0; i < low.length; i++) {
                high[i] = low[i] >> 63;
            }
        }
        low[slot] = packed.low();
        if (high != null) {
            high[slot] = packed.high();
        }
        scale[slot] = packed.scale();
        originalScale[slot] = packed.originalScale();
    }

    BigDecimal get(int slot) {
        BigDecimal value = wide.get(slot);
        if (value != null) {
            return value;
        }
        return Packed.unpack(low[slot], high == null ? low[slot] >> 63 : high[slot], scale[slot], originalScale[slot]);
    }

    void clear(int slot) {
        wide.remove(slot);
        low[slot] = 0;
        if (high != null) {
            high[slot] = 0;
        }
    }

    /** Moves the value in {@code from} to {@code to} (compaction). */
    void move(int from, int to) {
        BigDecimal value = wide.remove(from);
        if (value != null) {
            wide.put(to, value);
        }
        low[to] = low[from];
        if (high != null) {
            high[to] = high[from];
        }
        scale[to] = scale[from];
        originalScale[to] = originalScale[from];
    }
}
