package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long task's notice says how long the work took, not how long its question then stood open. */
class TaskClockTest {
    private long now;
    private final List<TaskClock.Notice> notices = new ArrayList<>();

    private TaskClock clock() {
        TaskClock clock = new TaskClock(Duration.ofSeconds(10), () -> now);
        clock.setOnNotice(notices::add);
        return clock;
    }

    @Test
    void theTimeAfterTheWorkStoppedIsNotCounted() {
        TaskClock.Timing timing = clock().start("Running the checks");
        now += Duration.ofSeconds(12).toNanos();
        timing.stop();
        now += Duration.ofSeconds(60).toNanos();
        timing.finished(true, "Done.");

        assertEquals(List.of(new TaskClock.Notice("Running the checks finished", "Done. (took 12 s)", true)), notices);
    }

    @Test
    void aShortTaskWhoseQuestionStoodLongSendsNoNotice() {
        TaskClock.Timing timing = clock().start("Running the checks");
        now += Duration.ofSeconds(2).toNanos();
        timing.stop();
        now += Duration.ofSeconds(30).toNanos();
        timing.finished(true, "Done.");

        assertEquals(List.of(), notices);
    }
}
