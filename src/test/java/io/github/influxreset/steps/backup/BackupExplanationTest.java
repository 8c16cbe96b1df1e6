package io.github.influxreset.steps.backup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.SqliteSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 30, item 5: the Backup step promised a copy of a SQLite database the profile does not list. */
class BackupExplanationTest {
    @Test
    void theStepPromisesOnlyTheSqliteDatabasesTheProfileLists() {
        String none = BackupViewModel.explanation(List.of());
        String two = BackupViewModel.explanation(List.of(SqliteSpec.inService("data-api", "/app/data/metadata.db"),
                SqliteSpec.onHost("/srv/homeiq/data/webhooks.db")));

        assertTrue(none.contains("no SQLite database (the profile lists none)") && !none.contains("a copy of"), none);
        assertTrue(two.contains("a copy of the SQLite database(s) data-api:/app/data/metadata.db, /srv/homeiq/data/webhooks.db"),
                two);
    }
}
