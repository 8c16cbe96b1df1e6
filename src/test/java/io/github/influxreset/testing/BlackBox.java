package io.github.influxreset.testing;

import static io.github.influxreset.testing.DockerRig.docker;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.docker.KeepDataOnRealServersIT;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What a black-box fault test looks at from outside the product: the engine's whole list of
 * containers and volumes, a bucket's points as a checksum, the journal of one product home, and
 * the CLI's arguments for a rig.
 */
public final class BlackBox {
    private BlackBox() {
    }

    /** {@code points} points of home_assistant_events, one a second back from now, over seven series. */
    public static String seed(int points) {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < points; i++) {
            lines.append("home_assistant_events,entity_id=s").append(i % 7).append(" normalized_value=").append(i)
                    .append(".5,state_value=\"c").append(i).append("\" ").append(now - i * 1_000_000_000L).append('\n');
        }
        return lines.toString();
    }

    /**
     * The rig's events bucket (made with infinite retention when absent) holding {@code points}
     * HomeIQ-shaped events ({@link KeepDataOnRealServersIT#lines}).
     */
    public static void seedEvents(InfluxPort influx, int points) {
        String events = "home_assistant_events";
        if (influx.buckets().stream().noneMatch(b -> b.name().equals(events))) {
            influx.createBucket(new BucketSpec(events, Retention.parse("0").orElseThrow()));
        }
        influx.write(events, KeepDataOnRealServersIT.lines(points, 0));
    }

    /** Every container of the engine (name and image), sorted: compared before and after a fault. */
    public static String allContainers() {
        return String.join("\n", docker("ps", "-a", "--format", "{{.Names}} {{.Image}}").lines().sorted().toList());
    }

    /** Every volume of the engine, sorted. */
    public static String allVolumes() {
        return String.join("\n", docker("volume", "ls", "-q").lines().sorted().toList());
    }

    /** SHA-256 of a bucket's export, lines sorted: equal exactly when every point is as it was. */
    public static String exportSha(InfluxV1Adapter influx, String bucket) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        influx.export(bucket, out);
        String sorted = String.join("\n", out.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith(RigWriter.MEASUREMENT + ",")).sorted().toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sorted.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The journal a CLI run with {@code INFLUX_RESET_HOME=home} writes. */
    public static Journal journal(RigStack rig, Path home) {
        return new AppContext(new AppHome(home), new ProfileLoader(Map.of(), rig.dir)).journal(rig.profile);
    }

    /** {@code --profile RIG.yaml} followed by the arguments. */
    public static List<String> args(RigStack rig, String... args) {
        return args(rig.profile.source().orElseThrow(), args);
    }

    public static List<String> args(Path profile, String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", profile.toString()));
        all.addAll(List.of(args));
        return all;
    }

    /**
     * After a failed run: the product rolled it back by itself, or (when that could not finish, say
     * with the engine gone) {@code rollback} run as a user would must exit 0. Either way the run ends
     * rolled back; prints which it was.
     */
    public static void rollBackIfUnfinished(RigStack rig, Path home, Path log, List<String> rollback, String runId)
            throws java.io.IOException, InterruptedException {
        RunStatus status = journal(rig, home).run(runId).orElseThrow().status();
        if (status.isUnfinished()) {
            int exit = CliProcess.run(home, log, null, rollback);
            if (exit != 0) {
                throw new AssertionError("rollback exited " + exit + ":\n" + java.nio.file.Files.readString(log));
            }
        }
        RunStatus after = journal(rig, home).run(runId).orElseThrow().status();
        System.out.println("RECOVERY run " + runId + ": " + (status.isUnfinished() ? "left " + status + ", then rollback"
                : "rolled back by the failed run itself") + " -> " + after);
        if (after != RunStatus.ROLLED_BACK) {
            throw new AssertionError("the run ended " + after + ", not rolled back");
        }
    }

    /** Prints the CLI's closing sentence (its "Error:" line), for the test's log. */
    public static void printWhatTheUserWasTold(String output) {
        output.lines().filter(l -> l.startsWith("Error:")).reduce((a, b) -> b)
                .ifPresent(line -> System.out.println("USER WAS TOLD " + line));
    }

    /** True when the output holds a Java stack trace, which a user must never be shown. */
    public static boolean hasStackTrace(String output) {
        return output.lines().anyMatch(l -> l.startsWith("\tat ") || l.matches("^(\\w+\\.)+\\w*(Exception|Error)(: .*)?$"));
    }
}
