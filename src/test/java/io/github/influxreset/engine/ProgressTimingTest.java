package io.github.influxreset.engine;

import io.github.influxreset.domain.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.engine.data.MeteredOutput;
import io.github.influxreset.engine.data.Throughput;
import io.github.influxreset.engine.data.TimeLeft;
import io.github.influxreset.ui.TaskClock;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Rate and time left on long tasks, and the notice when one ends. Time is a counter the test moves. */
class ProgressTimingTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(0);
    private final List<String> lines = new ArrayList<>();
    private final List<Double> fractions = new ArrayList<>();
    private final Progress recording = (fraction, message) -> {
        fractions.add(fraction);
        lines.add(message);
    };

    @Test
    void aStreamOfKnownSizeReportsBytesRateAndTimeLeft() throws Exception {
        MeteredOutput out = new MeteredOutput(new ByteArrayOutputStream(), 40 << 20, "Snapshot of volume v", recording, now::get);
        byte[] mebibyte = new byte[1 << 20];
        for (int i = 0; i < 10; i++) {
            out.write(mebibyte);
        }
        assertTrue(lines.isEmpty(), "no report within the first quarter second");
        now.set(SECOND);
        out.write(mebibyte);

        assertEquals(List.of("Snapshot of volume v: 11.0 MiB of 40.0 MiB, 11.0 MiB/s, 3 s left"), lines);
        assertEquals(11.0 / 40, fractions.get(0), 1e-9);
    }

    @Test
    void aStreamOfUnknownSizeReportsBytesAndRateOnly() throws Exception {
        MeteredOutput out = new MeteredOutput(new ByteArrayOutputStream(), Throughput.UNKNOWN, "Exporting bucket b",
                recording, now::get);
        now.set(2 * SECOND);
        out.write(new byte[3 << 20]);

        assertEquals(List.of("Exporting bucket b: 3.0 MiB, 1.5 MiB/s"), lines);
        assertEquals(-1.0, fractions.get(0));
    }

    @Test
    void aPartOfTheWorkMovesTheBarWithinItsShare() {
        Progress part = recording.within(0.6, 0.8);
        part.update(0.5, "half");
        part.update(-1, "unknown");

        assertEquals(List.of(0.7, -1.0), fractions.stream().map(f -> Math.round(f * 1000) / 1000.0).toList());
    }

    @Test
    void timeLeftIsEstimatedOnlyOnceThereIsEnoughToGoOn() {
        assertEquals(Optional.of("about 30 s left"), TimeLeft.estimate(0.25, Duration.ofSeconds(10)));
        assertEquals(Optional.empty(), TimeLeft.estimate(0.01, Duration.ofSeconds(10)), "too little done");
        assertEquals(Optional.empty(), TimeLeft.estimate(0.5, Duration.ofMillis(500)), "too early");
        assertEquals(Optional.empty(), TimeLeft.estimate(1.0, Duration.ofSeconds(10)), "done");
        assertEquals("3 min 5 s", TimeLeft.format(185));
        assertEquals("1 h 2 min", TimeLeft.format(3725));
    }

    @Test
    void aLongTaskSendsANoticeWhenItEndsAndAShortOneDoesNot() {
        List<TaskClock.Notice> notices = new ArrayList<>();
        TaskClock clock = new TaskClock(Duration.ofSeconds(10), now::get);
        clock.setOnNotice(notices::add);

        TaskClock.Timing quick = clock.start("Running the checks");
        now.addAndGet(2 * SECOND);
        quick.finished(true, "Done.");
        TaskClock.Timing backup = clock.start("Writing the backup");
        now.addAndGet(4 * SECOND);
        String annotated = backup.annotate(0.2, "Exporting bucket b");
        now.addAndGet(61 * SECOND);
        backup.finished(false, "The disk is full.");

        assertEquals("Exporting bucket b (about 16 s left)", annotated);
        assertEquals("Verifying x: 1 MiB of 2 MiB, 1 MiB/s, 1 s left",
                backup.annotate(0.5, "Verifying x: 1 MiB of 2 MiB, 1 MiB/s, 1 s left"), "a line with its own time left");
        assertEquals(List.of(new TaskClock.Notice("Writing the backup failed", "The disk is full. (took 1 min 5 s)", false)),
                notices);
    }

    @org.junit.jupiter.api.Test
    void theFirstBytesTellNoTimeLeftYet() {
        Throughput snapshot = new Throughput(64L << 20, 0);

        assertEquals("512 B of 64.0 MiB, 1.8 KiB/s", snapshot.describe(512, 280_000_000L),
                "a first sample said 10 h 23 min left of a copy that took 1 s");
        assertEquals("32.0 MiB of 64.0 MiB, 128.0 MiB/s, 1 s left", snapshot.describe(32L << 20, 250_000_000L));
    }
}
