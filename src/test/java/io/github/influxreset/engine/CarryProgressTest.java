package io.github.influxreset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
                + "points"), last);
        assertEquals(0, said.stream().filter(m -> m.contains(" of 8 points") && !m.matches(".*: [0-8] of 8 points.*")).count(),
                said.toString());
    }
}
