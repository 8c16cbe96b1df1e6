package io.github.influxreset.testing;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where the Docker rig can run. Elsewhere the class is skipped with the
 * reason printed; with {@code -Drequire.docker=true} (as in CI) it fails instead.
 */
public final class RequiresDocker implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> reason = DockerRig.unavailableReason();
        if (reason.isEmpty()) {
            DockerRig.buildImages();
            return;
        }
        String message = context.getDisplayName() + " needs the Docker rig: " + reason.get();
        if (Boolean.getBoolean("require.docker")) {
            throw new IllegalStateException(message + " (required: -Drequire.docker=true)");
        }
        System.out.println("SKIPPED " + message);
        Assumptions.abort(message);
    }
}
