package io.github.influxreset.engine.port;


/**
 * The outside world of one profile, as the engine sees it.
 *
 * @param influx the InfluxDB server of the stack: what is checked, backed up and reset
 * @param target the server that gets the new structure and the carried points: {@code influx} itself,
 *               but the 2.x server of {@code moveTo} when a 1.x stack moves
 */
public record Ports(DockerPort docker, InfluxPort influx, BackupStore backups, MetadataStore metadata, InfluxPort target) {
    /** The ports of a stack whose structure is made anew on its own server. */
    public Ports(DockerPort docker, InfluxPort influx, BackupStore backups, MetadataStore metadata) {
        this(docker, influx, backups, metadata, influx);
    }

    /** True when the new structure goes to another server than the stack's (a move). */
    public boolean movesElsewhere() {
        return target != influx;
    }
}
