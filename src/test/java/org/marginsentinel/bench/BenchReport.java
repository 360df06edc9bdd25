package org.marginsentinel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Prints a harness's figures (with the machine's load) and appends them to target/bench-results.txt. */
public final class BenchReport {

    private BenchReport() {
    }

    public static void print(String title, List<String> lines) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        StringBuilder text = new StringBuilder()
                .append("\n=== ").append(title).append(" — ").append(Instant.now())
                .append(String.format(Locale.ROOT, ", load average (1 min) %.2f on %d cores ===%n", load,
                        Runtime.getRuntime().availableProcessors()));
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
        System.out.println(text);
        try {
            Path file = Path.of("target", "bench-results.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("(could not write target/bench-results.txt: " + e + ")");
        }
    }

    /** The value at or under which {@code p} percent of the samples lie (nearest rank). */
    static double percentile(double[] samples, double p) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
