package io.github.influxreset.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.domain.TlsTrust;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.Influxd2Process;
import io.github.influxreset.testing.TestCertificates;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real InfluxDB 2.7.12 behind HTTPS with the home's own CA (issue 28, item 3): the client library
 * (OkHttp) and the native backup (Java's client) both trust {@code influx.caFile}.
 */
class InfluxV2OverHttpsIT {
    private static final String TOKEN = "https-operator-TOKEN";

    @TempDir
    static Path dir;
    static Influxd2Process server;

    @BeforeAll
    static void start() throws Exception {
        Path certificates = new TestCertificates("home CA").server(dir.resolve("server"));
        server = new Influxd2Process(dir.resolve("influxd"), certificates).setUp("homeiq", "home_assistant_events", TOKEN);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static InfluxV2Adapter adapter(TlsTrust trust) {
        return new InfluxV2Adapter(new InfluxSpec(2, "influxdb", server.url(), "homeiq", Secret.of(TOKEN), "", Secret.empty(),
                "admin", Secret.empty(), trust));
    }

    @Test
    void theClientAndTheNativeBackupTrustTheHomesCa() {
        try (InfluxV2Adapter influx = adapter(new TlsTrust(Optional.of(dir.resolve("server/ca.pem")), false))) {
            assertTrue(influx.health().startsWith("v2") || influx.health().startsWith("2"), influx.health());
            long now = System.currentTimeMillis() * 1_000_000L;
            influx.write("home_assistant_events", "probe v=1 " + now + "\n");
            assertEquals(Map.of("probe", 1L), influx.countPoints("home_assistant_events"));
            assertEquals(Optional.empty(), influx.nativeBackupProblem(), "the operator token may take the backup over https");
        }
    }

    @Test
    void withoutTheCaItIsASentenceNamingCaFile() {
        try (InfluxV2Adapter influx = adapter(TlsTrust.SYSTEM)) {
            ResetException refused = assertThrows(ResetException.class, influx::health);

            assertTrue(refused.userText().contains("influx.caFile"), refused.userText());
        }
    }
}
