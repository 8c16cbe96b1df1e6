package io.github.influxreset.influx.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.influx.InfluxErrors;
import io.github.influxreset.influx.TlsClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts the server's own backup (the layout {@link NativeBackupV2} and {@code influx backup} write)
 * back, whole, as {@code influx restore --full} does: the key-value store (tokens, orgs, buckets),
 * the sqlite metadata, then every shard, through {@code /api/v2/restore/*}. Replaces everything on
 * the server; the caller has backed up what was there.
 */
final class NativeRestoreV2 {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InfluxSpec spec;
    private final HttpClient http;
    private String token;

    NativeRestoreV2(InfluxSpec spec) {
        this.spec = spec;
        this.http = TlsClients.http(spec.tls()).connectTimeout(Duration.ofSeconds(10)).build();
        this.token = spec.token().revealAsString();
    }

    /** The manifest of the backup in {@code dir} (exactly one {@code *.manifest}). */
    static Path manifest(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> manifests = files.filter(f -> f.getFileName().toString().endsWith(NativeBackupV2.MANIFEST_EXTENSION)).toList();
            if (manifests.size() != 1) {
                throw new IOException(dir + " holds " + manifests.size() + " backup manifests, not one");
            }
            return manifests.get(0);
        }
    }

    void restore(Path dir) throws IOException {
        JsonNode manifest = JSON.readTree(manifest(dir).toFile());
        JsonNode kv = post("/api/v2/restore/kv", dir, manifest.path("kv"));
        String restored = kv == null ? "" : kv.path("token").asText("");
        if (!restored.isEmpty()) {
            token = restored;
        }
        if (!manifest.path("sql").isMissingNode() && !manifest.path("sql").isNull()) {
            post("/api/v2/restore/sql", dir, manifest.path("sql"));
        }
        for (JsonNode bucket : manifest.path("buckets")) {
            for (JsonNode policy : bucket.path("retentionPolicies")) {
                for (JsonNode group : policy.path("shardGroups")) {
                    for (JsonNode shard : group.path("shards")) {
                        post("/api/v2/restore/shards/" + shard.path("id").asLong(), dir, shard);
                    }
                }
            }
        }
    }

    /** Uploads one file of the backup as it is stored (gzip when the manifest says so); returns the JSON answer. */
    private JsonNode post(String path, Path dir, JsonNode file) throws IOException {
        Path body = dir.resolve(file.path("fileName").asText());
        if (!body.normalize().startsWith(dir.normalize()) || !Files.isRegularFile(body, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the backup names a file it does not hold: " + file.path("fileName").asText());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(spec.url().replaceAll("/+$", "") + path))
                .timeout(Duration.ofMinutes(30)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(body));
        if (file.path("compression").asInt() == 1) {
            request.header("Content-Encoding", "gzip");
        }
        if (!token.isEmpty()) {
            request.header("Authorization", "Token " + token);
        }
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream in = answer.body()) {
            byte[] text = in.readAllBytes();
            if (answer.statusCode() / 100 != 2) {
                throw ResetException.problem("InfluxDB refused to restore " + path.substring("/api/v2/restore/".length())
                        + " (HTTP " + answer.statusCode() + "): " + InfluxErrors.readable(
                        new String(text, StandardCharsets.UTF_8)) + ".",
                        "A whole restore of InfluxDB's own backup needs the operator token.", null);
            }
            return text.length == 0 ? null : JSON.readTree(text);
        }
    }
}
