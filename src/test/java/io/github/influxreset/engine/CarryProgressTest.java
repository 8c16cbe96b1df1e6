package io.github.influxreset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.engine.data.DataCarrier;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 30, item 4: the carrying's progress never counts above its total ("52096 of 51881 points" was seen). */
class CarryProgressTest {
    @TempDir
    Path dir;

    @Test
    void morePointsThanCountedBeforeAreSaidAsSuchNotAsMoreThanTheTotal() throws Exception {
        TestStack stack = new TestStack(dir);
        String lines = String.join("\n", java.util.stream.IntStream.range(0, 10).mapToObj(i ->
                "m,entity_id=e" + i + " v=" + i + " " + (System.currentTimeMillis() * 1_000_000L + i)).toList());
        List<String> said = new CopyOnWriteArrayList<>();

        new DataCarrier(stack.profile).carry("home_assistant_events", out -> lines.lines().forEach(out), Long.MIN_VALUE,
                stack.influx, 8, (fraction, message) -> {
                    said.add(message);
                    assertTrue(fraction <= 1, "never past the end of the bar: " + fraction);
                });

        String last = said.get(said.size() - 1);
        assertTrue(last.startsWith("Carrying bucket home_assistant_events: 10 (the 8 counted before and 2 written since) "
                + "points carried (10 values read"), last);
        assertEquals(0, said.stream().filter(m -> m.contains(" of 8 points") && !m.matches(".*: [0-8] of 8 points.*")).count(),
                said.toString());
    }

    /**
     * Lines older than the retention are read and left: the progress still moves with every batch read
     * (values read, their rate, the time left), never repeating "0 of N points" at a falling rate.
     */
    @Test
    void progressMovesWithEveryBatchReadAlsoWhileOldPointsAreLeftOut() throws Exception {
        TestStack stack = new TestStack(dir);
        long now = System.currentTimeMillis() * 1_000_000L;
        long year = 400L * 24 * 3600 * 1_000_000_000L;
        List<String> lines = IntStream.range(0, 30_000).mapToObj(i -> "home_assistant_events,entity_id=e" + (i % 7)
                + " normalized_value=" + i + ".5 " + (i < 20_000 ? now - year - i : now - i)).toList();
        List<Double> fractions = new CopyOnWriteArrayList<>();
        List<String> said = new CopyOnWriteArrayList<>();

        CarryTally tally = new DataCarrier(stack.profile).carry("home_assistant_events", "home_assistant_events",
                out -> lines.forEach(out), now - year / 2, stack.influx, new DataCarrier.Expected(10_000, 30_000),
                (fraction, message) -> {
                    fractions.add(fraction);
                    said.add(message);
                });

        assertEquals(10_000, tally.carried());
        assertTrue(said.size() >= 6, "a line per batch of 5,000 read: " + said);
        for (int i = 1; i < said.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "the bar never goes back: " + fractions);
            assertTrue(!said.get(i).equals(said.get(i - 1)) || i == said.size() - 1, "each line says more: " + said);
        }
        assertTrue(said.get(1).startsWith("Carrying bucket home_assistant_events: 0 of 10,000 points carried "
                + "(10,000 of 30,000 values read"), said.get(1));
        assertTrue(said.get(1).contains("s left"), said.get(1));
        assertTrue(said.get(said.size() - 1).startsWith("Carrying bucket home_assistant_events: 10,000 of 10,000 points "
                + "carried (30,000 of 30,000 values read"), said.get(said.size() - 1));
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }

    /** The forecast reads the whole backup too: it tells how far it read after each batch, old points included. */
    @Test
    void theForecastTellsThePointsReadAfterEachBatch() throws Exception {
        TestStack stack = new TestStack(dir);
        long now = System.currentTimeMillis() * 1_000_000L;
        long year = 400L * 24 * 3600 * 1_000_000_000L;
        List<String> lines = IntStream.range(0, 12_000).mapToObj(i -> "home_assistant_events,entity_id=e" + (i % 7)
                + " normalized_value=" + i + ".5 " + (i < 3_000 ? now - year - i : now - i)).toList();
        List<Long> read = new CopyOnWriteArrayList<>();

        CarryTally tally = new DataCarrier(stack.profile).forecast("home_assistant_events", out -> lines.forEach(out),
                now - year / 2, soFar -> read.add(soFar.pointsRead()));

        assertEquals(List.of(5_000L, 10_000L), read);
        assertEquals(12_000, tally.pointsRead());
        assertEquals(9_000, tally.carried());
    }
}
