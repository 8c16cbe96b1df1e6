package io.github.influxreset.bench;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.port.BackupStore;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.BlackBox;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.RigWriter;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole flow on a big home with the heap a small machine gives: on the real 2.7.12 rig with
 * {@code -Dheap.points} HomeIQ-shaped points of 8 fields (default 5,000,000) and a writer posting,
 * the CLI runs in its own JVM with {@code -Xmx256m} (and exits at an OutOfMemoryError): a verified
 * {@code backup}, a {@code reset --mode buckets --keep-data}, and a {@code restore} of the first
 * set. Each must exit 0 with every seeded point in the bucket afterwards; the peak heap each used is read from its
 * GC log (the most any collection found in use) and printed with its time. Run with {@code mvn
 * -Pbench verify -Dtest=HeapBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(RequiresDocker.class)
class HeapBenchmark {
    private static final int POINTS = Integer.getInteger("heap.points", 5_000_000);
    private static final String HEAP = System.getProperty("heap.max", "256m");
    private static final String EVENTS = "home_assistant_events";
    private static final Pattern IN_USE = Pattern.compile("\\) (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    @TempDir
    Path dir;

    @Test
    void backupKeepDataResetAndRestoreOfABigHomeInASmallHeap() throws Exception {
        try (RigStack rig = RigStack.v2(dir.resolve("rig")).start()) {
            InfluxPort influx = new InfluxV2Adapter(rig.profile.influx());
            if (!influx.bucketIds().containsKey(EVENTS)) {
                influx.createBucket(new BucketSpec(EVENTS, Retention.parse("0").orElseThrow()));
            }
            Bench.seedHomeIq(influx, EVENTS, POINTS);
            long seeded = influx.countPoints(EVENTS).get(EVENTS);
            expectEverySeededPoint(influx, "after seeding (the server's own)");
            RigWriter writer = RigWriter.start(rig);
            Path profile = RigWriter.listedIn(rig.profile.source().orElseThrow());
            Path home = dir.resolve("home");
            System.out.printf(Locale.ROOT, "%nBENCHMARK heap: %,d points seeded (the server counts %,d), -Xmx%s%n",
                    POINTS, seeded, HEAP);

            run("backup", home, BlackBox.args(profile, "backup"));
            String firstSet = sets(rig, home).get(0);
            run("keep_data_reset", home, BlackBox.args(profile, "reset", "--mode", "buckets", "--keep-data", "--yes"));
            expectEverySeededPoint(influx, "after the keep-data reset");
            run("restore", home, BlackBox.args(profile, "restore", firstSet, "--yes"));
            expectEverySeededPoint(influx, "after the restore");
            writer.awaitWrites(3);
        }
    }

    /** Runs one command in a JVM of its own with the small heap; prints its peak heap and time. */
    private void run(String name, Path home, List<String> args) throws Exception {
        Path gcLog = dir.resolve(name + "-gc.log");
        Path log = dir.resolve(name + ".log");
        long started = System.nanoTime();
        Process process = CliProcess.start(home, log, null, args, List.of("-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog));
        int exit = CliProcess.waitFor(process, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (exit != 0) {
            throw new AssertionError(name + " exited " + exit + " with -Xmx" + HEAP + ":\n" + tail(log));
        }
        long peak = peakInUseMib(gcLog);
        System.out.printf(Locale.ROOT, "  %-16s exit 0 in %.1f s, peak heap in use %d MiB (goal <= 256 MiB)%n", name,
                seconds, peak);
        Bench.print("heap_" + name + "_peak_mib", peak);
        Bench.print("heap_" + name + "_seconds", seconds);
    }

    /** The most heap any collection found in use before it ran, from a {@code -Xlog:gc} file. */
    static long peakInUseMib(Path gcLog) throws Exception {
        long peak = 0;
        Matcher found = IN_USE.matcher(Files.readString(gcLog));
        while (found.find()) {
            peak = Math.max(peak, Long.parseLong(found.group(1)));
        }
        return peak;
    }

    /**
     * Every seeded point is in the bucket, by its sequence number in an export of it: InfluxDB
     * 2.7.12's count() can count some points twice (influxdata/influxdb#26098), so counts are not
     * compared.
     */
    private void expectEverySeededPoint(InfluxPort influx, String when) throws Exception {
        Path export = dir.resolve("check.lp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export))) {
            influx.export(EVENTS, out);
        }
        BitSet seen = new BitSet(POINTS);
        try (BufferedReader lines = Files.newBufferedReader(export)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int at = line.startsWith(EVENTS + ",") ? line.indexOf("sequence=") : -1;
                if (at >= 0) {
                    seen.set(Integer.parseInt(line.substring(at + 9, line.indexOf('i', at + 9))));
                }
            }
        }
        Files.delete(export);
        int missing = POINTS - seen.cardinality();
        System.out.printf(Locale.ROOT, "  %s: %,d of the %,d seeded points missing%n", when, missing, POINTS);
        if (missing > 0) {
            throw new AssertionError(when + ": " + missing + " seeded points missing, the first sequence "
                    + seen.nextClearBit(0));
        }
    }

    private static List<String> sets(RigStack rig, Path home) {
        BackupStore backups = new AppContext(new AppHome(home), new ProfileLoader(Map.of(), rig.dir)).ports(rig.profile)
                .backups();
        return new ArrayList<>(backups.list());
    }

    private static String tail(Path log) throws Exception {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
