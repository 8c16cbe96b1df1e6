package io.github.influxreset.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting lines reach the log once a second; sentences and ends always do. */
class LogPaceTest {
    private final long[] now = {0};
    private final LogPace pace = new LogPace(() -> now[0]);

    @Test
    void aCountMovingManyTimesASecondIsLoggedOnceASecondAndSentencesAndTheEndAlways() {
        List<String> logged = new ArrayList<>();
        for (int batch = 0; batch < 40; batch++) {
            now[0] = batch * 50_000_000L;
            if (pace.admits(batch / 40.0)) {
                logged.add("count " + batch);
            }
            if (batch == 7 && pace.admits(-1)) {
                logged.add("a sentence");
            }
        }
        now[0] = 2_000_000_001L;
        if (pace.admits(1.0)) {
            logged.add("the end");
        }

        assertEquals(List.of("count 0", "a sentence", "count 20", "the end"), logged);
    }
}
