package io.github.influxreset.backups;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.BackupInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The browser's details read at a glance: an infinite retention by name, counts one per line. */
class BackupDetailsTest {
    @Test
    void anInfiniteRetentionIsNamedAndCountsAreNotARawMap() {
        BackupInfo set = new BackupInfo("20261201_211611", Instant.parse("2026-12-01T21:16:11Z"), "homeiq", "v2.7.12",
                "20261201-211610-254e", List.of(new BackupInfo.Bucket("home_assistant_events", "0",
                Map.of("home_assistant_events", 3000L))), 12, 95_000);

        String text = BackupBrowserViewModel.describe(set);

        assertTrue(text.contains("home_assistant_events (retention infinite): 3,000 points"), text);
        assertTrue(text.contains("\n    home_assistant_events: 3,000"), text);
        assertFalse(text.contains("{") || text.contains("retention 0"), text);
    }
}
