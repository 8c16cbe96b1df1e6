package io.github.influxreset.influx.v2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.influx.InfluxErrors;
import io.github.influxreset.influx.TlsClients;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/**
 * A bucket exported as line protocol straight from the server's CSV answer to one Flux query
 * ({@code /api/v2/query}), converted as it streams ({@link FluxCsvLines}) instead of through the
 * client library's records: the server's query speed is the limit. The answer is gzipped on the wire
 * unless the server is on this machine. Nothing is held in memory but one row.
 */
final class CsvExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER = 1 << 16;
    /** An answer that stops for this long is given up (the export fails with a sentence, nothing hangs). */
    private static final Duration IDLE = Duration.ofMinutes(5);

    private final InfluxSpec spec;
    private final HttpClient http;
    private final boolean compressed;

    CsvExport(InfluxSpec spec) {
        this(spec, !onThisMachine(URI.create(spec.url()).getHost()));
    }

    /** @param compressed whether the bodies travel gzipped (the adapter decides by the server's host) */
    CsvExport(InfluxSpec spec, boolean compressed) {
        this.spec = spec;
        this.http = TlsClients.http(spec.tls()).connectTimeout(Duration.ofSeconds(10)).build();
        this.compressed = compressed;
    }

    /** Streams the Flux query's rows as line protocol into {@code out} (flushed, not closed); the lines written. */
    long export(String bucket, String flux, OutputStream out) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.url().replaceAll("/+$", "") + "/api/v2/query?org="
                        + URLEncoder.encode(spec.org(), StandardCharsets.UTF_8)))
                .header("Authorization", "Token " + spec.token().revealAsString())
                .header("Content-Type", "application/json")
                .header("Accept", "application/csv")
                .header("Accept-Encoding", compressed ? "gzip" : "identity")
                .POST(HttpRequest.BodyPublishers.ofString(body(flux))).build();
        try {
            HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream raw = new IdleWatch(answer.body(), IDLE);
                 InputStream rows = answer.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase)
                         .isPresent() ? new GZIPInputStream(raw, BUFFER) : raw) {
                if (answer.statusCode() != 200) {
                    throw refused(bucket, answer.statusCode(), new String(rows.readNBytes(2048), StandardCharsets.UTF_8));
                }
                BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
                long lines = FluxCsvLines.convert(rows, buffered);
                buffered.flush();
                return lines;
            }
        } catch (IOException e) {
            throw ResetException.problem("The export of bucket " + bucket + " from " + spec.url() + " stopped: "
                    + e.getMessage() + ".", "Check that InfluxDB still runs, then back up again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ResetException.problem("The export of bucket " + bucket + " was interrupted.", "Back up again.", e);
        }
    }

    private static String body(String flux) {
        ObjectNode body = JSON.createObjectNode().put("query", flux).put("type", "flux");
        ObjectNode dialect = body.putObject("dialect").put("header", true).put("delimiter", ",");
        dialect.putArray("annotations").add("datatype");
        return body.toString();
    }

    private ResetException refused(String bucket, int status, String answer) {
        String message = InfluxErrors.readable(LineProtocolWrites.message(answer));
        if (status == 401 || status == 403) {
            return ResetException.badInput("InfluxDB at " + spec.url() + " refused the profile's token for reading bucket "
                    + bucket + " (HTTP " + status + ").", "Give the profile a token that may read every bucket of org "
                    + spec.org() + ".");
        }
        return ResetException.problem("InfluxDB at " + spec.url() + " refused the export of bucket " + bucket + " (HTTP "
                + status + ": " + message + ").", "Check the bucket in InfluxDB's UI, then back up again.", null);
    }

    /** True when the host is this machine (a loopback address): nothing is gained by compressing. */
    static boolean onThisMachine(String host) {
        try {
            return host == null || InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
