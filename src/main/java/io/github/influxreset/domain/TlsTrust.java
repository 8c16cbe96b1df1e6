package io.github.influxreset.domain;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which server certificates an {@code https://} InfluxDB may show: those the system trusts, those
 * signed by the home's own CA ({@code influx.caFile}), or, only when the profile says so on
 * purpose ({@code influx.insecureSkipVerify: true}), any at all.
 */
public record TlsTrust(Optional<Path> caFile, boolean skipVerify) {
    /** The system's trusted authorities, verified: what an {@code https://} URL gets unless the profile says more. */
    public static final TlsTrust SYSTEM = new TlsTrust(Optional.empty(), false);

    public boolean isSystem() {
        return caFile.isEmpty() && !skipVerify;
    }
}
