package io.github.influxreset.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.config.ProfileWriter;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Severity;
import io.github.influxreset.engine.checks.SchemaValidator;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.testing.InfluxdProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HomeIQ's real writer (its tags, its fixed fields and 150-odd {@code attr_*} keys of any type)
 * validated against a profile with key patterns, on a real influxd 1.6.7: freshly written data is
 * no drift; a pattern with a type still catches a wrongly typed key.
 */
class LiveSchemaPatternsIT {
    private static final String TAGS = "event_type, domain, device_class, entity_category, device_id, area_id, integration,"
            + " time_of_day, entity_id, weather_condition";
    @TempDir
    Path dir;
    InfluxdProcess server;
    Profile profile;
    InfluxV1Adapter influx;

    @BeforeEach
    void start() throws Exception {
        server = new InfluxdProcess(dir.resolve("influxd"));
        Path file = dir.resolve("live.yaml");
        Files.writeString(file, String.join("\n",
                "stack: {composeProject: homeiq}",
                "influx: {version: 1, url: '" + server.url() + "'}",
                "buckets: [{name: home_assistant_events, retention: 365d}]",
                "schema:",
                "  - measurement: home_assistant_events",
                "    bucket: home_assistant_events",
                "    tags: [" + TAGS + "]",
                "    fields: {state: string, old_state: string, friendly_name: string, unit_of_measurement: string,",
                "             duration_in_state_seconds: float, weather_humidity: integer, 'weather_*': float,",
                "             'attr_*': any, 'context_*': string}",
                "backups: {dir: " + dir.resolve("backups") + "}", ""));
        profile = new ProfileLoader(Map.of(), dir).load(file);
        influx = new InfluxV1Adapter(profile.influx());
        influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("365d").orElseThrow()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A state_changed event as HomeIQ's enrichment pipeline writes it, its attributes of three types. */
    private void writeEvents(String extraFields) {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            lines.append("home_assistant_events,event_type=state_changed,domain=light,device_class=none,entity_category=none,"
                    + "device_id=d").append(i % 3).append(",area_id=kitchen,integration=hue,time_of_day=evening,entity_id=light.l")
                    .append(i % 3).append(",weather_condition=clear ")
                    .append("state=\"on\",old_state=\"off\",friendly_name=\"Lamp\",unit_of_measurement=\"\",")
                    .append("duration_in_state_seconds=").append(i).append(".5,weather_humidity=55i,weather_temp=21.5,")
                    .append("weather_pressure=1013.0,attr_brightness=").append(i).append(".0,attr_supported_color_modes=\"xy\",")
                    .append("attr_is_on=true,attr_rgb_").append(i % 4).append("=1.0,context_id=\"c").append(i).append('"')
                    .append(extraFields).append(' ').append(now - i * 1_000_000_000L).append('\n');
        }
        influx.write("home_assistant_events", lines.toString());
    }

    @Test
    void freshlyWrittenHomeIqDataIsNoDrift() {
        writeEvents("");

        List<Finding> report = new SchemaValidator(profile, influx).validate("live1");

        List<Finding> drift = report.stream().filter(f -> f.severity() != Severity.OK).toList();
        assertEquals(List.of(), drift);
        assertTrue(report.stream().anyMatch(f -> f.message().contains("more fields matching the profile's key patterns")),
                report.toString());
    }

    @Test
    void aKeyOfATypedPatternWithTheWrongTypeIsDriftAndAnUnknownKeyStillIs() {
        writeEvents(",weather_description=\"sunny\",battery=3.0");

        List<Finding> report = new SchemaValidator(profile, influx).validate("live2");

        assertTrue(report.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.message().equals(
                "field weather_description is string, expected float (pattern weather_*)")), report.toString());
        assertTrue(report.stream().anyMatch(f -> f.severity() == Severity.WARNING
                && f.message().equals("extra field battery is not in the profile")), report.toString());
    }

    @Test
    void patternsAreWrittenBackAsTheyWereRead() {
        String yaml = ProfileWriter.toYaml(profile);
        assertTrue(yaml.contains("attr_*: any") || yaml.contains("'attr_*': any"), yaml);
        assertTrue(yaml.contains("weather_*") && yaml.contains("context_*"), yaml);
    }
}
