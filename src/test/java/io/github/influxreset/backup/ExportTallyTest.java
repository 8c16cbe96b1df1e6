package io.github.influxreset.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.ResetException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An export counted as it is written gives what counting the file read back gives. */
class ExportTallyTest {
    private static final String EXPORT = "events,entity_id=a\\ b value=1.5 100\n"
            + "events,entity_id=a\\ b state=\"x, \\\"y\\\" z\",value=2.5 200\r\n"
            + "# a comment\n"
            + "\n"
            + "other count=3i 300\n"
            + "events,entity_id=ä state=\"ünïcode\" 400";

    @Test
    void countedWhileWrittenInAnyChunksAsWhenReadBack() throws IOException {
        ExportTally.Counts readBack = ExportTally.of(new ByteArrayInputStream(EXPORT.getBytes(StandardCharsets.UTF_8)),
                "events.lp", 250);
        for (int chunk : new int[] {1, 3, 7, 64, 4096}) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            ExportTally.Counts written;
            try (ExportTally.CountingOutput out = new ExportTally.CountingOutput(file, "events.lp", 250)) {
                byte[] bytes = EXPORT.getBytes(StandardCharsets.UTF_8);
                for (int at = 0; at < bytes.length; at += chunk) {
                    out.write(bytes, at, Math.min(chunk, bytes.length - at));
                }
                written = out.counts();
            }
            assertArrayEquals(EXPORT.getBytes(StandardCharsets.UTF_8), file.toByteArray(), "the bytes pass unchanged");
            assertEquals(readBack, written, "chunks of " + chunk);
        }
        assertEquals(Map.of("events", Map.of("value", 2L, "state", 2L), "other", Map.of("count", 1L)), readBack.values());
        assertEquals(Map.of("events", Map.of("value", 2L, "state", 1L)), readBack.before());
    }

    @Test
    void theValuesSoFarAreToldAfterEachLine() throws IOException {
        List<Long> told = new ArrayList<>();
        try (ExportTally.CountingOutput out = new ExportTally.CountingOutput(new ByteArrayOutputStream(), "events.lp",
                Long.MIN_VALUE, told::add)) {
            out.write("events value=1,state=\"on\" 100\nevents value=2 200\nother count=1i,a=2,b=3 300\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(2L, 3L, 6L), told);
    }

    @Test
    void aLineThatIsNotLineProtocolIsNamedByItsNumberWhileWritten() {
        ResetException e = assertThrows(ResetException.class, () -> {
            try (ExportTally.CountingOutput out = new ExportTally.CountingOutput(new ByteArrayOutputStream(), "events.lp",
                    Long.MIN_VALUE)) {
                out.write("events value=1 100\nnot line protocol\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        assertTrue(e.getMessage().startsWith("Line 2 of events.lp is not line protocol"), e.getMessage());
    }
}
