package io.github.influxreset.bench;

import io.github.influxreset.engine.log.LogEvent;
import io.github.influxreset.engine.log.LogLevel;
import io.github.influxreset.ui.LogPane;
import io.github.influxreset.ui.LogPaneModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Start-up to the first wizard frame beside a bare JavaFX window (median of 5, each in a new JVM,
 * headless Monocle), and the log pane fed 100,000 lines a second for 10 s from two threads while
 * the longest gap between pulses is recorded. Prints; asserts nothing about time.
 * Run with {@code mvn -Pbench verify}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class DesktopBenchmark {
    private static final int RUNS = 5;
    @TempDir
    Path dir;

    @Test
    void startUpBesideABareWindow() throws Exception {
        Path jar = Path.of("target/influx-reset.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": run the benchmarks with 'mvn -Pbench verify', after package");
        }
        String wizardPath = jar + java.io.File.pathSeparator + monocleJar();
        Path archive = dir.resolve("wizard.jsa");
        firstFrame(wizardPath, "io.github.influxreset.app.Main", "-XX:ArchiveClassesAtExit=" + archive,
                "-Dinfluxreset.exitAfterFirstFrame=true");
        List<Double> wizard = new ArrayList<>();
        List<Double> wizardWithArchive = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            wizard.add(firstFrame(wizardPath, "io.github.influxreset.app.Main", "-Dinfluxreset.reportFirstFrame=true"));
            wizardWithArchive.add(firstFrame(wizardPath, "io.github.influxreset.app.Main",
                    "-XX:SharedArchiveFile=" + archive, "-Dinfluxreset.reportFirstFrame=true"));
            bare.add(firstFrame(bareClassPath(), BareWindowLauncher.class.getName()));
        }
        double w = median(wizard);
        double a = median(wizardWithArchive);
        double b = median(bare);
        System.out.printf("%nBENCHMARK start-up to the first frame (median of %d, new JVM each, headless Monocle)%n", RUNS);
        System.out.printf("  wizard, java -jar influx-reset.jar    : %.2f s  ratio %.2fx  %s%n", w, w / b, rounded(wizard));
        System.out.printf("  wizard, with its class-data archive   : %.2f s  ratio %.2fx  %s%n", a, a / b,
                rounded(wizardWithArchive));
        System.out.printf("  bare JavaFX window (one Label)        : %.2f s  %s%n", b, rounded(bare));
        System.out.printf("  goal: <= 1.5x the bare window and < 1.5 s%n%n");
        Bench.print("first_frame_seconds", w);
        Bench.print("first_frame_archive_seconds", a);
        Bench.print("first_frame_bare_seconds", b);
        Bench.print("first_frame_archive_ratio", a / b);
    }

    /** JavaFX, Monocle and the bare window: what a one-Label application has on its class path. */
    private static String bareClassPath() {
        return java.util.stream.Stream.concat(Stream.of("target/test-classes"),
                        java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                                .filter(entry -> entry.contains("/org/openjfx/") || entry.contains("openjfx-monocle")))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static String monocleJar() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("openjfx-monocle")).findFirst()
                .orElseThrow(() -> new IllegalStateException("Monocle is not on the test class path"));
    }

    private static List<String> rounded(List<Double> seconds) {
        return seconds.stream().map(s -> String.format(java.util.Locale.ROOT, "%.2f", s)).toList();
    }

    @Test
    void logPaneUnderAFloodKeepsPulsing() throws Exception {
        LogPaneModel model = new LogPaneModel(20_000);
        PulseGaps gaps = new PulseGaps();
        WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new LogPane(model, new io.github.influxreset.testing.ScriptedDialogs(false),
                    new io.github.influxreset.engine.tasks.SameThreadTaskRunner()).root(), 900, 400));
            stage.show();
            gaps.start();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        Runtime runtime = Runtime.getRuntime();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(10);
        gaps.measureFrom(start);
        List<Thread> producers = new ArrayList<>();
        for (String name : new String[] {"a", "b"}) {
            Thread producer = new Thread(() -> produce(model, name, end));
            producer.start();
            producers.add(producer);
        }
        for (Thread producer : producers) {
            producer.join();
        }
        WaitForAsyncUtils.waitForFxEvents();
        gaps.stop();
        long usedMib = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        System.out.printf("%nBENCHMARK log pane fed 100,000 lines/s for 10 s from two threads%n");
        System.out.printf("  longest gap between pulses: %d ms (goal <= 50 ms); %d pulses, %d gaps over 50 ms %s%n",
                gaps.longestMillis(), gaps.pulses(), gaps.over(50), gaps.worst());
        System.out.printf("  lines kept: %d (bounded at %d); heap in use after: %d MiB%n%n", model.lines().size(),
                model.capacity(), usedMib);
        Bench.print("log_pane_longest_gap_ms", gaps.longestMillis());
        Bench.print("log_pane_gaps_over_50ms", gaps.over(50));
    }

    /** The gaps between JavaFX pulses, from a moment on: the longest ones with when they happened. */
    private static final class PulseGaps extends AnimationTimer {
        private final List<long[]> gaps = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile long from = Long.MAX_VALUE;
        private long last;
        private long pulses;

        void measureFrom(long nanos) {
            from = nanos;
        }

        @Override
        public void handle(long now) {
            if (last != 0 && now >= from) {
                pulses++;
                gaps.add(new long[] {now - last, now - from});
            }
            last = now;
        }

        long pulses() {
            return pulses;
        }

        long longestMillis() {
            return gaps.stream().mapToLong(g -> g[0]).max().orElse(0) / 1_000_000;
        }

        long over(long millis) {
            return gaps.stream().filter(g -> g[0] > millis * 1_000_000).count();
        }

        /** The five longest gaps, as "ms at s". */
        String worst() {
            return gaps.stream().sorted((a, b) -> Long.compare(b[0], a[0])).limit(5)
                    .map(g -> String.format(java.util.Locale.ROOT, "%d ms at %.1f s", g[0] / 1_000_000, g[1] / 1e9))
                    .toList().toString();
        }
    }

    /**
     * 50,000 lines a second from one thread, in 1 ms slices; between slices the thread parks, as a
     * real producer waiting for its next message would (a spinning one would take a core from the UI).
     */
    private static void produce(LogPaneModel model, String name, long end) {
        long sent = 0;
        long start = System.nanoTime();
        for (long now = start; now < end; now = System.nanoTime()) {
            long due = (now - start) / 20_000;
            while (sent < due) {
                model.offer(new LogEvent(Instant.now(), LogLevel.INFO, null, null, name + " line " + sent++));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /** Seconds from starting a JVM to the FIRST_FRAME line it prints. */
    private double firstFrame(String classPath, String mainClass, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", classPath, mainClass));
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("INFLUX_RESET_HOME", dir.resolve("home").toString());
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("FIRST_FRAME")) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (List.of(options).stream().anyMatch(o -> o.contains("exitAfterFirstFrame"))) {
                        process.waitFor(30, TimeUnit.SECONDS);
                    }
                    return seconds;
                }
            }
            throw new IllegalStateException(mainClass + " showed no frame");
        } finally {
            process.destroyForcibly();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
