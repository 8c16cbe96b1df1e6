package io.github.influxreset.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.config.EngineChooser;
import io.github.influxreset.engine.actions.SetAsideData;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.BlackBox;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.Required;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.SshServer;
import io.github.influxreset.testing.TestCertificates;
import io.github.influxreset.testing.TlsEngineProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stack on "another machine" (issue 28): the rig's engine reached only as
 * {@code ssh://root@127.0.0.1:PORT} (Debian's OpenSSH server), or as {@code tcp://127.0.0.1:PORT}
 * behind TLS with client certificates, named by a docker context; the user's keys and contexts in a
 * home of the test's. From outside, as a user would: the checks name the engine; a full reset that
 * keeps the data is {@code kill -9}ed once the old data is set aside, and {@code rollback} puts
 * everything back; then a full reset with keep-data and a restore of its set from the volume
 * snapshots finish. Points, containers and volumes are counted after each.
 */
@ExtendWith(RequiresDocker.class)
class ResetOnARemoteEngineIT {
    private static final int POINTS = 20_000;
    private static final String EVENTS = "home_assistant_events";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"ssh", "tls"})
    void aKeepDataResetKilledMidRunRollsBackAndTheNextOneAndARestoreFinish(String link) throws Exception {
        if (link.equals("ssh")) {
            SshServer.unavailableReason().ifPresent(reason -> Required.missing("ResetOnARemoteEngineIT over ssh", reason));
        }
        try (RemoteLink remote = RemoteLink.open(link, dir.resolve(link)); RigStack rig = new RigStack(dir.resolve("rig")).start()) {
            InfluxV1Adapter influx = new InfluxV1Adapter(rig.profile.influx());
            BlackBox.seedEvents(influx, POINTS);
            Path profile = remote.profile(rig.profile.source().orElseThrow());
            Path home = dir.resolve("home");
            Path log = dir.resolve("cli.log");
            List<String> asTheUser = List.of("-Duser.home=" + remote.userHome());
            String containers = BlackBox.allContainers();
            String volumes = BlackBox.allVolumes();

            assertEquals(0, CliProcess.waitFor(CliProcess.start(home, log, null, BlackBox.args(profile, "check"), asTheUser)));
            assertTrue(Files.readString(log).contains("Docker engine: reachable at " + remote.describedAs()), Files.readString(log));

            Process reset = CliProcess.start(home, log, null, BlackBox.args(profile, "reset", "--mode", "full", "--keep-data",
                    "--yes"), asTheUser);
            killOnceTheDataIsSetAside(reset, BlackBox.journal(rig, home));
            RunRecord killed = BlackBox.journal(rig, home).runs().get(0);
            assertTrue(killed.status().isUnfinished(), killed.status().toString());
            assertEquals(0, CliProcess.waitFor(CliProcess.start(home, log, null, BlackBox.args(profile, "rollback"), asTheUser)),
                    Files.readString(log));
            assertEquals(RunStatus.ROLLED_BACK, BlackBox.journal(rig, home).run(killed.id()).orElseThrow().status());
            assertEquals(Map.of(EVENTS, (long) POINTS), influx.countPoints(EVENTS), "the old points are back");
            assertEquals(containers, BlackBox.allContainers(), "the same containers");
            assertEquals(volumes, BlackBox.allVolumes(), "the same volumes");

            assertEquals(0, CliProcess.waitFor(CliProcess.start(home, log, null, BlackBox.args(profile, "reset", "--mode", "full",
                    "--keep-data", "--yes"), asTheUser)), Files.readString(log));
            assertEquals(Map.of(EVENTS, (long) POINTS), influx.countPoints(EVENTS), "kept through the reset");
            String set = BlackBox.journal(rig, home).runs().get(0).backupId();
            assertEquals(0, CliProcess.waitFor(CliProcess.start(home, log, null, BlackBox.args(profile, "restore", set,
                    "--from", "volumes", "--yes"), asTheUser)), Files.readString(log));
            assertEquals(Map.of(EVENTS, (long) POINTS), influx.countPoints(EVENTS), "restored from the volume snapshots");
            assertFalse(BlackBox.hasStackTrace(Files.readString(log)), Files.readString(log));
        }
    }

    /** The rig's engine reached another way than its own socket, and the user's home that names it. */
    private interface RemoteLink extends AutoCloseable {
        static RemoteLink open(String link, Path dir) throws Exception {
            return link.equals("ssh") ? new OverSsh(SshServer.start(dir)) : OverTls.open(dir);
        }

        Path userHome();

        /** The rig's profile, on this engine. */
        Path profile(Path rigProfile) throws Exception;

        /** How the checks must name the engine. */
        String describedAs();
    }

    private record OverSsh(SshServer ssh) implements RemoteLink {
        @Override
        public Path userHome() {
            return ssh.home;
        }

        @Override
        public Path profile(Path rigProfile) throws Exception {
            return withDocker(rigProfile, "{host: '" + ssh.engine() + "'}");
        }

        @Override
        public String describedAs() {
            return ssh.engine() + " (the profile's docker.host)";
        }

        @Override
        public void close() throws Exception {
            ssh.close();
        }
    }

    /** A docker context "nas" in the user's home, holding the TLS material of the engine's proxy. */
    private record OverTls(TlsEngineProxy proxy, Path home) implements RemoteLink {
        static OverTls open(Path dir) throws Exception {
            TlsEngineProxy proxy = new TlsEngineProxy(dir, new TestCertificates("nas CA"));
            Path home = dir.resolve("home");
            Path meta = Files.createDirectories(home.resolve(".docker/contexts/meta").resolve(EngineChooser.digest("nas")));
            Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"nas\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                    + "{\"Host\":\"" + proxy.host() + "\",\"SkipTLSVerify\":false}}}");
            Path tls = Files.createDirectories(home.resolve(".docker/contexts/tls").resolve(EngineChooser.digest("nas"))
                    .resolve("docker"));
            for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
                Files.copy(proxy.clientCertificates.resolve(file), tls.resolve(file));
            }
            return new OverTls(proxy, home);
        }

        @Override
        public Path userHome() {
            return home;
        }

        @Override
        public Path profile(Path rigProfile) throws Exception {
            return withDocker(rigProfile, "{context: nas}");
        }

        @Override
        public String describedAs() {
            return proxy.host() + " (docker context 'nas', named by the profile's docker.context, TLS verified)";
        }

        @Override
        public void close() throws Exception {
            proxy.close();
        }
    }

    private static Path withDocker(Path profile, String docker) throws Exception {
        Path copy = profile.resolveSibling("remote-" + profile.getFileName());
        Files.writeString(copy, Files.readString(profile) + "docker: " + docker + "\n");
        return copy;
    }

    private static void killOnceTheDataIsSetAside(Process reset, Journal journal) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (reset.isAlive() && System.nanoTime() < deadline) {
            boolean setAside = journal.runs().stream().findFirst().map(run -> journal.actions(run.id()).stream()
                    .anyMatch(a -> a.kind().equals(SetAsideData.KIND) && a.status() == ActionStatus.DONE)).orElse(false);
            if (setAside) {
                reset.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                return;
            }
            LockSupport.parkNanos(20_000_000L);
        }
        throw new AssertionError("the reset ended (or hung) before it set the old data aside; exit "
                + (reset.isAlive() ? "none" : reset.exitValue()));
    }
}
