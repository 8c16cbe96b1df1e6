package io.github.influxreset.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.influxreset.domain.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A counted progress line: at most one a second, the count of the total, the rate, the time left, never past 100 %. */
class CountedProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private final long[] now = {0};
    private final List<String> lines = new ArrayList<>();
    private final List<Double> fractions = new ArrayList<>();
    private final Progress recording = (fraction, message) -> {
        fractions.add(fraction);
        lines.add(message);
    };

    @Test
    void reportsAtMostOnceASecondWithTheCountOfTheTotalTheRateAndTheTimeLeft() {
        CountedProgress exported = new CountedProgress("Exporting bucket events", "values", 40_000, recording, () -> now[0]);
        at(exported, SECOND / 2, 5_000);
        at(exported, SECOND, 10_000);
        at(exported, SECOND * 3 / 2, 15_000);
        at(exported, SECOND * 2, 20_000);

        assertEquals(List.of("Exporting bucket events: 10,000 of 40,000 values (25 %), 10,000 values/s",
                "Exporting bucket events: 20,000 of 40,000 values (50 %), 10,000 values/s, about 2 s left"), lines);
        assertEquals(List.of(0.25, 0.5), fractions);
    }

    @Test
    void valuesWrittenWhileItRanAreSaidAsSuchAndNeverAsMoreThanTheWhole() {
        CountedProgress exported = new CountedProgress("Exporting bucket events", "values", 1_000, recording, () -> now[0]);
        at(exported, SECOND, 1_200);

        assertEquals(List.of("Exporting bucket events: 1,200 values (1,000 counted before it began, the rest written since), "
                + "1,200 values/s"), lines);
        assertEquals(List.of(1.0), fractions);
    }

    @Test
    void withoutATotalTheCountAndTheRateAlone() {
        CountedProgress read = new CountedProgress("Reading", "lines", 0, recording, () -> now[0]);
        at(read, 2 * SECOND, 500);

        assertEquals(List.of("Reading: 500 lines, 250 lines/s"), lines);
        assertEquals(List.of(-1.0), fractions);
    }

    private void at(CountedProgress progress, long nanos, long done) {
        now[0] = nanos;
        progress.at(done);
    }
}
