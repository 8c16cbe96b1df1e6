package io.github.influxreset.faults;

import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.RigStack;
import org.junit.jupiter.api.BeforeAll;

/** The kill-after-every-action suite on InfluxDB 1.6.7. */
class FaultInjection1xIT extends FaultInjectionIT {
    @BeforeAll
    static void startStack() throws Exception {
        RigStack stack = new RigStack(dir.resolve("rig")).start();
        start(stack, new InfluxV1Adapter(stack.profile.influx()));
    }
}
