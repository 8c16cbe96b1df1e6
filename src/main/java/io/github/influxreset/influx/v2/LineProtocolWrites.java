package io.github.influxreset.influx.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.influx.InfluxErrors;
import io.github.influxreset.influx.TlsClients;
import io.github.influxreset.influx.TlsFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

/**
 * Line protocol written to a 2.x bucket with one plain {@code POST /api/v2/write} (nanosecond
 * precision), the body gzipped when the server is on another machine: what carrying, restoring and
 * validating write. A refusal is a sentence with the server's own words; nothing is retried (a write
 * that fails stops the run, which is then undone).
 */
final class LineProtocolWrites {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InfluxSpec spec;
    private final HttpClient http;
    private final boolean compressed;

    LineProtocolWrites(InfluxSpec spec) {
        this(spec, !CsvExport.onThisMachine(URI.create(spec.url()).getHost()));
    }

    /** @param compressed whether the bodies travel gzipped (the adapter decides by the server's host) */
    LineProtocolWrites(InfluxSpec spec, boolean compressed) {
        this.spec = spec;
        this.http = TlsClients.http(spec.tls()).connectTimeout(Duration.ofSeconds(10)).build();
        this.compressed = compressed;
    }

    void write(String bucket, String lineProtocol) {
        byte[] body = lineProtocol.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(spec.url().replaceAll("/+$", "")
                        + "/api/v2/write?precision=ns&org=" + URLEncoder.encode(spec.org(), StandardCharsets.UTF_8)
                        + "&bucket=" + URLEncoder.encode(bucket, StandardCharsets.UTF_8)))
                .timeout(TIMEOUT)
                .header("Authorization", "Token " + spec.token().revealAsString())
                .header("Content-Type", "text/plain; charset=utf-8");
        if (compressed) {
            body = gzip(body);
            request.header("Content-Encoding", "gzip");
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw TlsFailure.in(e) ? TlsFailure.problem(spec.url(), e) : ResetException.problem("InfluxDB does not answer "
                    + "at " + spec.url() + " (writing to bucket " + bucket + ": " + e.getMessage() + ").",
                    "Check that it runs and that influx.url in the profile is right.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ResetException.problem("A write to bucket " + bucket + " was interrupted.", "", e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw refused(bucket, answer.statusCode(), answer.body());
        }
    }

    private ResetException refused(String bucket, int status, String answer) {
        if (status == 401 || status == 403) {
            return ResetException.problem("InfluxDB at " + spec.url() + " refused the token (HTTP " + status + ").",
                    "Check influx.token in the profile (an all-access or operator token).", null);
        }
        String message = message(answer);
        return ResetException.problem("InfluxDB could not write to bucket " + bucket + " (HTTP " + status + "): "
                + InfluxErrors.readable(message) + ".", InfluxErrors.hintForWrite(message), null);
    }

    /** The {@code message} of InfluxDB's JSON error answer; the answer itself when it is not one. */
    static String message(String answer) {
        try {
            JsonNode error = JSON.readTree(answer);
            return error != null && error.path("message").isTextual() ? error.path("message").asText() : answer;
        } catch (IOException notJson) {
            return answer;
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(zipped, 1 << 16)) {
            out.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("gzip in memory failed", e);
        }
        return zipped.toByteArray();
    }
}
