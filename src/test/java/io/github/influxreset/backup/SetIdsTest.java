package io.github.influxreset.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetIdsTest {
    @Test
    void setsOfOneSecondAreOrderedByTheirNumberNotAsText() {
        List<String> ids = new ArrayList<>(List.of("20261207_050937_2", "20261207_050938", "20261207_050937_10",
                "20261207_050937", "20261207_050937_9"));

        ids.sort(SetIds.NEWEST_FIRST);

        assertEquals(List.of("20261207_050938", "20261207_050937_10", "20261207_050937_9", "20261207_050937_2",
                "20261207_050937"), ids);
    }

    @Test
    void aNewNameInASecondComesAfterEveryNameOfThatSecondEvenWhenOlderOnesWereDeleted() {
        assertEquals("20261207_050937", SetIds.next("20261207_050937", List.of("20261207_050936", ".incomplete-x")));
        assertEquals("20261207_050937_4", SetIds.next("20261207_050937", List.of("20261207_050937_2", "20261207_050937_3")),
                "the first set of the second was pruned: its name is not handed out again");
    }
}
