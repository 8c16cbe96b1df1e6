package io.github.influxreset.influx.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.influx.TlsClients;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The server's own backup of InfluxDB 2.x, laid out as {@code influx backup} lays it out so that
 * {@code influx restore} reads it: {@code BASE.bolt.gz}, {@code BASE.sqlite.gz}, one
 * {@code BASE.SHARD.tar.gz} per shard and {@code BASE.manifest} (manifest version 2), from the
 * {@code /api/v2/backup/metadata} and {@code /api/v2/backup/shards/{id}} endpoints. Needs an
 * operator token. Plain HTTP with timeouts; nothing is held in memory.
 */
final class NativeBackupV2 {
    static final String MANIFEST_EXTENSION = ".manifest";
    private static final DateTimeFormatter BASE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int GZIP = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InfluxSpec spec;
    private final HttpClient http;
    private final Clock clock;

    NativeBackupV2(InfluxSpec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.http = TlsClients.http(spec.tls()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Why this token cannot take the server's backup (it is not an operator token), if so. */
    Optional<String> problem() {
        try {
            HttpResponse<InputStream> answer = get("/api/v2/backup/metadata");
            answer.body().close();
            if (answer.statusCode() == 401 || answer.statusCode() == 403) {
                return Optional.of("the profile's token may not take InfluxDB's own backup (HTTP "
                        + answer.statusCode() + "): that needs the operator token");
            }
            return answer.statusCode() == 200 ? Optional.empty()
                    : Optional.of("InfluxDB answered HTTP " + answer.statusCode() + " to the backup request");
        } catch (IOException e) {
            return Optional.of("InfluxDB could not be asked for its backup: " + e.getMessage());
        }
    }

    /** Writes the backup into {@code dir} (which exists); every file mode 600. */
    void write(Path dir) throws IOException {
        String base = BASE.format(clock.instant());
        ObjectNode manifest = JSON.createObjectNode().put("manifestVersion", 2);
        ArrayNode buckets = JSON.createArrayNode();
        HttpResponse<InputStream> answer = ok(get("/api/v2/backup/metadata"), "the metadata");
        String boundary = MultipartReader.boundary(answer.headers().firstValue("Content-Type").orElse(""))
                .orElseThrow(() -> new IOException("the metadata answer is not multipart"));
        try (InputStream body = answer.body()) {
            MultipartReader parts = new MultipartReader(body, boundary);
            for (var name = parts.nextPart(); name.isPresent(); name = parts.nextPart()) {
                switch (name.get()) {
                    case "kv" -> manifest.set("kv", gzipPart(parts, dir.resolve(base + ".bolt.gz")));
                    case "sql" -> manifest.set("sql", gzipPart(parts, dir.resolve(base + ".sqlite.gz")));
                    case "buckets" -> {
                        ByteArrayOutputStream json = new ByteArrayOutputStream();
                        parts.copyPart(json);
                        buckets = (ArrayNode) JSON.readTree(json.toByteArray());
                    }
                    default -> throw new IOException("the metadata answer has an unknown part " + name.get());
                }
            }
        }
        for (JsonNode bucket : buckets) {
            for (JsonNode policy : bucket.path("retentionPolicies")) {
                for (JsonNode group : policy.path("shardGroups")) {
                    ArrayNode kept = JSON.createArrayNode();
                    for (JsonNode shard : group.path("shards")) {
                        downloadShard(dir, base, shard.path("id").asLong()).ifPresent(file -> kept.add(
                                ((ObjectNode) shard.deepCopy()).setAll(file)));
                    }
                    ((ObjectNode) group).set("shards", kept);
                }
            }
        }
        manifest.set("buckets", buckets);
        Path file = dir.resolve(base + MANIFEST_EXTENSION);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), manifest);
        restrict(file);
    }

    /** A shard's TSM snapshot, gzip-compressed; empty when the shard was dropped meanwhile (404). */
    private Optional<ObjectNode> downloadShard(Path dir, String base, long id) throws IOException {
        HttpResponse<InputStream> answer = get("/api/v2/backup/shards/" + id);
        if (answer.statusCode() == 404) {
            answer.body().close();
            return Optional.empty();
        }
        ok(answer, "shard " + id);
        Path file = dir.resolve(base + "." + id + ".tar.gz");
        boolean gzipped = answer.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip");
        try (InputStream in = answer.body(); OutputStream out = gzipped ? Files.newOutputStream(file)
                : new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            in.transferTo(out);
        }
        restrict(file);
        return Optional.of(entry(file));
    }

    private static ObjectNode gzipPart(MultipartReader parts, Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            parts.copyPart(out);
        }
        restrict(file);
        return entry(file);
    }

    private static ObjectNode entry(Path file) throws IOException {
        return JSON.createObjectNode().put("fileName", file.getFileName().toString()).put("size", Files.size(file))
                .put("compression", GZIP);
    }

    private HttpResponse<InputStream> get(String path) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(spec.url().replaceAll("/+$", "") + path))
                .timeout(Duration.ofMinutes(10)).header("Accept-Encoding", path.contains("/shards/") ? "gzip" : "identity");
        if (!spec.token().isEmpty()) {
            request.header("Authorization", "Token " + spec.token().revealAsString());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static HttpResponse<InputStream> ok(HttpResponse<InputStream> answer, String what) throws IOException {
        if (answer.statusCode() != 200) {
            answer.body().close();
            throw ResetException.problem("InfluxDB refused to back up " + what + " (HTTP " + answer.statusCode() + ").",
                    "The server's own backup needs the operator token.", null);
        }
        return answer;
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's rights apply
        }
    }
}
