package org.marginsentinel.adapter.telegram.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Finds what a mistyped word was probably meant to be ({@code lon} → {@code long}, {@code BTCC} → {@code BTC}), by
 * edit distance counting a swap of two neighbours as one edit ({@code lnog} → {@code long}). Only close words count:
 * one edit for words up to four letters, two for longer ones, so a suggestion is a near miss, never a guess.
 */
public final class NearMiss {

    private NearMiss() {
    }

    /** The candidates nearest to {@code typed} within the allowed distance, in the candidates' order; ties all kept. */
    public static List<String> nearest(String typed, Collection<String> candidates) {
        String word = typed.toLowerCase(Locale.ROOT);
        int allowed = word.length() <= 4 ? 1 : 2;
        int best = allowed + 1;
        List<String> found = new ArrayList<>();
        for (String candidate : candidates) {
            String other = candidate.toLowerCase(Locale.ROOT);
            if (other.equals(word) || Math.abs(other.length() - word.length()) > allowed) {
                continue;
            }
            int distance = distance(word, other);
            if (distance > allowed) {
                continue;
            }
            if (distance < best) {
                best = distance;
                found.clear();
            }
            if (distance == best) {
                found.add(candidate);
            }
        }
        return found;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
