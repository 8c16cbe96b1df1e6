package io.github.influxreset.testing;

import io.github.influxreset.engine.port.Ports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The in-memory HomeIQ stack on InfluxDB 1.x, its profile naming an in-memory 2.x server to move to
 * ({@code moveTo}, service influxdb2), data-api configured as a 1.x client; helpers answer as for an
 * empty native backup.
 */
public final class MovingStack {
    public static final String MOVE_TO = "moveTo:\n  service: influxdb2\n  url: http://127.0.0.1:8087\n  org: homeiq\n"
            + "  token: ${INFLUXDB_TOKEN:-}\n";
    public final TestStack stack;
    public final FakeInflux target;
    public final Ports ports;

    public MovingStack(Path dir) throws IOException {
        stack = new TestStack(dir, text -> text.replace("  version: 2\n", "  version: 1\n")
                .replace("\nbuckets:\n", "\n" + MOVE_TO + "buckets:\n"));
        stack.docker.addContainer("homeiq", "influxdb2", "influxdb:2.7", List.of("homeiq_influxdb2-data"), true);
        stack.docker.containers().stream().filter(c -> c.service.equals("data-api")).findFirst().orElseThrow().environment
                .putAll(Map.of("INFLUXDB_URL", "http://influxdb:8086", "INFLUXDB_DB", "home_assistant_events",
                        "INFLUXDB_PASSWORD", TestStack.PASSWORD));
        stack.docker.letHelpersAnswerEmpty();
        target = new FakeInflux(stack.docker, "influxdb2");
        ports = new Ports(stack.ports.docker(), stack.ports.influx(), stack.ports.backups(), stack.ports.metadata(), target);
    }
}
