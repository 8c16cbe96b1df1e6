package io.github.influxreset.bench;

import static io.github.influxreset.testing.DockerRig.docker;

import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.testing.DockerRig;
import java.io.File;
import java.util.List;
import java.util.Locale;

/** The machine-readable line every benchmark prints beside its prose: {@code BENCH name=value}. */
final class Bench {
    private Bench() {
    }

    /** One run of what a benchmark measures. */
    interface Work {
        void run() throws Exception;
    }

    /** Runs a bash pipeline (pipefail), its output shown, its stdin /dev/null (never the test runner's channel). */
    static void shell(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", "set -o pipefail; " + command).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed");
        }
    }

    /** Fills a volume with {@code mib} MiB, half random bytes, half text, as InfluxDB's files are partly compressible. */
    static void fillVolume(String volume, int mib) {
        docker("run", "--rm", "--network", "none", "-v", volume + ":/data", DockerRig.BUSYBOX_IMAGE, "sh", "-c",
                "dd if=/dev/urandom of=/data/random bs=1M count=" + mib / 2 + " 2>/dev/null && "
                        + "seq 1 100000000 | head -c " + (mib / 2) * 1024L * 1024 + " > /data/text");
    }

    /** Writes the lines as they are in batches of 5,000 (the size carrying and restoring use): the baseline of a write. */
    static void writeStraight(InfluxPort influx, String bucket, List<String> lines) {
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        for (String line : lines) {
            batch.append(line).append('\n');
            if (++inBatch == 5_000) {
                influx.write(bucket, batch.toString());
                batch.setLength(0);
                inBatch = 0;
            }
        }
        if (inBatch > 0) {
            influx.write(bucket, batch.toString());
        }
    }

    /**
     * HomeIQ-shaped events of 8 fields (strings, floats, a boolean, an integer), one a second back
     * from now over 200 entities in five areas, written in batches of 50,000.
     */
    static void seedHomeIq(InfluxPort influx, String bucket, int points) {
        long now = System.currentTimeMillis() / 1000 * 1_000_000_000L;
        String[] areas = {"kitchen", "living", "bed", "bath", "garage"};
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < points; i++) {
            int entity = i % 200;
            batch.append("home_assistant_events,entity_id=sensor.s").append(entity).append(",domain=sensor,device_class="
                    + "temperature,area=").append(areas[entity % 5]).append(" state_value=\"").append(20 + i % 50 / 10.0)
                    .append("\",normalized_value=").append(20 + i % 500 / 10.0).append(",previous_state=\"")
                    .append(21 + i % 40 / 10.0).append("\",duration_in_state=").append(i % 3600).append(".5,context_id=\"01HX")
                    .append(i).append("\",unit=\"C\",is_numeric=true,sequence=").append(i).append("i ")
                    .append(now - (i + 1) * 1_000_000_000L).append('\n');
            if ((i + 1) % 50_000 == 0 || i == points - 1) {
                influx.write(bucket, batch.toString());
                batch.setLength(0);
            }
        }
    }

    static void print(String name, double value) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s=%.3f", name, value));
    }
}
