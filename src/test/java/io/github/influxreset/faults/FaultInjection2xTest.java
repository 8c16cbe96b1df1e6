package io.github.influxreset.faults;

import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.RigStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kill-after-every-action suite on InfluxDB 2.7.12, whose image sets itself up from
 * DOCKER_INFLUXDB_INIT_* whenever the product gives it a fresh volume.
 */
class FaultInjection2xTest extends FaultInjectionTest {
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

    @Test
    void aKilledResetIsResumedFromEveryKillPointAndItsBackupHoldsEveryPoint() throws Exception {
        resumeFromEveryKillPointAndTheBackupHoldsEveryPoint();
    }
}
