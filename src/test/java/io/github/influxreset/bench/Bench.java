package io.github.influxreset.bench;

import java.util.Locale;

/** The machine-readable line every benchmark prints beside its prose: {@code BENCH name=value}. */
final class Bench {
    private Bench() {
    }

    /** One run of what a benchmark measures. */
    interface Work {
        void run() throws Exception;
    }

    static void print(String name, double value) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s=%.3f", name, value));
    }
}
