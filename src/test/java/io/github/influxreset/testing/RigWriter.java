package io.github.influxreset.testing;

import static io.github.influxreset.testing.DockerRig.docker;

import io.github.influxreset.engine.port.InfluxPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service of the rig's compose project that writes a numbered point ({@code writes,source=w
 * seq=Ni}) to InfluxDB every {@code 0.2 s} and logs {@code wrote N} only when InfluxDB acknowledged
 * it: a busybox stand-in for HomeIQ's writers, stopped and started by a reset like every service
 * once the profile lists it. Its counter survives a restart, so a number is never written twice.
 * The measurement is outside the profile's schema, so carrying keeps its points as they are.
 */
public final class RigWriter {
    public static final String SERVICE = "writer";
    public static final String MEASUREMENT = "writes";
    /** The rig's services and the writer: every service a run with {@link #listedIn} stops and starts. */
    public static final java.util.List<String> STACK = java.util.stream.Stream.concat(RigStack.SERVICES.stream(),
            java.util.stream.Stream.of(SERVICE)).toList();
    private static final Pattern WROTE = Pattern.compile("^(\\S+) wrote (\\d+)$", Pattern.MULTILINE);
    private static final Pattern SEQ = Pattern.compile("^writes,source=w seq=(\\d+)i", Pattern.MULTILINE);
    private final RigStack rig;

    private RigWriter(RigStack rig) {
        this.rig = rig;
    }

    /** Starts the writer on the rig's InfluxDB (1.x: its /write; 2.x: /api/v2/write with the rig's token). */
    public static RigWriter start(RigStack rig) {
        String post = rig.version == 2
                ? "--header 'Authorization: Token " + RigStack.TOKEN + "' '" + rig.url()
                        + "/api/v2/write?org=homeiq&bucket=home_assistant_events'"
                : "'" + rig.url() + "/write?db=home_assistant_events'";
        String loop = "mkdir -p /tmp; n=$(cat /tmp/n 2>/dev/null || echo 0); while true; do n=$((n+1)); echo $n > /tmp/n; "
                + "wget -q -O /dev/null --post-data \"writes,source=w seq=${n}i\" " + post
                + " && echo \"wrote $n\"; sleep 0.2; done";
        docker("run", "-d", "--init", "--network", "host", "--name", rig.containerName(SERVICE),
                "--label", "com.docker.compose.project=" + rig.project, "--label", "com.docker.compose.service=" + SERVICE,
                "--label", "com.docker.compose.oneoff=False", DockerRig.BUSYBOX_IMAGE, "sh", "-c", loop);
        RigWriter writer = new RigWriter(rig);
        writer.awaitWrites(5);
        return writer;
    }

    /** A copy of {@code profile} whose services list the writer first (so it is stopped last, started first). */
    public static Path listedIn(Path profile) throws IOException {
        Path copy = profile.resolveSibling("with-writer-" + profile.getFileName());
        String yaml = Files.readString(profile);
        if (!yaml.contains("services:\n")) {
            throw new IllegalArgumentException("the profile lists no services: " + profile);
        }
        Files.writeString(copy, yaml.replace("services:\n", "services:\n  - {name: " + SERVICE + "}\n"));
        return copy;
    }

    /** Waits (polling its log, at most a minute) until the writer logged {@code more} acknowledged points. */
    public void awaitWrites(int more) {
        int before = acknowledged().size();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (acknowledged().size() < before + more) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the writer does not write: " + docker("logs", "--tail", "5", rig.containerName(SERVICE)));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
    }

    /** Every number InfluxDB acknowledged. */
    public Set<Long> acknowledged() {
        return acknowledgedBefore(Instant.MAX);
    }

    /** The numbers InfluxDB acknowledged before {@code time} (as the engine stamped the writer's log lines). */
    public Set<Long> acknowledgedBefore(Instant time) {
        Set<Long> numbers = new TreeSet<>();
        Matcher m = WROTE.matcher(docker("logs", "--timestamps", rig.containerName(SERVICE)));
        while (m.find()) {
            if (Instant.parse(m.group(1)).isBefore(time)) {
                numbers.add(Long.parseLong(m.group(2)));
            }
        }
        return numbers;
    }

    /** The longest time between two points InfluxDB acknowledged in a row (the writer posts every 0.2 s). */
    public java.time.Duration longestGap() {
        Matcher m = WROTE.matcher(docker("logs", "--timestamps", rig.containerName(SERVICE)));
        java.time.Duration longest = java.time.Duration.ZERO;
        Instant previous = null;
        while (m.find()) {
            Instant at = Instant.parse(m.group(1));
            if (previous != null && java.time.Duration.between(previous, at).compareTo(longest) > 0) {
                longest = java.time.Duration.between(previous, at);
            }
            previous = at;
        }
        return longest;
    }

    /** When the writer's container was last started: a reset's restart, or the first start. */
    public Instant lastStart() {
        return Instant.parse(docker("inspect", "--format", "{{.State.StartedAt}}", rig.containerName(SERVICE)).trim());
    }

    /** The numbers of {@code acknowledged} that {@code bucket} of {@code live} does not hold (read from its export). */
    public static Set<Long> missingFrom(Set<Long> acknowledged, InfluxPort live, String bucket) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        live.export(bucket, out);
        Set<Long> missing = new TreeSet<>(acknowledged);
        missing.removeAll(numbersIn(out.toString(StandardCharsets.UTF_8)));
        return missing;
    }

    /** The writer's numbers in a bucket's line-protocol export. */
    public static Set<Long> numbersIn(String lineProtocol) {
        Set<Long> numbers = new TreeSet<>();
        Matcher m = SEQ.matcher(lineProtocol);
        while (m.find()) {
            numbers.add(Long.parseLong(m.group(1)));
        }
        return numbers;
    }
}
