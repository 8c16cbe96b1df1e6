package io.github.influxreset.influx.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.domain.TlsTrust;
import io.github.influxreset.influx.TlsClients;
import io.github.influxreset.influx.InfluxErrors;
import io.github.influxreset.influx.TlsFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The HTTP API of InfluxDB 1.x: {@code /ping}, {@code /query} and {@code /write}. Credentials
 * travel in a Basic header, never in a URL, so they cannot reach a log.
 */
final class InfluxV1Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String url;
    private final HttpClient http;
    private final String authorization;

    InfluxV1Http(String url, String username, Secret password, TlsTrust trust) {
        this.url = url;
        this.http = TlsClients.http(trust).connectTimeout(Duration.ofSeconds(3)).build();
        this.authorization = username == null || username.isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password.revealAsString()).getBytes(StandardCharsets.UTF_8));
    }

    /** The server's version from {@code /ping}. */
    String ping() {
        HttpResponse<String> response = send(request("/ping").GET().build());
        if (response.statusCode() != 204 && response.statusCode() != 200) {
            throw failure("/ping", response);
        }
        return response.headers().firstValue("X-Influxdb-Version").orElse("unknown");
    }

    /** Runs one InfluxQL statement and returns the first result (throwing on its error). */
    JsonNode query(String db, String statement) {
        String form = "q=" + enc(statement) + (db == null ? "" : "&db=" + enc(db)) + "&epoch=ns";
        HttpResponse<String> response = send(request("/query").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw failure(statement, response);
        }
        JsonNode result = read(response.body()).path("results").path(0);
        if (result.has("error")) {
            throw ResetException.problem("InfluxDB refused '" + statement + "': " + result.get("error").asText() + ".",
                    "Check the database and measurement names in the profile.", null);
        }
        return result;
    }

    /** Runs a chunked query and hands each chunk's first result to {@code chunks}. */
    void queryChunked(String db, String statement, Consumer<JsonNode> chunks) {
        String query = "/query?chunked=true&chunk_size=10000&epoch=ns&db=" + enc(db) + "&q=" + enc(statement);
        try {
            HttpResponse<InputStream> response = http.send(request(query).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    throw ResetException.problem("InfluxDB answered HTTP " + response.statusCode() + " to '" + statement + "'.",
                            "Check the server's log.", null);
                }
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        JsonNode result = readChunk(line, statement).path("results").path(0);
                        if (result.has("error")) {
                            throw ResetException.problem("InfluxDB refused '" + statement + "': " + result.get("error").asText()
                                    + ".", "", null);
                        }
                        chunks.accept(result);
                    }
                }
            }
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    void write(String db, String lines) {
        HttpRequest request = request("/write?precision=ns&db=" + enc(db)).POST(HttpRequest.BodyPublishers.ofString(lines)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ProtocolException refusedWithUnprintableWords) {
            // InfluxDB echoes the bad line in X-Influxdb-Error; with control characters in it the
            // HTTP client refuses the whole answer, but its message still holds InfluxDB's words
            throw refused(db, echoedError(refusedWithUnprintableWords.getMessage()), refusedWithUnprintableWords);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
        if (response.statusCode() != 204) {
            throw refused(db, read(response.body()).path("error").asText(response.body()), null);
        }
    }

    private static ResetException refused(String db, String error, Throwable cause) {
        String words = InfluxErrors.readable(error);
        return ResetException.problem("InfluxDB refused the points for " + db + ": " + words + ".",
                InfluxErrors.hintForWrite(error), cause);
    }

    /** InfluxDB's error text out of the client's "Invalid header value" message, else the message. */
    private static String echoedError(String message) {
        String text = message == null ? "" : message;
        int at = text.indexOf("X-Influxdb-Error:");
        return at < 0 ? text : text.substring(at + "X-Influxdb-Error:".length()).replaceFirst("\"$", "").strip();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    private ResetException failure(String what, HttpResponse<String> response) {
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            return ResetException.problem("InfluxDB at " + url + " refused the credentials (HTTP " + response.statusCode() + ").",
                    "Check influx.username and influx.password in the profile.", null);
        }
        return ResetException.problem("InfluxDB at " + url + " answered HTTP " + response.statusCode() + " to '" + what + "'.",
                "Check the server's log.", null);
    }

    private ResetException unreachable(Exception e) {
        if (TlsFailure.in(e)) {
            return TlsFailure.problem(url, e);
        }
        return ResetException.problem("InfluxDB does not answer at " + url + ".",
                "Check that it runs and that influx.url in the profile is right.", e);
    }

    /** A chunk that is not JSON fails the query: an export must never skip one without a word. */
    private static JsonNode readChunk(String chunk, String statement) {
        try {
            return JSON.readTree(chunk);
        } catch (IOException e) {
            throw ResetException.problem("InfluxDB sent a part of its answer to '" + statement + "' that is not JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + "), so the answer is incomplete.",
                    "Try again; if it repeats, check the server's log.", e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
