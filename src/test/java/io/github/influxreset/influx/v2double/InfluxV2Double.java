package io.github.influxreset.influx.v2double;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.influxreset.testing.LineProtocolParser;
import io.github.influxreset.testing.Point;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process stand-in for an InfluxDB OSS 2.x server, on 127.0.0.1, holding orgs, buckets and
 * points in memory and answering only the endpoints the product uses. Every request it receives
 * and every response it sends is checked against the published OpenAPI contract; the complaints
 * are collected in {@link #violations()} for the test to assert empty. Flux is understood only in
 * the few shapes the product sends ({@link FluxDouble}).
 */
public final class InfluxV2Double implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final String VERSION = "v2.7.11";

    private final HttpServer server;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    final Map<String, Bucket> buckets = new LinkedHashMap<>();
    private String token;
    private String orgId;
    private String orgName;

    /** A bucket of the double. */
    static final class Bucket {
        final String id = hex16();
        String name;
        final String orgId;
        long everySeconds;
        final List<Point> points = new ArrayList<>();

        Bucket(String name, String orgId, long everySeconds) {
            this.name = name;
            this.orgId = orgId;
            this.everySeconds = everySeconds;
        }
    }

    public InfluxV2Double() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** A double already set up, as a running HomeIQ server would be. */
    public static InfluxV2Double setUp(String org, String token) {
        InfluxV2Double influx = new InfluxV2Double();
        influx.orgName = org;
        influx.orgId = hex16();
        influx.token = token;
        return influx;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public synchronized void createBucket(String name, long everySeconds) {
        Bucket bucket = new Bucket(name, orgId, everySeconds);
        buckets.put(bucket.id, bucket);
    }

    public synchronized int points(String bucket) {
        return byName(bucket).points.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> requestHeaders.put(k, String.join(",", v)));
        Reply reply;
        try {
            reply = route(method, path, query, requestHeaders, body);
        } catch (FluxDouble.FluxError e) {
            reply = Reply.json(400, error("invalid", e.getMessage()));
        } catch (RuntimeException e) {
            reply = Reply.json(500, error("internal error", e.toString()));
        }
        try {
            violations.addAll(ContractValidator.check(method, path, query, requestHeaders, body, reply.status,
                    reply.headers, reply.body));
        } catch (RuntimeException | Error e) {
            violations.add(method + " " + path + ": the contract check itself failed: " + e);
        }
        reply.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private synchronized Reply route(String method, String path, Map<String, List<String>> query,
                                     Map<String, String> headers, String body) throws IOException {
        if (path.equals("/ping")) {
            return new Reply(204, Map.of("X-Influxdb-Version", VERSION, "X-Influxdb-Build", "OSS"), "");
        }
        if (path.equals("/api/v2/setup")) {
            return method.equals("GET") ? Reply.json(200, JSON.createObjectNode().put("allowed", token == null)) : setup(body);
        }
        if (!authorized(headers)) {
            return Reply.json(401, error("unauthorized", "unauthorized access"));
        }
        return switch (method + " " + path.replaceAll("/api/v2/buckets/[0-9a-f]+$", "/api/v2/buckets/{id}")) {
            case "GET /api/v2/orgs" -> Reply.json(200, orgs());
            case "GET /api/v2/buckets" -> Reply.json(200, bucketList(first(query, "org")));
            case "POST /api/v2/buckets" -> postBucket(JSON.readTree(body));
            case "PATCH /api/v2/buckets/{id}" -> patchBucket(lastSegment(path), JSON.readTree(body));
            case "DELETE /api/v2/buckets/{id}" -> buckets.remove(lastSegment(path)) == null
                    ? Reply.json(404, error("not found", "bucket not found")) : new Reply(204, Map.of(), "");
            case "POST /api/v2/write" -> write(first(query, "bucket"), body);
            case "POST /api/v2/query" -> fluxQuery(JSON.readTree(body).path("query").asText());
            case "POST /api/v2/delete" -> delete(first(query, "bucket"), JSON.readTree(body));
            default -> Reply.json(404, error("not found", "path not found"));
        };
    }

    private Reply setup(String body) throws IOException {
        if (token != null) {
            return Reply.json(422, error("conflict", "onboarding has already been completed"));
        }
        JsonNode request = JSON.readTree(body);
        orgName = request.path("org").asText();
        orgId = hex16();
        token = request.path("token").asText(UUID.randomUUID().toString());
        Bucket first = new Bucket(request.path("bucket").asText(), orgId, 0);
        buckets.put(first.id, first);
        ObjectNode reply = JSON.createObjectNode();
        reply.set("user", JSON.createObjectNode().put("id", hex16()).put("name", request.path("username").asText())
                .put("status", "active"));
        reply.set("org", org());
        reply.set("bucket", bucketJson(first));
        ObjectNode auth = JSON.createObjectNode().put("id", hex16()).put("token", token).put("orgID", orgId)
                .put("status", "active").put("description", "operator token");
        ArrayNode permissions = JSON.createArrayNode();
        for (String action : List.of("read", "write")) {
            ObjectNode permission = JSON.createObjectNode().put("action", action);
            permission.set("resource", JSON.createObjectNode().put("type", "buckets").put("orgID", orgId));
            permissions.add(permission);
        }
        auth.set("permissions", permissions);
        reply.set("auth", auth);
        return Reply.json(201, reply);
    }

    private boolean authorized(Map<String, String> headers) {
        String header = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        return token != null && header.equals("Token " + token);
    }

    private ObjectNode orgs() {
        ObjectNode reply = JSON.createObjectNode();
        reply.set("orgs", JSON.createArrayNode().add(org()));
        return reply;
    }

    private ObjectNode org() {
        return JSON.createObjectNode().put("id", orgId).put("name", orgName).put("status", "active");
    }

    private ObjectNode bucketList(String org) {
        ArrayNode list = JSON.createArrayNode();
        if (org == null || org.equals(orgName)) {
            buckets.values().forEach(b -> list.add(bucketJson(b)));
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.set("links", JSON.createObjectNode().put("self", "/api/v2/buckets"));
        reply.set("buckets", list);
        return reply;
    }

    private Reply postBucket(JsonNode request) {
        String name = request.path("name").asText();
        if (buckets.values().stream().anyMatch(b -> b.name.equals(name))) {
            return Reply.json(422, error("conflict", "bucket with name " + name + " already exists"));
        }
        Bucket bucket = new Bucket(name, request.path("orgID").asText(), everySeconds(request));
        buckets.put(bucket.id, bucket);
        return Reply.json(201, bucketJson(bucket));
    }

    private Reply patchBucket(String id, JsonNode request) {
        Bucket bucket = buckets.get(id);
        if (bucket == null) {
            return Reply.json(404, error("not found", "bucket not found"));
        }
        String name = request.path("name").asText(bucket.name);
        if (!name.equals(bucket.name) && buckets.values().stream().anyMatch(b -> b.name.equals(name))) {
            return Reply.json(422, error("conflict", "bucket with name " + name + " already exists"));
        }
        bucket.name = name;
        bucket.everySeconds = everySeconds(request);
        return Reply.json(200, bucketJson(bucket));
    }

    private Reply write(String bucketName, String body) {
        Bucket bucket = findByName(bucketName);
        if (bucket == null) {
            return Reply.json(404, error("not found", "bucket \"" + bucketName + "\" not found"));
        }
        List<Point> parsed = LineProtocolParser.parse(body);
        for (Point point : parsed) {
            for (Map.Entry<String, Object> field : point.fields().entrySet()) {
                Object existing = FluxDouble.existingValue(bucket, point.measurement(), field.getKey());
                if (existing != null && existing.getClass() != field.getValue().getClass()) {
                    return Reply.json(422, error("unprocessable entity", "failure writing points to database: partial "
                            + "write: field type conflict: input field \"" + field.getKey() + "\" dropped=1"));
                }
            }
            bucket.points.add(point);
        }
        return new Reply(204, Map.of(), "");
    }

    private Reply delete(String bucketName, JsonNode request) {
        Bucket bucket = findByName(bucketName);
        if (bucket == null) {
            return Reply.json(404, error("not found", "bucket not found"));
        }
        bucket.points.removeIf(new DeletePredicate(request.path("predicate").asText())::matches);
        return new Reply(204, Map.of(), "");
    }

    private static long everySeconds(JsonNode request) {
        for (JsonNode rule : request.path("retentionRules")) {
            return rule.path("everySeconds").asLong();
        }
        return 0;
    }

    private ObjectNode bucketJson(Bucket bucket) {
        ObjectNode node = JSON.createObjectNode().put("id", bucket.id).put("name", bucket.name).put("orgID", bucket.orgId)
                .put("type", "user").put("createdAt", Instant.EPOCH.toString()).put("updatedAt", Instant.EPOCH.toString());
        ArrayNode rules = JSON.createArrayNode();
        if (bucket.everySeconds > 0) {
            rules.add(JSON.createObjectNode().put("type", "expire").put("everySeconds", bucket.everySeconds));
        }
        node.set("retentionRules", rules);
        node.set("labels", JSON.createArrayNode());
        node.set("links", JSON.createObjectNode().put("self", "/api/v2/buckets/" + bucket.id));
        return node;
    }

    Bucket findByName(String name) {
        return buckets.values().stream().filter(b -> b.name.equals(name)).findFirst().orElse(null);
    }

    private Bucket byName(String name) {
        Bucket bucket = findByName(name);
        if (bucket == null) {
            throw new IllegalArgumentException("no bucket " + name);
        }
        return bucket;
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("code", code).put("message", message);
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                params.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    static String hex16() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** A response of the double. */
    /** A Flux query's CSV answer; a bucket that does not exist is a 404, as influxd 2.7 answers it. */
    private Reply fluxQuery(String flux) {
        String bucket = flux.replaceAll("(?s).*?bucket: \"([^\"]*)\".*", "$1");
        if (findByName(bucket) == null) {
            return Reply.json(404, error("not found", "failed to initialize execute state: could not find bucket \""
                    + bucket + "\""));
        }
        return Reply.csv(new FluxDouble(this).run(flux));
    }

    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, JsonNode body) {
            return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8"), body.toString());
        }

        static Reply csv(String body) {
            return new Reply(200, Map.of("Content-Type", "application/csv; charset=utf-8"), body);
        }
    }
}
