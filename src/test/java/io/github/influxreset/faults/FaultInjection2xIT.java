package io.github.influxreset.faults;

import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.RigStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kill-after-every-action suite on InfluxDB 2.7.12, whose image sets itself up from
 * DOCKER_INFLUXDB_INIT_* whenever the product gives it a fresh volume.
 */
class FaultInjection2xIT extends FaultInjectionIT {
    @BeforeAll
    static void startStack() throws Exception {
        RigStack stack = RigStack.v2(dir.resolve("rig")).start();
        start(stack, new InfluxV2Adapter(stack.profile.influx()));
    }

    /**
     * From the confirmation on: the kill points before it (checks, backup) change nothing and go the
     * same way on both versions; the 1.x suite tries each of them, the chaos suite random moments.
     */
    @Override
    int firstRollbackKillPoint() {
        return Math.max(0, firstReset - 1);
    }

    /**
     * After the first action of each kind only (the first service stopped, the first volume removed,
     * ...): each action's undo and resume on 2.x once; the 1.x suite kills after every action, the
     * chaos suite at random moments. Keeps the suite inside the CI's time.
     */
    @Override
    boolean tries(int k) {
        return firstOfItsKind(k, firstRollbackKillPoint());
    }

    @Test
    void aKilledResetIsResumedAfterEachKindOfActionAndItsBackupHoldsEveryPoint() throws Exception {
        resumeFromEveryKillPointAndTheBackupHoldsEveryPoint();
    }
}
