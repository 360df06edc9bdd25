package org.marginsentinel.domain.alert;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A daily window, in UTC whole hours, when only CRITICAL and LIQUIDATED alerts come through.
 * The start hour is inside, the end hour is not; a window may wrap midnight: 23–07 covers 23:00 to 06:59.
 *
 * @param startHour 0..23
 * @param endHour   0..23, different from the start
 */
public record QuietHours(int startHour, int endHour) {

    public QuietHours {
        if (startHour < 0 || startHour > 23) {
            throw new IllegalArgumentException("startHour must be between 0 and 23: " + startHour);
        }
        if (endHour < 0 || endHour > 23) {
            throw new IllegalArgumentException("endHour must be between 0 and 23: " + endHour);
        }
        if (startHour == endHour) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same hour: " + startHour);
        }
    }

    public static QuietHours of(int startHour, int endHour) {
        return new QuietHours(startHour, endHour);
    }

    public boolean contains(Instant instant) {
        int hour = instant.atOffset(ZoneOffset.UTC).getHour();
        if (startHour < endHour) {
            return hour >= startHour && hour < endHour;
        }
        return hour >= startHour || hour < endHour;
    }
}
