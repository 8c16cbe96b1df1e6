package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.StackCliContext;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 31, item 3: exit 4 (a rollback that could not finish) names the commands out of it, and
 * each works as said: the rollback named gets the stack going once the cause is fixed; the close
 * named lets the next run start when it cannot be.
 */
class RollbackFailedWayOutTest {
    private static final Pattern NAMED = Pattern.compile("'(rollback \\S+)'.*'(runs close \\S+ --yes)'", Pattern.DOTALL);

    @TempDir
    Path dir;
    TestStack stack;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
    }

    private CliRun cli(String command) {
        return CliRun.run(new StackCliContext(stack), "", command.split(" "));
    }

    private Matcher failedRollback() {
        long before = stack.pointsInVolume();
        stack.docker.failStartOf("sports-data");
        CliRun reset = cli("reset --mode full --yes");
        assertEquals(4, reset.code(), reset.err());
        assertEquals(before, stack.pointsInVolume(), "the data is back all the same");
        Matcher named = NAMED.matcher(reset.err());
        assertTrue(named.find(), "the way out is named: " + reset.err());
        return named;
    }

    @Test
    void theRollbackNamedGetsTheStackGoingOnceTheCauseIsFixed() {
        Matcher named = failedRollback();
        stack.docker.failStartOf(null);

        CliRun again = cli(named.group(1));

        assertEquals(0, again.code(), again.err());
        stack.profile.services().forEach(s -> assertTrue(stack.docker.running(s.name()).isPresent(), s.name() + " runs"));
        assertTrue(stack.journal().unfinishedRun().isEmpty());
        assertEquals(0, cli("reset --mode buckets --yes").code(), "the next run starts");
    }

    @Test
    void theCloseNamedLetsTheNextRunStartWhenTheCauseStays() {
        Matcher named = failedRollback();

        CliRun close = cli(named.group(2));

        assertEquals(0, close.code(), close.err());
        assertTrue(stack.journal().unfinishedRun().isEmpty());
        stack.docker.failStartOf(null);
        CliRun next = cli("reset --mode buckets --yes");
        assertEquals(0, next.code(), "the next run is not refused: " + next.err());
    }
}
