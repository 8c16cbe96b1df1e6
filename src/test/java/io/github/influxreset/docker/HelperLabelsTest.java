package io.github.influxreset.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A helper's owner killed but not yet reaped (a zombie: what a rollback started a moment after a
 * kill -9 can meet) is gone, and its helpers are orphans; a live owner's are not.
 */
class HelperLabelsTest {
    @Test
    void aKilledOwnerNotYetReapedIsGoneAndALiveOneIsNot() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        // the child's parent becomes a sleep that never waits for it: once killed, it stays a zombie
        Process parent = new ProcessBuilder("bash", "-c", "sleep 60 & echo $!; exec sleep 60").start();
        try {
            long child = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream())).readLine().strip());
            ProcessHandle handle = ProcessHandle.of(child).orElseThrow();
            String owner = child + "@" + handle.info().startInstant().orElseThrow().toEpochMilli();
            Map<String, String> labels = Map.of(HelperLabels.HELPER, "true", HelperLabels.OWNER, owner);
            assertFalse(HelperLabels.orphaned(labels), "a live owner keeps its helpers");

            new ProcessBuilder("kill", "-9", Long.toString(child)).start().waitFor();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!HelperLabels.isZombie(child) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(10_000_000L);
            }

            assertTrue(HelperLabels.isZombie(child), "the killed child is a zombie, not reaped");
            assertTrue(ProcessHandle.of(child).isPresent(), "its pid is still there, as the rollback saw it");
            assertTrue(HelperLabels.orphaned(labels), "yet its helpers are orphans");
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }
}
