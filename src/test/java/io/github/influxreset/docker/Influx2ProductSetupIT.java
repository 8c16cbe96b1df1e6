package io.github.influxreset.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2.x InfluxDB container without DOCKER_INFLUXDB_INIT_* (set up by hand once): after a full
 * reset, the product's own setup makes the org and the token, and the services' token works.
 */
@ExtendWith(RequiresDocker.class)
class Influx2ProductSetupIT {
    @TempDir
    Path dir;
    RigStack rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void afterAFullResetTheProductsSetupKeepsTheServicesToken() throws Exception {
        rig = RigStack.v2(dir.resolve("rig")).withoutImageSetup().start();
        AppContext app = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));

        CliRun reset = CliRun.run(app, "", "--profile", rig.profile.source().orElseThrow().toString(), "reset", "--mode",
                "full", "--yes");

        assertEquals(0, reset.code(), reset.err());
        try (InfluxV2Adapter influx = new InfluxV2Adapter(rig.profile.influx())) {
            assertEquals(List.of("home_assistant_events", "weather_data"), influx.buckets().stream().map(BucketSpec::name)
                    .sorted().toList(), "the token " + RigStack.TOKEN.substring(0, 3) + "… works after the product's setup");
        }
    }
}
