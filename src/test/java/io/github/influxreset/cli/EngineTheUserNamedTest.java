package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28's wrong-engine case as a new user meets it: a profile without {@code docker.host} and a
 * {@code DOCKER_HOST} naming another engine. The checks must look at that engine and say so, not
 * report the local socket as "reachable". Needs no Docker: the named socket does not exist.
 */
class EngineTheUserNamedTest {
    @TempDir
    Path dir;

    private CliRun check(Map<String, String> environment, String profileText) throws Exception {
        Path profile = dir.resolve("stack.yaml");
        Files.writeString(profile, profileText);
        AppContext app = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(environment, dir));
        return CliRun.run(app, "", "--profile", profile.toString(), "check");
    }

    private static String engineLine(String out) {
        return out.lines().filter(l -> l.contains("Docker engine")).findFirst().orElse("(no Docker engine line)");
    }

    @Test
    void dockerHostIsTheEngineCheckedWhenTheProfileNamesNone() throws Exception {
        CliRun run = check(Map.of("DOCKER_HOST", "unix:///nonexistent.sock"), "name: home\nstack: {composeProject: homeiq}\n"
                + "influx: {version: 1, url: 'http://127.0.0.1:9'}\nbuckets: [{name: home, retention: 30d}]\nbackups: {dir: " + dir.resolve("backups") + "}\n");

        String line = engineLine(run.out());
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(line.startsWith("ERROR") && line.contains("unix:///nonexistent.sock") && line.contains("chosen by DOCKER_HOST"),
                line);
        assertFalse(run.out().contains("var/run/docker.sock"), "the local socket is not what the user named: " + run.out());
    }

    @Test
    void aDockerContextThatDoesNotExistIsASentenceWithExitTwo() throws Exception {
        CliRun run = check(Map.of("DOCKER_CONTEXT", "nas"), "name: home\nstack: {composeProject: homeiq}\n"
                + "influx: {version: 1, url: 'http://127.0.0.1:9'}\nbuckets: [{name: home, retention: 30d}]\n");

        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("docker context 'nas'") && run.err().contains("does not exist"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void anSshEngineThatDoesNotAnswerIsASentenceNotAStackTrace() throws Exception {
        CliRun run = check(Map.of(), "name: home\nstack: {composeProject: homeiq}\ndocker: {host: 'ssh://pi@127.0.0.1:9'}\n"
                + "influx: {version: 1, url: 'http://127.0.0.1:9'}\nbuckets: [{name: home, retention: 30d}]\nbackups: {dir: " + dir.resolve("backups") + "}\n");

        String line = engineLine(run.out());
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(line.contains("ssh://pi@127.0.0.1:9 cannot be reached over SSH") && line.contains("the profile's docker.host"),
                line);
    }
}
