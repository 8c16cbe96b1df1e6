package io.github.influxreset.ui;

import io.github.influxreset.engine.session.ResetSession;
import java.nio.file.Path;

/** Opens a profile (null for the embedded one) as a session; throws ResetException on a bad profile. */
@FunctionalInterface
public interface SessionFactory {
    ResetSession open(Path profileFile) throws Exception;
}
