package io.github.influxreset.bench;

import static io.github.influxreset.testing.DockerRig.docker;

import io.github.influxreset.backup.VolumeSnapshots;
import io.github.influxreset.docker.DockerJavaAdapter;
import io.github.influxreset.testing.DockerRig;
import io.github.influxreset.testing.RequiresDocker;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A volume snapshot (the set's tar.zst, written and restored as the product does) and its restore, beside
 * {@code tar -cf - DIR | zstd -1} and {@code zstd -dc | tar -x} on the volume's own folder, on the
 * same 1 GiB volume in the same run; and the peak heap while snapshotting. Prints; asserts nothing
 * about time. Run with {@code mvn -Pbench verify} (as root, for the volume folder).
 */
@Tag("benchmark")
@ExtendWith(RequiresDocker.class)
class SnapshotBenchmark {
    private static final int MIB = 1024;
    @TempDir
    Path dir;

    @Test
    void snapshotAndRestoreBesideTarAndZstd() throws Exception {
        String volume = "irb" + UUID.randomUUID().toString().substring(0, 8);
        String copy = volume + "-restored";
        docker("volume", "create", volume);
        docker("volume", "create", copy);
        try (DockerJavaAdapter adapter = new DockerJavaAdapter("unix:///var/run/docker.sock")) {
            fill(volume);
            Path folder = Path.of(docker("volume", "inspect", "--format", "{{.Mountpoint}}", volume));
            Path ours = dir.resolve("ours.tar.zst");
            resetPeaks();
            long start = System.nanoTime();
            try (OutputStream out = VolumeSnapshots.create(ours)) {
                adapter.snapshotVolume(volume, DockerRig.BUSYBOX_IMAGE, out);
            }
            double snapshot = seconds(start);
            long peakHeap = peakHeapMib();
            start = System.nanoTime();
            shell("tar -cf - -C " + folder + " . | zstd -1 -q -o " + dir.resolve("cli.tar.zst"));
            double tarZstd = seconds(start);
            start = System.nanoTime();
            VolumeSnapshots.restore(adapter, ours, copy, DockerRig.BUSYBOX_IMAGE);
            double restore = seconds(start);
            Path restoreDir = Files.createDirectories(dir.resolve("untar"));
            start = System.nanoTime();
            shell("zstd -dc " + dir.resolve("cli.tar.zst") + " | tar -x -C " + restoreDir);
            double untar = seconds(start);
            System.out.printf("%nBENCHMARK volume snapshot and restore, %d MiB volume (the set's own path: "
                    + "snapshot file writer, archive check, restore)%n", MIB);
            System.out.printf("  snapshot: ours %.2f s, tar | zstd -1 %.2f s, ours / CLI speed %.2fx (goal >= 0.9x)%n",
                    snapshot, tarZstd, tarZstd / snapshot);
            System.out.printf("  restore : ours %.2f s, zstd -dc | tar -x %.2f s, ours / CLI speed %.2fx (goal >= 0.9x)%n",
                    restore, untar, untar / restore);
            System.out.printf("  peak heap while snapshotting: %d MiB (goal < 256 MiB)%n%n", peakHeap);
            Bench.print("snapshot_seconds", snapshot);
            Bench.print("snapshot_cli_seconds", tarZstd);
            Bench.print("snapshot_ratio", tarZstd / snapshot);
            Bench.print("restore_seconds", restore);
            Bench.print("restore_cli_seconds", untar);
            Bench.print("restore_ratio", untar / restore);
            Bench.print("snapshot_peak_heap_mib", peakHeap);
        } finally {
            docker("volume", "rm", "-f", volume, copy);
        }
    }

    /** Half random bytes, half text, as InfluxDB's files are partly compressible. */
    private static void fill(String volume) {
        docker("run", "--rm", "--network", "none", "-v", volume + ":/data", DockerRig.BUSYBOX_IMAGE, "sh", "-c",
                "dd if=/dev/urandom of=/data/random bs=1M count=" + MIB / 2 + " 2>/dev/null && "
                        + "seq 1 100000000 | head -c " + (MIB / 2) * 1024L * 1024 + " > /data/text");
    }

    private static void shell(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", "set -o pipefail; " + command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMib() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
