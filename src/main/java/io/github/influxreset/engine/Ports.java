package io.github.influxreset.engine;

import io.github.influxreset.engine.port.BackupStore;
import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.port.MetadataStore;

/** The outside world of one profile, as the engine sees it. */
public record Ports(DockerPort docker, InfluxPort influx, BackupStore backups, MetadataStore metadata) {
}
