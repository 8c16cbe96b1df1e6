package io.github.influxreset.influx.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.LinePoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV answer of a Flux query, as influxd 2.x writes it, turned into line protocol. */
class FluxCsvLinesTest {
    private static final String HEADER = ",result,table,_start,_stop,_time,_value,_field,_measurement";

    @Test
    void eachTypeAndTableBecomesItsLines() throws IOException {
        String csv = "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string\r\n"
                + HEADER + ",entity_id\r\n"
                + ",_result,0,1970-01-01T00:00:00Z,2026-12-07T00:00:00Z,2026-11-26T06:06:08Z,20,normalized_value,events,sensor.a\r\n"
                + ",_result,0,1970-01-01T00:00:00Z,2026-12-07T00:00:00Z,2026-11-26T06:06:09.5Z,20.25,normalized_value,events,sensor.a\r\n"
                + ",_result,1,1970-01-01T00:00:00Z,2026-12-07T00:00:00Z,2026-11-26T06:06:08.000000001Z,-1e+21,normalized_value,events,"
                + "sensor.b\r\n"
                + "\r\n"
                + "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,long,string,string,string,string\r\n"
                + HEADER + ",area,entity_id\r\n"
                + ",_result,2,1970-01-01T00:00:00Z,2026-12-07T00:00:00Z,2026-11-26T06:06:08Z,42,sequence,events,,sensor.a\r\n"
                + ",_result,3,1970-01-01T00:00:00Z,2026-12-07T00:00:00Z,2026-11-26T06:06:08Z,7,sequence,events,living room,sensor.b\r\n"
                + "\r\n"
                + "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,boolean,string,string,string\r\n"
                + HEADER + ",entity_id\r\n"
                + ",_result,4,1970-01-01T00:00:00Z,2026-12-07T00:00:00Z,2026-11-26T06:06:08Z,true,is_numeric,events,sensor.a\r\n"
                + "\r\n";
        long second = Instant.parse("2026-11-26T06:06:08Z").getEpochSecond() * 1_000_000_000L;
        assertEquals(List.of(
                "events,entity_id=sensor.a normalized_value=20 " + second,
                "events,entity_id=sensor.a normalized_value=20.25 " + (second + 1_500_000_000L),
                "events,entity_id=sensor.b normalized_value=-1e+21 " + (second + 1),
                "events,entity_id=sensor.a sequence=42i " + second,
                "events,area=living\\ room,entity_id=sensor.b sequence=7i " + second,
                "events,entity_id=sensor.a is_numeric=true " + second), convert(csv));
    }

    @Test
    void quotedStringsKeepCommasQuotesAndBackslashesAndNamesAreEscaped() throws IOException {
        String csv = "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,string,string,string,string\r\n"
                + HEADER + ",\"tag,key\"\r\n"
                + ",_result,0,1970-01-01T00:00:00Z,2026-12-07T00:00:00Z,1969-12-31T23:59:59Z,\"a, \"\"quoted\"\" \\ value\","
                + "\"state value\",\"my events\",\"x=1,y\"\r\n";
        List<String> lines = convert(csv);
        assertEquals(List.of("my\\ events,tag\\,key=x\\=1\\,y state\\ value=\"a, \\\"quoted\\\" \\\\ value\" -1000000000"),
                lines);
        LinePoint point = LinePoint.parse(lines.get(0));
        assertEquals("a, \"quoted\" \\ value", point.fields().get("state value").value());
        assertEquals("x=1,y", point.tags().get("tag,key"));
    }

    @Test
    void anErrorTableInTheAnswerIsThrownWithTheServersWords() {
        String csv = "#datatype,string,string\r\n,error,reference\r\n,\"panic: out of memory, query killed\",\r\n";
        IOException e = assertThrows(IOException.class, () -> convert(csv));
        assertTrue(e.getMessage().contains("out of memory, query killed"), e.getMessage());
    }

    @Test
    void anAnswerThatEndsInsideAQuotedValueIsTold() {
        String csv = "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,string,string,string\r\n"
                + HEADER + "\r\n,_result,0,1970-01-01T00:00:00Z,2026-12-07T00:00:00Z,2026-11-26T06:06:08Z,\"cut";
        IOException e = assertThrows(IOException.class, () -> convert(csv));
        assertTrue(e.getMessage().contains("ended inside a quoted field"), e.getMessage());
    }

    @Test
    void timesWithAnOffsetAreReadTheSlowWay() {
        assertEquals(Instant.parse("2026-11-26T05:06:08.25Z").toEpochMilli() * 1_000_000L,
                FluxCsvLines.nanos("2026-11-26T06:06:08.25+01:00"));
    }

    private static List<String> convert(String csv) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long lines = FluxCsvLines.convert(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), out);
        List<String> written = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(written.size(), lines, "the count is the lines written");
        return written;
    }
}
