package io.github.influxreset.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows a server answered twice are told from the values a bucket holds once. */
class LineTallyTest {
    private static LineTally tally(List<String> lines) {
        LineTally tally = new LineTally("events.lp", 250);
        lines.forEach(tally::line);
        return tally;
    }

    @Test
    void aBlockOfRowsAnsweredAgainIsCountedAsRowsAndOnceAsValues() {
        // as InfluxDB 2.7.12 answered after a large write: a series' rows, then some of them again
        LineTally tally = tally(List.of("events,entity=a v=1 100", "events,entity=a v=2 200", "events,entity=a v=3 300",
                "events,entity=a v=2 200", "events,entity=a v=3 300", "events,entity=a v=4 400",
                "events,entity=b v=1 100", "events,entity=b v=1 100"));
        assertEquals(Map.of("events", Map.of("v", 8L)), tally.values(), "every row, as count() counts them");
        assertEquals(Map.of("events", Map.of("v", 3L)), tally.repeats());
        assertEquals(Map.of("events", Map.of("v", 5L)), tally.distinct(), "a, 100-400, and b, 100");
        assertEquals(Map.of("events", Map.of("v", 5L)), tally.before(), "stamped before 250, repeats included");
    }

    @Test
    void theSameTimeInAnotherSeriesOrFieldIsNoRepeat() {
        LineTally tally = tally(List.of("events,entity=a v=1 100", "events,entity=b v=1 100", "events,entity=b w=1 100",
                "other,entity=b w=1 100", "events,entity=a v=1 100", "events,entity=ab v=1 100"));
        assertEquals(Map.of(), tally.repeats(), "each line starts a run of its own series and fields");
        assertEquals(tally.values(), tally.distinct());
        assertEquals(Map.of("events", Map.of("v", 4L, "w", 1L), "other", Map.of("w", 1L)), tally.distinct());
    }

    @Test
    void aSeriesInTimeOrderHasNoRepeatAndLinesWithoutATimeAreNeverOne() {
        LineTally tally = tally(List.of("events v=1 100", "events v=2 101", "# a comment", "", "events v=3 102",
                "events v=4", "events v=4"));
        assertEquals(Map.of("events", Map.of("v", 5L)), tally.distinct());
        assertEquals(5L, tally.valuesSoFar());
    }

    @Test
    void severalFieldsOnALineRepeatTogether() {
        LineTally tally = tally(List.of("events,e=a x=1,y=\"a b\" 100", "events,e=a x=2,y=\"c\" 200",
                "events,e=a x=2,y=\"c\" 200"));
        assertEquals(Map.of("events", Map.of("x", 2L, "y", 2L)), tally.distinct());
        assertEquals(Map.of("events", Map.of("x", 1L, "y", 1L)), tally.repeats());
    }

    @Test
    void aLineThatIsNotLineProtocolIsNamedByItsNumber() {
        LineTally tally = new LineTally("events.lp");
        tally.line("events v=1 100");
        ResetException e = assertThrows(ResetException.class, () -> tally.line("not line protocol"));
        assertTrue(e.getMessage().startsWith("Line 2 of events.lp is not line protocol (a field has no value)"), e.getMessage());
    }
}
