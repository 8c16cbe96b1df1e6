package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.Ports;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code backup}: writes and verifies a backup set; prints its id and path. */
@Command(name = "backup", description = "Write and verify a backup set; print its id and path.")
final class BackupCommand extends BaseCommand {
    @Override
    public Integer call() throws Exception {
        Profile profile = profile();
        Ports ports = root.context.ports(profile);
        try (AutoCloseable logging = logToStderr()) {
            var stack = ports.docker().discover(profile.stack().composeProject());
            String id = ports.backups().write(stack, "manual", (fraction, message) -> root.context.log().info(null, message));
            ports.backups().verify(id);
            String path = profile.backups().dir().resolve(id).toString();
            output().line("Backup set " + id + " written and verified: " + path);
            output().document(Map.of("id", id, "path", path, "verified", true));
        }
        return 0;
    }
}
