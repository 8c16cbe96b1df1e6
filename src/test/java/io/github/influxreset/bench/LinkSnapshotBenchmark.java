package io.github.influxreset.bench;

import static io.github.influxreset.testing.DockerRig.docker;

import io.github.influxreset.backup.VolumeSnapshots;
import io.github.influxreset.config.EngineChooser;
import io.github.influxreset.docker.DockerJavaAdapter;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.testing.DockerRig;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.SshServer;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28, item 5: the snapshot of a volume on an {@code ssh://} engine, as a backup set writes it,
 * beside what a user would run by hand, {@code ssh HOST 'tar -cf - -C DIR . | zstd -1' > file}; both
 * through Debian's OpenSSH server on 127.0.0.1, interleaved, five runs each (-Dlink.runs), medians and
 * ranges. Goal: ours / by hand >= 0.9x. Prints; asserts nothing about time.
 */
@Tag("benchmark")
@ExtendWith(RequiresDocker.class)
class LinkSnapshotBenchmark {
    private static final int MIB = Integer.getInteger("link.mib", 1024);
    private static final int RUNS = Integer.getInteger("link.runs", 5);

    @TempDir
    Path dir;

    @Test
    void aSnapshotOverSshBesideTarAndZstdRunByHandOverSsh() throws Exception {
        String volume = "irb" + UUID.randomUUID().toString().substring(0, 8);
        docker("volume", "create", volume);
        try (SshServer ssh = SshServer.start(dir.resolve("ssh"))) {
            Bench.fillVolume(volume, MIB);
            String folder = docker("volume", "inspect", "--format", "{{.Mountpoint}}", volume);
            DockerEngine engine = new EngineChooser(Map.of("DOCKER_HOST", ssh.engine()), ssh.home)
                    .choose(Optional.empty(), Optional.empty());
            Samples ours = new Samples("link_snapshot_ours");
            Samples byHand = new Samples("link_snapshot_by_hand");
            double loadBefore = Samples.loadAverage();
            for (int run = 0; run < RUNS; run++) {
                ours.time(() -> {
                    try (DockerJavaAdapter adapter = new DockerJavaAdapter(engine);
                         OutputStream out = VolumeSnapshots.create(dir.resolve("ours.tar.zst"))) {
                        adapter.snapshotVolume(volume, DockerRig.BUSYBOX_IMAGE, out);
                    }
                });
                byHand.time(() -> Bench.shell("ssh -p " + ssh.port + " -i " + ssh.home.resolve(".ssh/id_ed25519")
                        + " -o UserKnownHostsFile=" + ssh.home.resolve(".ssh/known_hosts") + " -o BatchMode=yes root@127.0.0.1 "
                        + "'tar -cf - -C " + folder + " . | zstd -1 -q' > " + dir.resolve("by-hand.tar.zst")));
            }
            double loadAfter = Samples.loadAverage();
            double ratio = byHand.median() / ours.median();
            System.out.printf("%nBENCHMARK snapshot of a %d MiB volume over ssh:// (Debian's OpenSSH on 127.0.0.1)%n", MIB);
            System.out.printf("  ours (dial-stdio, the set's tar.zst): %s%n", ours.describe());
            System.out.printf("  by hand (ssh 'tar | zstd -1' > file): %s%n", byHand.describe());
            System.out.printf("  ours / by hand speed, medians: %.2fx (goal >= 0.9x); load average %.2f before, %.2f after%n%n",
                    ratio, loadBefore, loadAfter);
            ours.print();
            byHand.print();
            Bench.print("link_snapshot_ratio", ratio);
            Bench.print("link_snapshot_load_before", loadBefore);
            Bench.print("link_snapshot_load_after", loadAfter);
        } finally {
            docker("volume", "rm", "-f", volume);
        }
    }
}
