package io.github.influxreset.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore's writing says after each batch how many values the server took. */
class BucketWriterTest {
    @TempDir
    Path dir;

    @Test
    void theValuesWrittenAreToldAfterEveryBatchCountingEachField() throws Exception {
        TestStack stack = new TestStack(dir);
        List<Long> told = new ArrayList<>();
        new BucketWriter(stack.influx, "weather_data", "export/weather_data.lp.zst").writeAll(line -> {
            for (int i = 0; i < 12_000; i++) {
                line.accept(i % 2 == 0 ? "weather,station=a\\,b temp=" + i + " " + i
                        : "weather,station=c temp=" + i + ",note=\"a, b\" " + i);
            }
        }, told::add);

        assertEquals(List.of(7_500L, 15_000L, 18_000L), told, "5,000 lines a batch; every other line holds two fields");
        assertEquals(12_001, stack.influx.countPoints("weather_data").get("weather"), "the stack's own point and these");
    }
}
