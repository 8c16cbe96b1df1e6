package io.github.influxreset.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Timings of one measured thing over several interleaved runs: its median and range, printed as
 * {@code BENCH name_median=…} with the range beside it. A figure quoted from a benchmark is a median.
 */
final class Samples {
    private final String name;
    private final List<Double> seconds = new ArrayList<>();

    Samples(String name) {
        this.name = name;
    }

    /** Times one run of {@code work}. */
    void time(Bench.Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        seconds.add((System.nanoTime() - start) / 1e9);
    }

    double median() {
        List<Double> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** "1.23 s (1.10–1.40, 5 runs)" */
    String describe() {
        return String.format(Locale.ROOT, "%.2f s (%.2f–%.2f, %d runs)", median(), min(), max(), seconds.size());
    }

    void print() {
        Bench.print(name + "_median_seconds", median());
        Bench.print(name + "_min_seconds", min());
        Bench.print(name + "_max_seconds", max());
    }

    /** The one-minute load average, to say whether something else used the CPU during a run. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }
}
