package io.github.influxreset.cli;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.session.BackupShelf;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code backup}: writes and verifies a backup set; prints its id and path. */
@Command(name = "backup", description = "Write and verify a backup set; print its id and path.")
final class BackupCommand extends BaseCommand {
    @Override
    public Integer call() throws Exception {
        Profile profile = profile();
        BackupShelf shelf = root.context.session(profile).shelf();
        try (AutoCloseable logging = logToStderr()) {
            BackupInfo set = shelf.backUpNow((fraction, message) -> root.context.log().info(null, message));
            String path = shelf.folder(set.id()).toString();
            output().line("Backup set " + set.id() + " written and verified: " + path);
            output().document(Map.of("id", set.id(), "path", path, "verified", true));
        }
        return 0;
    }
}
