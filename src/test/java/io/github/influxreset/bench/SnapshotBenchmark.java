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
 * same 1 GiB volume, five interleaved runs each (-Dsnapshot.runs), medians and ranges; and the peak heap
 * while snapshotting. Prints; asserts nothing
 * about time. Run with {@code mvn -Pbench verify} (as root, for the volume folder).
 */
@Tag("benchmark")
@ExtendWith(RequiresDocker.class)
class SnapshotBenchmark {
    private static final int MIB = 1024;
    private static final int RUNS = Integer.getInteger("snapshot.runs", 5);
    @TempDir
    Path dir;

    @Test
    void snapshotAndRestoreBesideTarAndZstd() throws Exception {
        String volume = "irb" + UUID.randomUUID().toString().substring(0, 8);
        String copy = volume + "-restored";
        docker("volume", "create", volume);
        try (DockerJavaAdapter adapter = new DockerJavaAdapter("unix:///var/run/docker.sock")) {
            Bench.fillVolume(volume, MIB);
            Path folder = Path.of(docker("volume", "inspect", "--format", "{{.Mountpoint}}", volume));
            Path ours = dir.resolve("ours.tar.zst");
            Path cli = dir.resolve("cli.tar.zst");
            Samples snapshot = new Samples("snapshot");
            Samples tarZstd = new Samples("snapshot_cli");
            Samples restore = new Samples("restore");
            Samples untar = new Samples("restore_cli");
            long peakHeap = 0;
            double loadBefore = Samples.loadAverage();
            // interleaved: each run times ours and the command line one after the other, on the same warm cache
            for (int run = 0; run < RUNS; run++) {
                resetPeaks();
                snapshot.time(() -> {
                    try (OutputStream out = VolumeSnapshots.create(ours)) {
                        adapter.snapshotVolume(volume, DockerRig.BUSYBOX_IMAGE, out);
                    }
                });
                peakHeap = Math.max(peakHeap, peakHeapMib());
                tarZstd.time(() -> Bench.shell("tar -cf - -C " + folder + " . | zstd -1 -q -f -o " + cli));
                docker("volume", "rm", "-f", copy);
                docker("volume", "create", copy);
                restore.time(() -> VolumeSnapshots.restore(adapter, ours, copy, DockerRig.BUSYBOX_IMAGE));
                Path restoreDir = dir.resolve("untar");
                Bench.shell("rm -rf " + restoreDir + " && mkdir " + restoreDir);
                untar.time(() -> Bench.shell("zstd -dc " + cli + " | tar -x -C " + restoreDir));
            }
            double loadAfter = Samples.loadAverage();
            System.out.printf("%nBENCHMARK volume snapshot and restore, %d MiB volume (the set's own path: "
                    + "snapshot file writer, archive check, restore), %d interleaved runs%n", MIB, RUNS);
            System.out.printf("  snapshot: ours %s, tar | zstd -1 %s, ours / CLI speed %.2fx (goal >= 0.9x)%n",
                    snapshot.describe(), tarZstd.describe(), tarZstd.median() / snapshot.median());
            System.out.printf("  restore : ours %s, zstd -dc | tar -x %s, ours / CLI speed %.2fx (goal >= 1.0x)%n",
                    restore.describe(), untar.describe(), untar.median() / restore.median());
            System.out.printf("  peak heap while snapshotting: %d MiB (goal < 256 MiB); load average %.2f before, %.2f after%n%n",
                    peakHeap, loadBefore, loadAfter);
            for (Samples samples : List.of(snapshot, tarZstd, restore, untar)) {
                samples.print();
            }
            Bench.print("snapshot_ratio", tarZstd.median() / snapshot.median());
            Bench.print("restore_ratio", untar.median() / restore.median());
            Bench.print("snapshot_peak_heap_mib", peakHeap);
            Bench.print("snapshot_load_before", loadBefore);
            Bench.print("snapshot_load_after", loadAfter);
        } finally {
            docker("volume", "rm", "-f", volume, copy);
        }
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
