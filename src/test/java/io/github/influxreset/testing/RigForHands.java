package io.github.influxreset.testing;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import java.nio.file.Path;

/**
 * The HomeIQ-shaped 2.7.12 rig with a writer, for trying the wizard by hand (a real window, a real
 * engine): {@code java -cp … -Dinfluxd2=PATH io.github.influxreset.testing.RigForHands DIR POINTS}
 * starts it, writes POINTS drifted events (integers where the profile says float, a tag it does
 * not list), starts the writer, prints the profile to open and waits; Ctrl-C (or a kill) removes it.
 */
public final class RigForHands {
    private RigForHands() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int points = Integer.parseInt(args[1]);
        DockerRig.buildImages();
        RigStack rig = RigStack.v2(dir).start();
        Runtime.getRuntime().addShutdownHook(new Thread(rig::close));
        InfluxPort influx = new InfluxV2Adapter(rig.profile.influx());
        if (!influx.bucketIds().containsKey("home_assistant_events")) {
            influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("0").orElseThrow()));
        }
        String[] lines = io.github.influxreset.docker.KeepDataOnRealServersIT.lines(points, 0).split("\n");
        for (int from = 0; from < lines.length; from += 50_000) {
            influx.write("home_assistant_events", String.join("\n", java.util.Arrays.copyOfRange(lines, from,
                    Math.min(lines.length, from + 50_000))) + "\n");
        }
        RigWriter.start(rig);
        System.out.println("profile=" + RigWriter.listedIn(rig.profile.source().orElseThrow()));
        System.out.println("project=" + rig.project + " url=" + rig.url());
        Thread.currentThread().join();
    }
}
