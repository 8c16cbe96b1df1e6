package io.github.influxreset.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.ResetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code .env} rules of Docker Compose's documentation ("Set environment variables", .env syntax), line by line. */
class DotEnvTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "VAR=VAL|VAL",
        "VAR=\"VAL\"|VAL",
        "VAR='VAL'|VAL",
        "VAR=VAL # comment|VAL",
        "VAR=VAL# not a comment|VAL# not a comment",
        "VAR=\"VAL # not a comment\"|VAL # not a comment",
        "VAR='VAL # not a comment'|VAL # not a comment",
        "VAR=\"VAL\" # comment|VAL",
        "VAR='VAL' # comment|VAL",
        "VAR='$OTHER'|$OTHER",
        "VAR='${OTHER}'|${OTHER}",
        "VAR=\"some\\\"value\"|some\"value",
        "VAR=\"some\\tvalue\"|some\tvalue",
        "VAR=  spaced  |spaced",
        "export VAR=VAL|VAL",
        "VAR=pa$$word|pa$word"})
    void aLineReadsAsComposeReadsIt(String line, String value) {
        assertEquals(Map.of("VAR", value), DotEnv.parse(line));
    }

    @Test
    void variablesOfTheLinesAboveAreInterpolatedWhereComposeDoesIt() {
        Map<String, String> values = DotEnv.parse(String.join("\n", "# the stack's settings", "", "HOST=influxdb",
                "URL=http://${HOST}:8086", "QUOTED=\"http://$HOST\"", "LITERAL='${HOST}'", "ORG=${INFLUXDB_ORG:-ha-ingestor}"));

        assertEquals("http://influxdb:8086", values.get("URL"));
        assertEquals("http://influxdb", values.get("QUOTED"));
        assertEquals("${HOST}", values.get("LITERAL"));
        assertEquals("ha-ingestor", values.get("ORG"), "the default of an unset variable");
    }

    @Test
    void aFileThatCannotBeReadIsNamed(@TempDir Path dir) throws Exception {
        Path env = Files.createDirectory(dir.resolve(".env"));

        ResetException e = assertThrows(ResetException.class, () -> DotEnv.read(env));

        assertTrue(e.getMessage().startsWith("The .env file " + env + " cannot be read"), e.getMessage());
    }
}
