package io.github.influxreset.docker;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.github.influxreset.engine.port.TarArchive;
import io.github.influxreset.testing.DockerRig;
import io.github.influxreset.testing.RequiresDocker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A volume read and written straight through its host folder gives the same archive as the engine's
 * archive endpoint (names, modes, owners, times, links, contents), and either archive restores
 * through either path to the same volume. Runs where the test may read the engine's folders (root).
 */
@ExtendWith(RequiresDocker.class)
class VolumeFolderIT {
    private static final String SOCKET = "unix:///var/run/docker.sock";
    private final String volume = "irt-vf-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> volumes = new ArrayList<>(List.of(volume));
    private DockerClient client;

    @BeforeEach
    void fill() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(SOCKET).build();
        client = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
        docker("volume", "create", volume);
        docker("run", "--rm", "--network", "none", "-v", volume + ":/data", DockerRig.BUSYBOX_IMAGE, "sh", "-c",
                "mkdir -p /data/engine/data/_series /data/empty && seq 1 50000 > /data/engine/data/000001.tsm"
                        + " && echo wal > /data/engine/wal.log && chmod 640 /data/engine/wal.log"
                        + " && ln -s engine/data/000001.tsm /data/latest && chown -R 1000:1000 /data/engine"
                        + " && chmod 700 /data/empty && touch -d '2024-02-03 04:05:06' /data/engine/wal.log");
    }

    @AfterEach
    void remove() throws IOException {
        List<String> command = new ArrayList<>(List.of("volume", "rm", "-f"));
        command.addAll(volumes);
        docker(command.toArray(String[]::new));
        client.close();
    }

    @Test
    void theHostFolderIsFoundAndProvedAndNoProbeStaysBehind() {
        VolumeCopier direct = new VolumeCopier(client, RawArchive.forHost(SOCKET), true);
        var folder = new VolumeFolder(client, v -> helperOf(v)).locate(volume);
        assertTrue(folder.isPresent(), "root on a local engine finds the volume's folder");
        assertEquals(docker("volume", "inspect", "--format", "{{.Mountpoint}}", volume), folder.get().toString());
        assertFalse(docker("run", "--rm", "--network", "none", "-v", volume + ":/data", DockerRig.BUSYBOX_IMAGE, "ls", "-a",
                "/data").contains(VolumeFolder.PROBE), "the probe file is removed");
        assertFalse(listing(snapshot(direct)).contains(VolumeFolder.PROBE));
    }

    @Test
    void theDirectArchiveIsTheEnginesArchive() {
        byte[] direct = snapshot(new VolumeCopier(client, RawArchive.forHost(SOCKET), true));
        byte[] engine = snapshot(new VolumeCopier(client, RawArchive.forHost(SOCKET), false));
        assertEquals(listing(engine), listing(direct));
        assertTrue(listing(direct).contains("data/engine/wal.log 640 1000:1000 1706933106 4 "), listing(direct));
        assertTrue(listing(direct).contains("data/latest 777 0:0 "), listing(direct));
    }

    @Test
    void eitherArchiveRestoresThroughEitherPath() {
        VolumeCopier direct = new VolumeCopier(client, RawArchive.forHost(SOCKET), true);
        VolumeCopier engine = new VolumeCopier(client, RawArchive.forHost(SOCKET), false);
        String original = listing(snapshot(engine));
        for (VolumeCopier writer : List.of(direct, engine)) {
            for (VolumeCopier reader : List.of(direct, engine)) {
                String target = volume + "-" + volumes.size();
                volumes.add(target);
                docker("volume", "create", target);
                reader.restore(target, DockerRig.BUSYBOX_IMAGE, archive(snapshot(writer), false));
                assertEquals(original, listing(snapshotOf(engine, target)).replace(target, volume),
                        "written " + (writer == direct ? "directly" : "by the engine") + ", restored "
                                + (reader == direct ? "directly" : "by the engine"));
            }
        }
    }

    @Test
    void aRefusedArchiveLeavesTheVolumeAsItWasOnEitherPath() throws IOException {
        VolumeCopier direct = new VolumeCopier(client, RawArchive.forHost(SOCKET), true);
        VolumeCopier engine = new VolumeCopier(client, RawArchive.forHost(SOCKET), false);
        String before = listing(snapshot(engine));
        byte[] planted = withEntryAtTheEnd(snapshot(engine), "data/engine/../../escaped");
        for (VolumeCopier copier : List.of(direct, engine)) {
            assertThrows(RuntimeException.class, () -> copier.restore(volume, DockerRig.BUSYBOX_IMAGE, archive(planted, true)));
            assertEquals(before, listing(snapshot(engine)), copier == direct ? "direct" : "engine");
        }
    }

    /** A snapshot with one more file entry after the others: everything before it is a whole volume. */
    private static byte[] withEntryAtTheEnd(byte[] tar, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar));
                TarArchiveOutputStream copy = new TarArchiveOutputStream(out)) {
            copy.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                copy.putArchiveEntry(e);
                in.transferTo(copy);
                copy.closeArchiveEntry();
            }
            TarArchiveEntry bad = new TarArchiveEntry(name, true);
            bad.setSize(1);
            copy.putArchiveEntry(bad);
            copy.write('x');
            copy.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    /** An archive in memory; its check refuses a path that climbs out, as the set's check does. */
    private static TarArchive archive(byte[] tar, boolean refuse) {
        return new TarArchive() {
            @Override
            public java.io.InputStream open() {
                return new ByteArrayInputStream(tar);
            }

            @Override
            public void check() throws IOException {
                if (refuse) {
                    throw new IOException("refused: an entry climbs out");
                }
            }
        };
    }

    private byte[] snapshot(VolumeCopier copier) {
        return snapshotOf(copier, volume);
    }

    private static byte[] snapshotOf(VolumeCopier copier, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copier.snapshot(name, DockerRig.BUSYBOX_IMAGE, out);
        return out.toByteArray();
    }

    private String helperOf(String name) {
        return client.createContainerCmd(DockerRig.BUSYBOX_IMAGE).withLabels(HelperLabels.ofThisProcess())
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig()
                        .withBinds(com.github.dockerjava.api.model.Bind.parse(name + ":/data"))).exec().getId();
    }

    /** One line per entry, sorted: name, mode, owner, modification second, size, link target, content hash. */
    private static String listing(byte[] tar) {
        List<String> lines = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName().replaceAll("/$", "");
                long seconds = e.isSymbolicLink() ? 0 : e.getModTime().getTime() / 1000;
                lines.add(name + " " + Integer.toOctalString(e.getMode() & 07777) + " " + e.getLongUserId() + ":"
                        + e.getLongGroupId() + " " + (e.isDirectory() || name.equals("data") ? "" : seconds) + " "
                        + e.getSize() + " " + e.getLinkName() + " " + java.util.Arrays.hashCode(in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        lines.sort(null);
        return String.join("\n", lines);
    }
}
