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

    static void print(String name, double value) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s=%.3f", name, value));
    }
}
