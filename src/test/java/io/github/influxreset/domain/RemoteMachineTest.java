package io.github.influxreset.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A stack on another machine: the first run proposes InfluxDB on that machine, not on this one (issue 28, item 3). */
class RemoteMachineTest {
    private static ProfileDraft guessedAt(String url) {
        return new ProfileDraft("homeiq", Optional.empty(), List.of(), 2, "influxdb", url, "homeiq", Secret.empty(),
                Optional.empty(), "admin", Secret.empty(), Optional.empty(), List.of(), List.of(), Path.of("/b"),
                List.of("URL from the port InfluxDB's container publishes on this host."), List.of());
    }

    @Test
    void theEnginesMachineIsNamedForSshAndTcpButNotForThisOne() {
        assertEquals(Optional.of("nas.local"), DockerEngine.plain("ssh://pi@nas.local", "DOCKER_HOST").remoteMachine());
        assertEquals(Optional.of("nas.local"), DockerEngine.plain("ssh://pi@nas.local:2222", "DOCKER_HOST").remoteMachine());
        assertEquals(Optional.of("192.0.2.7"), DockerEngine.plain("tcp://192.0.2.7:2376", "DOCKER_HOST").remoteMachine());
        assertEquals(Optional.empty(), DockerEngine.plain("tcp://127.0.0.1:2376", "DOCKER_HOST").remoteMachine());
        assertEquals(Optional.empty(), DockerEngine.plain("ssh://root@localhost", "DOCKER_HOST").remoteMachine());
        assertEquals(Optional.empty(), DockerEngine.plain(DockerEngine.LOCAL_SOCKET, "the local socket").remoteMachine());
    }

    @Test
    void aUrlGuessedOnLoopbackNamesTheEnginesMachineAndSaysWhy() {
        ProfileDraft moved = guessedAt("http://127.0.0.1:8086").onMachine("nas.local");

        assertEquals("http://nas.local:8086", moved.url());
        assertTrue(moved.notes().get(1).contains("runs on nas.local"), moved.notes().toString());
    }

    @Test
    void aUrlThatNamesAnotherHostAlreadyIsLeftAsItIs() {
        ProfileDraft guessed = guessedAt("https://influx.home.arpa:8086");

        assertSame(guessed, guessed.onMachine("nas.local"));
    }
}
