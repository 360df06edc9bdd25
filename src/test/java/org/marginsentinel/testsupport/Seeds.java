package org.marginsentinel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a property over fixed seeds 1..n inside one test, so the suite counts one test per property (not one per
 * seed), a failure still names the seed that reproduces it, and a property whose condition held on too few seeds
 * to mean anything fails instead of passing on nothing.
 */
public final class Seeds {

    /** One generated case. Returns whether it checked anything (false: the case fell outside the property). */
    @FunctionalInterface
    public interface Case {
        boolean check(long seed);
    }

    private Seeds() {
    }

    /**
     * Checks the property on seeds 1..{@code count} and requires that at least {@code minimumChecked} of them
     * checked something.
     */
    public static void check(int count, int minimumChecked, Case property) {
        int checked = 0;
        for (long seed = 1; seed <= count; seed++) {
            boolean didCheck;
            try {
                didCheck = property.check(seed);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
            checked += didCheck ? 1 : 0;
        }
        assertThat(checked).as("seeds out of %d on which the property checked something", count)
                .isGreaterThanOrEqualTo(minimumChecked);
    }

    /** Checks a property that holds on every case: each of the seeds 1..{@code count} must check something. */
    public static void checkEvery(int count, Case property) {
        check(count, count, property);
    }
}
